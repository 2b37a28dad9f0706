/// Figures as each kiosk language writes them, for the numbers filled into a pack's texts
/// (`unmet`, referral reasons) and the kiosk's own sentences.
///
/// Korean groups money by 만 (10,000), as notices and people do ("82만 556원"); Chinese does the
/// same with 万; English and Vietnamese group digits by three (Vietnamese with dots). Ages and
/// durations carry the language's own word. Any other language is written as Korean, the
/// packs' fallback.
public enum LocalNumbers {
    /// Money in whole won; never traps, however large.
    public static func money(_ value: Double, language: String) -> String {
        guard value.isFinite else {
            if value.isNaN { return words(language).unknown }
            return words(language).noLimit
        }
        switch language {
        case "zh":
            let digits = WholeNumber.digits(abs(value).rounded())
            let sign = value < 0 && digits != "0" ? "-" : ""
            guard digits.count > 4 else { return sign + digits + "韩元" }
            let man = digits.dropLast(4)
            let rest = digits.suffix(4).drop { $0 == "0" }
            return sign + man + "万" + rest + "韩元"
        case "en": return grouped(value, separator: ",") + " won"
        case "vi": return grouped(value, separator: ".") + " won"
        default: return KoreanMoney.format(value)
        }
    }

    /// One value, or a range ("65세 이상", "between … and …" as `a~b`), in `unit`.
    public static func format(_ v: Interval, unit: Unit, language: String) -> String {
        if v.isPoint { return one(v.lo, unit: unit, language: language) }
        if v.hi.isInfinite { return words(language).atLeast(one(v.lo, unit: unit, language: language)) }
        return "\(one(v.lo, unit: unit, language: language))~\(one(v.hi, unit: unit, language: language))"
    }

    public static func one(_ x: Double, unit: Unit, language: String) -> String {
        let w = words(language)
        switch unit {
        case .won: return money(x, language: language)
        case .months: return w.months(x.clampedInt)
        case .years: return w.years(x.clampedInt)
        case .count: return "\(x.clampedInt)"
        case .bool: return x >= 1 ? w.yes : w.no
        default: return x == x.rounded() ? WholeNumber.digits(x) : "\(x)"
        }
    }

    private static func grouped(_ value: Double, separator: String) -> String {
        let digits = WholeNumber.digits(abs(value).rounded())
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return (value < 0 && digits != "0" ? "-" : "") + out
    }

    struct Words {
        let years: (Int) -> String
        let months: (Int) -> String
        let atLeast: (String) -> String
        let yes: String, no: String, noLimit: String, unknown: String
    }

    static func words(_ language: String) -> Words {
        switch language {
        case "en":
            Words(years: { "\($0) years" }, months: { "\($0) months" }, atLeast: { "\($0) or more" },
                  yes: "yes", no: "no", noLimit: "no limit", unknown: "unknown")
        case "zh":
            Words(years: { "\($0)岁" }, months: { "\($0)个月" }, atLeast: { "\($0)以上" },
                  yes: "是", no: "否", noLimit: "无上限", unknown: "未知")
        case "vi":
            Words(years: { "\($0) tuổi" }, months: { "\($0) tháng" }, atLeast: { "từ \($0) trở lên" },
                  yes: "có", no: "không", noLimit: "không giới hạn", unknown: "không rõ")
        default:
            Words(years: { "\($0)세" }, months: { "\($0)개월" }, atLeast: { "\($0) 이상" },
                  yes: "예", no: "아니요", noLimit: "제한 없음", unknown: "알 수 없음")
        }
    }
}
