import Foundation
import Yams

/// An invented household staff use to show the kiosk: a name, a one-line story and the facts a
/// citizen like them would give, in the same vocabulary as `eval` and the pack's tests.
///
/// Personas are data beside the pack (`demo/personas.yaml`), so the demonstration follows the
/// pack when its figures change and staff can add a household without touching Swift.
public struct Persona: Sendable, Identifiable {
    public let id: String
    public let name: LocalizedText
    public let story: LocalizedText
    public let facts: Facts
    /// `file:line` of the persona, for messages about it.
    public let location: String
}

public enum Personas {
    /// Where a pack keeps its personas, relative to the pack folder. A subfolder, like `tests/`,
    /// so the pack loader does not read it as a programme.
    public static let relativePath = "demo/personas.yaml"

    /// Reads and checks a personas file against the pack's fact vocabulary: every fact known,
    /// of its type and within its bounds, amounts in whole 만원 (what a citizen types on the
    /// kiosk), every text in ko/en/zh/vi, ids unique. Throws every problem at once, file:line:column.
    public static func load(file path: String, vocabulary: [FactSpec]) throws(PackLoadError) -> [Persona] {
        let diagnostics = Diagnostics()
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PackLoadError(diagnostics: [PackDiagnostic(file: path, line: 1, column: 1, message: "cannot read the personas file")])
        }
        guard let text = String(data: data, encoding: .utf8), let node = (try? Yams.compose(yaml: text, .basic, .default, .utf8)) ?? nil else {
            throw PackLoadError(diagnostics: [PackDiagnostic(file: path, line: 1, column: 1, message: "cannot read the personas file as YAML")])
        }
        diagnostics.sources[path] = text
        let specs = Dictionary(uniqueKeysWithValues: vocabulary.map { ($0.key.rawValue, $0) })
        var personas: [Persona] = []
        var seen = Set<String>()
        for item in YAMLNode(file: path, node: node, diagnostics: diagnostics).sequence("the personas file") {
            item.checkKeys(["id", "name", "story", "facts"], "a persona")
            let id = item.requiredString("id", in: "a persona")
            if !id.isEmpty, !seen.insert(id).inserted { item["id"]?.error("persona id '\(id)' is used twice") }
            let what = "persona '\(id)'"
            let name = item.required("name", in: what)?.localized("name", of: what) ?? LocalizedText([:])
            let story = item.required("story", in: what)?.localized("story", of: what) ?? LocalizedText([:])
            let facts = item.required("facts", in: what).map { parseFacts($0, specs: specs) } ?? Facts()
            personas.append(Persona(id: id, name: name, story: story, facts: facts, location: "\(path):\(item.node.mark?.line ?? 1)"))
        }
        if personas.isEmpty, diagnostics.items.isEmpty {
            diagnostics.error(path, node, "the personas file lists no persona")
        }
        if !diagnostics.items.isEmpty { throw PackLoadError(diagnostics: diagnostics.items) }
        return personas
    }

    /// The persona file of the pack folder `directory`.
    public static func load(directory: String, vocabulary: [FactSpec]) throws(PackLoadError) -> [Persona] {
        try load(file: (directory.hasSuffix("/") ? directory : directory + "/") + relativePath, vocabulary: vocabulary)
    }

    private static func parseFacts(_ node: YAMLNode, specs: [String: FactSpec]) -> Facts {
        var facts = Facts()
        for entry in node.mapping("facts") {
            guard let spec = specs[entry.key] else {
                let hint = Suggest.closest(to: entry.key, in: Array(specs.keys)).map { " (did you mean '\($0)'?)" } ?? ""
                entry.keyNode.error("unknown fact '\(entry.key)'\(hint)")
                continue
            }
            func number(_ node: YAMLNode) -> Int? {
                guard let s = node.string, let n = Int(s.replacingOccurrences(of: "_", with: "")) else {
                    node.error("\(entry.key) must be a whole number")
                    return nil
                }
                if let problem = spec.problem(with: n) {
                    node.error("\(entry.key): \(problem)")
                    return nil
                }
                return n
            }
            if spec.isEnum {
                guard let s = entry.value.string, spec.values.contains(s) else {
                    entry.value.error("\(entry.key) must be one of \(spec.values.joined(separator: ", "))")
                    continue
                }
                facts[spec.key] = .choice(s)
                continue
            }
            switch spec.type {
            case .scalar(.bool):
                guard let s = entry.value.string, s == "true" || s == "false" else {
                    entry.value.error("\(entry.key) must be true or false")
                    continue
                }
                facts[spec.key] = .bool(s == "true")
            case .scalar(let unit):
                guard let n = number(entry.value) else { continue }
                // The demo types amounts as a citizen does, in 만원; a figure it cannot type
                // would make the demonstration differ from `eval`.
                if unit == .won, n % 10_000 != 0 {
                    entry.value.error("\(entry.key) must be a whole number of 만원 (a multiple of 10000), got \(n)")
                    continue
                }
                facts[spec.key] = .number(n)
            case .list:
                facts[spec.key] = .list(entry.value.sequence(entry.key).compactMap(number))
            }
        }
        return facts
    }
}
