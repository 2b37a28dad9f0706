import Rules

/// A figure found in text: what the grounding guard compares against the fact sheet.
public enum Quantity: Hashable, Sendable, CustomStringConvertible {
    /// An amount of money in won, whatever way it was written ("82만 556원", "5천원", "820,556 won").
    case won(Int)
    /// A percentage, in hundredths of a percent so "4.17%" compares exactly.
    case percent(Int)
    /// A date as yyyymmdd (a month-day without a year is 0mmdd).
    case date(Int)
    /// Any other number: an age, a household size, a count of months.
    case number(Int)

    public var description: String {
        switch self {
        case .won(let w): "\(w)원"
        case .percent(let p): p % 100 == 0 ? "\(p / 100)%" : "\(Double(p) / 100)%"
        case .date(let d): d > 10000_00 ? "\(d / 10000)-\(d / 100 % 100)-\(d % 100)" : "\(d / 100 % 100)-\(d % 100)"
        case .number(let n): "\(n)"
        }
    }
}

/// Finds every figure in a text.
///
/// Korean writes money in 만 (10,000) groups with 억 (10^8) and 천 (1,000) as multipliers, so
/// "1억 2천만 원", "82만 556원" and "820,556원" are the same kind of thing and must all reduce to
/// one integer before they can be compared. A run of number groups joined by spaces counts as
/// one amount only when it ends in a currency word; otherwise each group stands alone.
public enum QuantityScanner {
    public static func scan(_ text: String) -> [Quantity] {
        spans(Array(text)).map(\.quantity)
    }

    /// Every figure with where it stands (character offsets), for the claim reader.
    static func spans(_ chars: [Character]) -> [(quantity: Quantity, range: Range<Int>)] {
        var out: [(quantity: Quantity, range: Range<Int>)] = []
        var i = 0
        func append(_ q: Quantity, _ from: Int, _ to: Int) { out.append((q, from..<to)) }
        while i < chars.count {
            guard chars[i].isASCIIDigit else { i += 1; continue }
            // A date: 2026-06-01, 2026.6.1, 2026년 6월 1일, 6월 1일.
            if let (date, next) = date(chars, i) { append(.date(date), i, next); i = next; continue }
            if let (won, next) = money(chars, i) { append(.won(won), i, next); i = next; continue }
            let (value, next) = decimal(chars, i)
            let j = skipSpaces(chars, next)
            if j < chars.count, chars[j] == "%" || chars[j] == "％" {
                append(.percent((value * 100).rounded().clampedInt), i, j + 1); i = j + 1; continue
            }
            if hasWord(chars, j, "퍼센트") || hasWord(chars, j, "percent") || hasWord(chars, j, "phần trăm") {
                append(.percent((value * 100).rounded().clampedInt), i, j + 1); i = j + 1; continue
            }
            append(.number(value.rounded().clampedInt), i, next)
            i = next
        }
        return out
    }

    // MARK: - Money

    /// Reads "82만 556원", "1억 2천만 원", "5천원", "820,556원", "820,556 won", "30만원" starting
    /// at `start`; nil unless the run ends in a currency word.
    static func money(_ c: [Character], _ start: Int) -> (Int, Int)? {
        var total = 0.0
        var group = 0.0          // the part below 만 collected so far
        var i = start
        var sawUnit = false
        while i < c.count, c[i].isASCIIDigit {
            let (value, afterNumber) = decimal(c, i)
            var j = afterNumber
            var n = value
            if j < c.count, c[j] == "천" || c[j] == "千" { n *= 1000; j += 1 }
            else if j < c.count, c[j] == "백" || c[j] == "百" { n *= 100; j += 1 }
            if j < c.count, c[j] == "조" || c[j] == "兆" { total += (group + n) * 1_000_000_000_000; group = 0; j += 1; sawUnit = true }
            else if j < c.count, c[j] == "억" || c[j] == "亿" || c[j] == "億" { total += (group + n) * 100_000_000; group = 0; j += 1; sawUnit = true }
            else if j < c.count, c[j] == "만" || c[j] == "万" || c[j] == "萬" { total += (group + n) * 10_000; group = 0; j += 1; sawUnit = true }
            else if let (scale, after) = scaleWord(c, skipSpaces(c, j)) { total += (group + n) * scale; group = 0; j = after; sawUnit = true }
            else { group += n }
            i = j
            // Another group may follow after a space ("82만 556원"), but only after a 만/억 unit.
            let k = skipSpaces(c, i)
            if k < c.count, c[k].isASCIIDigit, k > i || sawUnit, i > 0, "만억조万亿萬億兆".contains(c[i - 1]) { i = k; continue }
            break
        }
        let end = skipSpaces(c, i)
        for word in ["원", "won", "krw", "韩元", "韓元", "đồng", "韩币"] where hasWord(c, end, word) {
            return ((total + group).rounded().clampedInt, end + word.count)
        }
        // "KRW 820,556" and "₩820,556" put the currency first.
        var back = start - 1
        while back >= 0, c[back] == " " { back -= 1 }
        if back >= 0, c[back] == "₩" { return ((total + group).rounded().clampedInt, i) }
        if back >= 2, String(c[(back - 2)...back]).lowercased() == "krw" { return ((total + group).rounded().clampedInt, i) }
        return nil
    }

    /// "1.5 million", "350 thousand", "1,5 triệu", "350 nghìn": words other languages scale by.
    static func scaleWord(_ c: [Character], _ at: Int) -> (Double, Int)? {
        for (word, scale) in [("million", 1_000_000.0), ("thousand", 1000), ("triệu", 1_000_000), ("nghìn", 1000), ("ngàn", 1000)]
        where hasWord(c, at, word) {
            return (scale, at + word.count)
        }
        return nil
    }

    // MARK: - Dates

    static func date(_ c: [Character], _ start: Int) -> (Int, Int)? {
        let (a, afterA) = integer(c, start)
        // 2026-06-01 or 2026.06.01
        if afterA - start == 4, afterA < c.count, c[afterA] == "-" || c[afterA] == "." || c[afterA] == "/" {
            let sep = c[afterA]
            let (m, afterM) = integer(c, afterA + 1)
            if afterM > afterA + 1, afterM < c.count, c[afterM] == sep {
                let (d, afterD) = integer(c, afterM + 1)
                if afterD > afterM + 1, (1...12).contains(m), (1...31).contains(d) { return (a * 10000 + m * 100 + d, afterD) }
            }
        }
        // 2026년 6월 1일 / 6월 1일
        var i = skipSpaces(c, afterA)
        var year = 0, month = 0
        if i < c.count, c[i] == "년", afterA - start == 4 {
            year = a
            let j = skipSpaces(c, i + 1)
            guard j < c.count, c[j].isASCIIDigit else { return nil }
            let (m, afterM) = integer(c, j)
            month = m
            i = skipSpaces(c, afterM)
        } else {
            month = a
        }
        guard i < c.count, c[i] == "월", (1...12).contains(month) else { return nil }
        let j = skipSpaces(c, i + 1)
        guard j < c.count, c[j].isASCIIDigit else { return year > 0 ? (year * 10000 + month * 100, i + 1) : nil }
        let (d, afterD) = integer(c, j)
        let k = skipSpaces(c, afterD)
        guard k < c.count, c[k] == "일", (1...31).contains(d) else { return nil }
        return (year * 10000 + month * 100 + d, k + 1)
    }

    // MARK: - Pieces

    /// Digits with ',' thousands separators and an optional decimal part.
    static func decimal(_ c: [Character], _ start: Int) -> (Double, Int) {
        var digits = ""
        var i = start
        /// A separator followed by exactly three digits, then no further digit.
        func groupFollows(_ at: Int) -> Bool {
            (1...3).allSatisfy { at + $0 < c.count && c[at + $0].isASCIIDigit } && (at + 4 >= c.count || !c[at + 4].isASCIIDigit)
        }
        while i < c.count {
            if c[i].isASCIIDigit { digits.append(c[i]); i += 1; continue }
            if c[i] == ",", groupFollows(i) { i += 1; continue }
            // Vietnamese groups thousands with '.': "820.556 đồng".
            if c[i] == ".", groupFollows(i), isThousandsDot(c, i) { i += 1; continue }
            if c[i] == ".", i + 1 < c.count, c[i + 1].isASCIIDigit {
                var frac = "."
                i += 1
                while i < c.count, c[i].isASCIIDigit { frac.append(c[i]); i += 1 }
                return (Double(digits + frac) ?? 0, i)
            }
            break
        }
        return (Double(digits) ?? 0, i)
    }

    /// A '.' followed by exactly three digits and then a currency word reads as a thousands
    /// separator ("820.556 đồng"); "4.175%" or "1.5" do not.
    private static func isThousandsDot(_ c: [Character], _ i: Int) -> Bool {
        var j = i + 4
        while j + 3 < c.count, c[j] == ".", (1...3).allSatisfy({ c[j + $0].isASCIIDigit }) { j += 4 }
        let k = skipSpaces(c, j)
        return hasWord(c, k, "won") || hasWord(c, k, "đồng") || hasWord(c, k, "원")
    }

    static func integer(_ c: [Character], _ start: Int) -> (Int, Int) {
        var n = 0, i = start
        while i < c.count, let d = c[i].wholeNumberValue, c[i].isASCIIDigit { n = n * 10 + d; i += 1 }
        return (n, i)
    }

    static func skipSpaces(_ c: [Character], _ start: Int) -> Int {
        var i = start
        while i < c.count, c[i] == " " { i += 1 }
        return i
    }

    static func hasWord(_ c: [Character], _ start: Int, _ word: String) -> Bool {
        let w = Array(word)
        guard start + w.count <= c.count else { return false }
        for k in 0..<w.count where c[start + k].lowercased() != w[k].lowercased() { return false }
        return true
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
