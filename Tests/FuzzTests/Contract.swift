import Foundation
import Rules

/// Checks a text against contract/eval.md's result shape; returns what is wrong, or nothing.
enum Contract {
    static let statuses: Set<String> = ["eligible", "ineligible", "undetermined"]
    static let confidences: Set<String> = ["verified", "to_check"]

    static func problems(_ json: String, pack: RulePack) -> [String] {
        guard let data = json.data(using: .utf8),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return ["not a JSON object"] }
        var out: [String] = []
        if (root["date"] as? String).flatMap(Day.init) == nil { out.append("date") }
        if (root["rules"] as? [String: Any])?["id"] as? String != pack.id { out.append("rules.id") }
        let facts = Set(pack.facts.map(\.key.rawValue))
        switch root["next_question"] {
        case is NSNull: break
        case let q as String where facts.contains(q): break
        default: out.append("next_question")
        }
        out += wholeWonProblems(json)
        guard let programs = root["programs"] as? [[String: Any]] else { return out + ["programs"] }
        let ids = programs.compactMap { $0["id"] as? String }
        if ids != pack.programs.map(\.id.rawValue).sorted() { out.append("programs: not every id, or not sorted") }
        for p in programs {
            let id = p["id"] as? String ?? "?"
            let status = p["status"] as? String ?? ""
            if !statuses.contains(status) { out.append("\(id).status") }
            if !confidences.contains(p["confidence"] as? String ?? "") { out.append("\(id).confidence") }
            for key in ["monthly_amount_krw", "one_time_amount_krw"] where p[key] == nil { out.append("\(id).\(key)") }
            guard let missing = p["missing"] as? [String], missing.allSatisfy(facts.contains) else { out.append("\(id).missing"); continue }
            if status != "undetermined", !missing.isEmpty { out.append("\(id): missing facts on a settled status") }
            guard let unmet = p["unmet"] as? [String] else { out.append("\(id).unmet"); continue }
            if status == "ineligible", unmet.isEmpty { out.append("\(id): ineligible without a reason") }
            if unmet.contains(where: \.isEmpty) { out.append("\(id): an empty reason") }
            if p["trace"] as? [Any] == nil { out.append("\(id).trace") }
        }
        return out
    }

    /// Every amount is whole won written as digits, or null: read from the text itself, because
    /// JSONSerialization would read 1.0 and 1e3 as numbers too.
    static func wholeWonProblems(_ json: String) -> [String] {
        var out: [String] = []
        for key in ["\"monthly_amount_krw\":", "\"one_time_amount_krw\":"] {
            var rest = json[...]
            while let r = rest.range(of: key) {
                let value = rest[r.upperBound...].prefix { $0 != "," && $0 != "}" }
                if value != "null", !(value.drop { $0 == "-" }.allSatisfy { ("0"..."9").contains($0) } && !value.isEmpty) {
                    out.append("\(key) \(value) is not whole won")
                }
                rest = rest[r.upperBound...]
            }
        }
        return out
    }
}
