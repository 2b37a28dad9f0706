import Foundation

/// A session's id in the log: 63 random bits.
///
/// Why random and not a counter or a UUIDv7: an id that grows with time would order sessions
/// within an hour and, next to a visit someone remembers, point at one person.
public struct SessionID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    /// A fresh id from the system's cryptographic generator.
    public static func random() -> SessionID {
        var generator = SystemRandomNumberGenerator()
        return SessionID(rawValue: Int64.random(in: 1...Int64.max, using: &generator))
    }

    public var description: String { String(rawValue, radix: 16) }
}

/// A local calendar month, `YYYY-MM`: the unit statistics and retention work in.
public struct LogMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`; anything else is `nil`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month `date` falls in, on the kiosk's clock.
    public init(containing date: Date, timeZone: TimeZone) {
        let time = CivilTime(date, timeZone: timeZone)
        year = time.year
        month = time.month
    }

    public var description: String {
        padded(year, 4) + "-" + padded(month, 2)
    }

    public static func < (lhs: LogMonth, rhs: LogMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

/// The local date and hour a session began. Minutes and seconds are dropped on purpose.
public struct SessionHour: Hashable, Sendable {
    public let month: LogMonth
    public let day: Int
    public let hour: Int

    /// Folds an instant to its local date and hour on the kiosk's clock.
    public init(_ date: Date, timeZone: TimeZone) {
        let time = CivilTime(date, timeZone: timeZone)
        month = LogMonth(year: time.year, month: time.month) ?? LogMonth("1970-01")!
        day = time.day
        hour = time.hour
    }

    /// `YYYY-MM-DD`, which sorts as dates do.
    public var dayText: String { month.description + "-" + padded(day, 2) }
}

/// What produced the explanation, reduced to identifiers.
public enum ExplainerRecord: Hashable, Sendable {
    case model(LogToken)
    case fallback(LogToken)
    case none

    var kind: String {
        switch self {
        case .model: "model"
        case .fallback: "fallback"
        case .none: "none"
        }
    }

    var detail: String {
        switch self {
        case .model(let token), .fallback(let token): token.rawValue
        case .none: ""
        }
    }
}

/// The row a session leaves in the log: what `Anonymizer` makes of a `SessionSummary`.
///
/// Why this type is the privacy guarantee: it has no field that can hold a won amount, an exact
/// age, a minute, or free text. Bands are enums; identifiers are `LogToken`s; the only numbers
/// are the hour and the count of questions. Whatever the kiosk puts in a summary, only this
/// reaches the database.
public struct AnonymousSession: Hashable, Sendable {
    public let id: SessionID
    public let hour: SessionHour
    public let kiosk: LogToken
    public let language: LogToken
    public let accessibility: Set<LogToken>
    public let questionsAsked: Int
    public let unknownFacts: Set<LogToken>
    public let outcomes: [LogToken: ProgramOutcome]
    public let exitStep: LogToken
    public let reachedResults: Bool
    public let age: AgeBand
    public let household: HouseholdBand
    public let income: IncomeBand
    public let explainer: ExplainerRecord
    public let latency: LatencyBand
    public let isDemo: Bool
}

/// `value` in decimal, zero-padded to `width`. `String(format:)` would do, at several times the
/// cost, on the writer's path.
private func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
