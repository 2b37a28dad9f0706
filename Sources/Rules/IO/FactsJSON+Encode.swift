extension FactsJSON {
    /// `facts` as the JSON object `parse` reads (the `eval` input), keys sorted so the same
    /// household always gives the same text. Unknown facts are left out: absent means unknown.
    public static func encode(_ facts: Facts) -> String {
        let members = facts.values.sorted { $0.key.rawValue < $1.key.rawValue }.map { key, value -> String in
            let json = switch value {
            case .number(let n): String(n)
            case .bool(let b): b ? "true" : "false"
            case .list(let items): "[" + items.map(String.init).joined(separator: ",") + "]"
            }
            // Fact keys are identifiers (letters, digits, '_'): nothing to escape.
            return "\"\(key.rawValue)\":\(json)"
        }
        return "{" + members.joined(separator: ",") + "}"
    }
}
