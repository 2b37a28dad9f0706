import Foundation
import Yams

/// One problem found in a pack, located as `file:line:column`.
public struct PackDiagnostic: Sendable, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Every problem found while loading a pack; loading collects them all before failing.
public struct PackLoadError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [PackDiagnostic]
    /// Texts lacking a kiosk language, found alongside the errors; not part of `description`
    /// because the pack would load without them (see `RulePack.textGaps`).
    public var textGaps: [PackDiagnostic] = []
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while the loader keeps going, so `rules check` can show every error.
final class Diagnostics {
    var items: [PackDiagnostic] = []
    /// Citizen-facing texts that lack one of the kiosk's languages. Kept apart from `items`: the
    /// kiosk can still run such a pack (the citizen reads the Korean), but `rules check` fails on it.
    var textGaps: [PackDiagnostic] = []
    /// Source lines by file, to place errors inside block scalars (`>-`) that span lines.
    var sources: [String: String] = [:]

    /// `columnOffset` is a position inside the scalar's text (an expression column); quoted
    /// scalars start one column after their mark.
    func error(_ file: String, _ node: Node?, _ message: String, columnOffset: Int? = nil) {
        items.append(diagnostic(file, node, message, columnOffset: columnOffset))
    }

    func textGap(_ file: String, _ node: Node?, _ message: String) {
        textGaps.append(diagnostic(file, node, message))
    }

    private func diagnostic(_ file: String, _ node: Node?, _ message: String, columnOffset: Int? = nil) -> PackDiagnostic {
        let mark = node?.mark
        var line = mark?.line ?? 1
        var column = (mark?.column ?? 1) + (columnOffset ?? 0)
        if let offset = columnOffset, let style = node?.scalar?.style {
            if style == .singleQuoted || style == .doubleQuoted {
                column += 1
            } else if style == .folded || style == .literal, let place = blockPosition(file, after: line, offset: offset) {
                (line, column) = place
            }
        }
        return PackDiagnostic(file: file, line: line, column: column, message: message)
    }

    /// Where the character at `offset` of a folded or literal block's text sits in the file: the
    /// block's lines follow its indicator line, each contributing its trimmed text and one
    /// separator.
    private func blockPosition(_ file: String, after indicatorLine: Int, offset: Int) -> (Int, Int)? {
        guard let lines = sources[file]?.split(separator: "\n", omittingEmptySubsequences: false) else { return nil }
        var remaining = offset
        var index = indicatorLine
        while index < lines.count {
            let text = lines[index]
            let indent = text.prefix { $0 == " " }.count
            let content = text.dropFirst(indent)
            if content.isEmpty { index += 1; continue }
            if remaining <= content.count { return (index + 1, indent + remaining + 1) }
            remaining -= content.count + 1
            index += 1
        }
        return nil
    }
}

/// A YAML node with the file it came from, and small typed readers that report what is wrong.
struct YAMLNode {
    let file: String
    let node: Node
    let diagnostics: Diagnostics

    func error(_ message: String, columnOffset: Int? = nil) {
        diagnostics.error(file, node, message, columnOffset: columnOffset)
    }

    var string: String? { node.scalar?.string }

    /// The entries of a mapping, in file order; reports a non-mapping.
    func mapping(_ what: String) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        guard let m = node.mapping else {
            error("\(what) must be a mapping of keys to values")
            return []
        }
        return m.map { (key: $0.key.scalar?.string ?? "", keyNode: YAMLNode(file: file, node: $0.key, diagnostics: diagnostics),
                        value: YAMLNode(file: file, node: $0.value, diagnostics: diagnostics)) }
    }

    func sequence(_ what: String) -> [YAMLNode] {
        guard let s = node.sequence else {
            error("\(what) must be a list")
            return []
        }
        return s.map { YAMLNode(file: file, node: $0, diagnostics: diagnostics) }
    }

    subscript(key: String) -> YAMLNode? {
        guard let m = node.mapping else { return nil }
        for (k, v) in m where k.scalar?.string == key { return YAMLNode(file: file, node: v, diagnostics: diagnostics) }
        return nil
    }

    /// Reports keys that are not among `allowed`, with a did-you-mean.
    func checkKeys(_ allowed: [String], _ what: String) {
        guard let m = node.mapping else { return }
        for (k, _) in m {
            let key = k.scalar?.string ?? ""
            if !allowed.contains(key) {
                let hint = Suggest.closest(to: key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.error(file, k, "unknown key '\(key)' in \(what)\(hint)")
            }
        }
    }

    func required(_ key: String, in what: String) -> YAMLNode? {
        if let v = self[key] { return v }
        error("\(what) needs '\(key)'")
        return nil
    }

    func requiredString(_ key: String, in what: String) -> String {
        guard let v = required(key, in: what) else { return "" }
        guard let s = v.string else { v.error("'\(key)' must be text"); return "" }
        return s
    }

    /// A citizen-facing text: one string (Korean) or a mapping of language to text.
    ///
    /// `owner` and `path` name it in messages ("programme 'basic_pension'", "conditions[0].unmet").
    /// A language in `required` that is absent is a load error: the kiosk has nothing to show
    /// without it. Any other kiosk language absent is a text gap, which `rules check` fails on.
    /// An empty or blank text counts as absent, since the citizen would read nothing. A text only
    /// staff read (a parameter's label) passes `wanted: ["ko"]`, so it is never a gap.
    func localized(_ path: String, of owner: String, required: [String] = LocalizedText.kioskLanguages,
                   wanted: [String] = LocalizedText.kioskLanguages) -> LocalizedText {
        var values: [String: String] = [:]
        if let s = string {
            values["ko"] = s
        } else {
            let entries = mapping("\(owner) \(path)")
            // A misspelt language is most likely one the text still lacks ('vn' beside 'en' is 'vi').
            let unused = LocalizedText.kioskLanguages.filter { language in !entries.contains { $0.key == language } }
            for entry in entries {
                guard LocalizedText.kioskLanguages.contains(entry.key) else {
                    let hint = Suggest.closest(to: entry.key, in: unused).map { " (did you mean '\($0)'?)" } ?? ""
                    entry.keyNode.error("'\(entry.key)' in \(owner) \(path) is not a kiosk language (ko, en, zh, vi)\(hint)")
                    continue
                }
                guard let text = entry.value.string else { entry.value.error("\(owner) \(path).\(entry.key) must be text"); continue }
                values[entry.key] = text
            }
        }
        let absent = LocalizedText.kioskLanguages.filter { wanted.contains($0) || required.contains($0) }.filter { values[$0]?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true }
        let message = "\(owner) \(path) lacks the " + Self.list(absent.map { "'\($0)'" }) + (absent.count == 1 ? " text" : " texts")
        if absent.contains(where: required.contains) {
            error(message)
        } else if !absent.isEmpty {
            diagnostics.textGap(file, node, message)
        }
        return LocalizedText(values.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty })
    }

    /// "'en'", "'zh' and 'vi'", "'en', 'zh' and 'vi'".
    private static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    var day: Day? {
        guard let s = string else { return nil }
        return Day(s)
    }
}
