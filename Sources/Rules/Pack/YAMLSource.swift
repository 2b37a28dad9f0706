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
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while the loader keeps going, so `rules check` can show every error.
final class Diagnostics {
    var items: [PackDiagnostic] = []
    /// Source lines by file, to place errors inside block scalars (`>-`) that span lines.
    var sources: [String: String] = [:]

    /// `columnOffset` is a position inside the scalar's text (an expression column); quoted
    /// scalars start one column after their mark.
    func error(_ file: String, _ node: Node?, _ message: String, columnOffset: Int? = nil) {
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
        items.append(PackDiagnostic(file: file, line: line, column: column, message: message))
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

    /// A text in ko/en/zh/vi; `languages` lists the ones that must be present.
    func localized(_ what: String, languages: [String] = ["ko", "en", "zh", "vi"]) -> LocalizedText {
        var values: [String: String] = [:]
        if let s = string {
            values["ko"] = s
        } else {
            for entry in mapping(what) {
                guard let text = entry.value.string else { entry.value.error("\(what).\(entry.key) must be text"); continue }
                values[entry.key] = text
            }
        }
        for language in languages where values[language] == nil {
            error("\(what) lacks the '\(language)' text")
        }
        return LocalizedText(values)
    }

    var day: Day? {
        guard let s = string else { return nil }
        return Day(s)
    }
}
