/// Korean money as people say it: 820,556 → "82만 556원", 1,000,000 → "100만 원".
///
/// The 만 (10,000) grouping is how amounts are read aloud and printed on notices, so the
/// `unmet` texts use it rather than comma-grouped digits.
public enum KoreanMoney {
    public static func format(_ value: Double) -> String {
        if value.isInfinite { return "제한 없음" }
        let negative = value < 0
        let won = Int(abs(value).rounded())
        let eok = won / 100_000_000
        let man = (won / 10_000) % 10_000
        let rest = won % 10_000
        var parts: [String] = []
        if eok > 0 { parts.append("\(eok)억") }
        if man > 0 { parts.append("\(man)만") }
        if rest > 0 || parts.isEmpty { parts.append("\(rest)") }
        let text = parts.joined(separator: " ")
        let suffix = rest > 0 || won == 0 ? "원" : " 원"
        return (negative ? "-" : "") + text + suffix
    }
}
