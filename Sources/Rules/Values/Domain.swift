/// The key of one fact about a household, e.g. `age` or `earned_income_krw`.
public struct FactKey: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: FactKey, b: FactKey) -> Bool { a.rawValue < b.rawValue }
}

/// A programme's id, which is also the name of its file in the pack (`basic_pension`).
public struct ProgramID: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: ProgramID, b: ProgramID) -> Bool { a.rawValue < b.rawValue }
}

/// An amount of Korean won. Whole won at the edges; thresholds may carry fractions inside.
public struct Won: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let value: Int
    public init(_ value: Int) { self.value = value }
    public static func < (a: Won, b: Won) -> Bool { a.value < b.value }
    public var description: String { KoreanMoney.format(Double(value)) }

    /// The most any `*_krw` fact may hold: 10,000,000,000,000 won (10조), the contract's bound.
    /// Far above every welfare threshold, and small enough that no sum or product a pack makes of
    /// such amounts leaves the whole numbers a `Double` holds exactly (2^53 ≈ 9 × 10^15 won).
    public static let largestFact = Won(10_000_000_000_000)

    /// The whole won nearest `x`, or nil when `x` is not a finite amount a `Double` still holds to
    /// the won (|x| < 2^53): beyond that no figure is exact, and converting would trap.
    public init?(rounding x: Double) {
        guard let n = x.rounded().exactWholeNumber else { return nil }
        self.value = n
    }
}

extension Double {
    /// The value as an `Int` when it is a whole number below 2^53 in size, else nil; never traps.
    var exactWholeNumber: Int? {
        guard isFinite, self == rounded(), Swift.abs(self) < 9_007_199_254_740_992 else { return nil }
        return Int(self)
    }

    /// An `Int` for counting and formatting: NaN is 0, and anything beyond `Int`'s range is
    /// clamped to it, where `Int(_:)` would trap.
    public var clampedInt: Int {
        if isNaN { return 0 }
        if self >= 9.2e18 { return Int.max }
        if self <= -9.2e18 { return Int.min }
        return Int(self)
    }
}

/// Whether a programme applies, as far as the facts given can tell.
public enum Status: String, Sendable, Codable {
    case eligible, ineligible, undetermined
}

/// How sure the figures behind a result are: `verified` only when every parameter used is [V].
public enum Confidence: String, Sendable, Codable {
    case verified
    case toCheck = "to_check"
}

/// The confidence mark a source gives one figure, as in the reference: [V], [S] or [U].
public enum Mark: String, Sendable, Codable, Comparable {
    case verified = "V", single = "S", unconfirmed = "U"

    public static func < (a: Mark, b: Mark) -> Bool { a.rank < b.rank }
    private var rank: Int {
        switch self {
        case .verified: 0
        case .single: 1
        case .unconfirmed: 2
        }
    }
}

/// A text in the kiosk's four languages; missing languages fall back to Korean.
public struct LocalizedText: Sendable, Equatable {
    /// The languages the kiosk speaks; a pack's citizen-facing texts need every one of them.
    public static let kioskLanguages = ["ko", "en", "zh", "vi"]
    public var values: [String: String]
    public init(_ values: [String: String]) { self.values = values }
    public var ko: String { values["ko"] ?? "" }
    public subscript(language: String) -> String { values[language] ?? ko }
}

/// A calendar day, compared as `yyyymmdd`; the engine needs no time zones.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly; anything else is nil.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    var ordinal: Int { year * 10000 + month * 100 + day }
    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }
}
