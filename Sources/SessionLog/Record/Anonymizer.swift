import Foundation

/// Turns what the kiosk knows about a session into what the log may keep.
///
/// Why a separate value with no I/O: the privacy rules live in one pure function that tests can
/// feed any summary and inspect the result of, without a database.
public struct Anonymizer: Sendable {
    /// The kiosk's id from kiosk.conf; a value that is not a token is stored as `invalid`.
    public let kiosk: LogToken
    /// The kiosk's clock, for the local date and hour.
    public let timeZone: TimeZone

    /// Questions asked is a count of screens; a number past this is a fault, not a session, and
    /// is capped so it cannot carry a value smuggled in as a count.
    public static let maximumQuestions = 60

    /// The centre's clock, Korea Standard Time. Korea keeps no daylight saving, so a fixed
    /// +09:00 is the same clock on a machine without tzdata.
    public static let koreaTimeZone = TimeZone(secondsFromGMT: 9 * 3_600)!

    public init(kioskID: String, timeZone: TimeZone = koreaTimeZone) {
        kiosk = LogToken(sanitizing: kioskID)
        self.timeZone = timeZone
    }

    /// The stored form of `summary`, under a fresh random id.
    public func anonymize(_ summary: SessionSummary, id: SessionID = .random()) -> AnonymousSession {
        var outcomes: [LogToken: ProgramOutcome] = [:]
        for (program, outcome) in summary.outcomes {
            outcomes[LogToken(sanitizing: program)] = outcome
        }
        return AnonymousSession(
            id: id,
            hour: SessionHour(summary.startedAt, timeZone: timeZone),
            kiosk: kiosk,
            language: LogToken(sanitizing: summary.language),
            accessibility: Set(summary.accessibility.map(LogToken.init(sanitizing:))),
            questionsAsked: min(max(summary.questionsAsked, 0), Self.maximumQuestions),
            unknownFacts: Set(summary.unknownFacts.map(LogToken.init(sanitizing:))),
            outcomes: outcomes,
            exitStep: LogToken(sanitizing: summary.exitStep),
            reachedResults: summary.reachedResults,
            age: AgeBand(age: summary.age),
            household: HouseholdBand(size: summary.householdSize),
            income: IncomeBand(ratioOfMedian: summary.incomeRatioOfMedian),
            explainer: Self.explainer(summary.explainer),
            latency: LatencyBand(milliseconds: summary.explanationLatencyMs),
            isDemo: summary.isDemo
        )
    }

    private static func explainer(_ use: ExplainerUse) -> ExplainerRecord {
        switch use {
        case .model(let name): .model(LogToken(sanitizing: name.lowercased()))
        case .fallback(let reason): .fallback(LogToken(sanitizing: reason))
        case .none: .none
        }
    }
}
