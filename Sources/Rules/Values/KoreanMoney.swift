/// Korean money as people say it: 820,556 → "82만 556원", 1,000,000 → "100만 원".
///
/// The 만 (10,000) grouping is how amounts are read aloud and printed on notices, so the
/// `unmet` texts use it rather than comma-grouped digits.
public enum KoreanMoney {
    public static func format(_ value: Double) -> String {
        if value.isInfinite { return "제한 없음" }
        if value.isNaN { return "알 수 없음" }
        let negative = value < 0
        // Digits, not Int: an amount past Int's range is still written, never a trap.
        let digits = Array(WholeNumber.digits(abs(value).rounded()))
        func group(_ from: Int, _ to: Int) -> Int {
            let lo = Swift.max(0, digits.count - to), hi = Swift.max(0, digits.count - from)
            return lo < hi ? Int(String(digits[lo..<hi]))! : 0
        }
        let rest = group(0, 4), man = group(4, 8), eok = group(8, 12)
        let jo = digits.count > 12 ? String(digits[..<(digits.count - 12)]) : ""
        var parts: [String] = []
        if !jo.isEmpty { parts.append("\(jo)조") }
        if eok > 0 { parts.append("\(eok)억") }
        if man > 0 { parts.append("\(man)만") }
        if rest > 0 || parts.isEmpty { parts.append("\(rest)") }
        let text = parts.joined(separator: " ")
        let suffix = rest > 0 || digits == ["0"] ? "원" : " 원"
        return (negative ? "-" : "") + text + suffix
    }
}

/// The exact decimal digits of a whole `Double`, however large.
///
/// `String(x)` writes 5.633999999996870e+17 and `Int(x)` traps past 2^63; an amount of money is
/// written in whole won, so the digits are worked out from the double's bits.
public enum WholeNumber {
    /// Digits of `x` rounded to a whole number, with "-" when negative; "∞" for infinities.
    public static func digits(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-∞" : "∞") }
        let whole = x.rounded()
        if whole == 0 { return "0" }
        let sign = whole < 0 ? "-" : ""
        let magnitude = Swift.abs(whole)
        if magnitude < 9.2e18 { return sign + String(UInt64(magnitude)) }
        // magnitude = significand × 2^exponent; double a base-10^9 number `exponent` times.
        let exponent = Int(magnitude.exponent) - 52
        var limbs: [UInt64] = [magnitude.significandBitPattern | (1 << 52)]
        limbs = normalized(limbs)
        for _ in 0..<Swift.max(0, exponent) {
            var carry: UInt64 = 0
            for i in limbs.indices {
                let v = limbs[i] * 2 + carry
                limbs[i] = v % 1_000_000_000
                carry = v / 1_000_000_000
            }
            if carry > 0 { limbs.append(carry) }
        }
        var out = String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let s = String(limb)
            out += String(repeating: "0", count: 9 - s.count) + s
        }
        return sign + out
    }

    private static func normalized(_ value: [UInt64]) -> [UInt64] {
        var n = value[0], out: [UInt64] = []
        while n > 0 { out.append(n % 1_000_000_000); n /= 1_000_000_000 }
        return out
    }
}
