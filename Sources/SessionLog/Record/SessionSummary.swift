import Foundation

/// A programme's outcome for one session, as the rules engine decided it.
public enum ProgramOutcome: String, CaseIterable, Sendable, Codable {
    case eligible
    case undetermined
    case ineligible
}

/// What produced the explanation the citizen read.
public enum ExplainerUse: Sendable, Equatable {
    /// A language model explained the results; the associated value is its short name.
    case model(String)
    /// The templates explained them; the associated value says why (e.g. `timeout`, `disabled`).
    case fallback(String)
    /// The session ended before any explanation was asked for.
    case none
}

/// Everything the kiosk knows about a session when it ends, as plain values.
///
/// Why it holds raw values (an exact age, a ratio): the kiosk fills it in from its own state
/// without knowing the privacy rules. It is handed straight to `SessionLogWriter.submit`, which
/// folds it into an `AnonymousSession` at once; the raw summary never reaches the queue or the
/// disk. It holds no won amounts and no text typed by the citizen: recognised income arrives as a
/// ratio of the median.
public struct SessionSummary: Sendable {
    /// When the session began; only its local date and hour are kept.
    public var startedAt: Date
    /// The locale the citizen used last (`ko`, `en`, `zh`, `vi`).
    public var language: String
    /// Accessibility features used, by id (`large_text`, `high_contrast`, `touch`…).
    public var accessibility: [String]
    /// The applicant's age in full years, if answered.
    public var age: Int?
    /// People in the household, if answered.
    public var householdSize: Int?
    /// Recognised income (소득인정액) divided by the standard median income for the household.
    public var incomeRatioOfMedian: Double?
    /// How many questions the citizen was asked.
    public var questionsAsked: Int
    /// Fact keys the citizen answered "잘 모르겠어요" to.
    public var unknownFacts: [String]
    /// Each programme's outcome, by programme id.
    public var outcomes: [String: ProgramOutcome]
    /// The screen or step id the citizen left from (`results`, `question:income`, `privacy`…).
    public var exitStep: String
    /// Whether the citizen reached the results.
    public var reachedResults: Bool
    /// What produced the explanation.
    public var explainer: ExplainerUse
    /// How long the explanation took, in milliseconds.
    public var explanationLatencyMs: Double?
    /// A staff demonstration: stored flagged, never counted.
    public var isDemo: Bool

    public init(
        startedAt: Date,
        language: String,
        accessibility: [String] = [],
        age: Int? = nil,
        householdSize: Int? = nil,
        incomeRatioOfMedian: Double? = nil,
        questionsAsked: Int = 0,
        unknownFacts: [String] = [],
        outcomes: [String: ProgramOutcome] = [:],
        exitStep: String,
        reachedResults: Bool,
        explainer: ExplainerUse = .none,
        explanationLatencyMs: Double? = nil,
        isDemo: Bool = false
    ) {
        self.startedAt = startedAt
        self.language = language
        self.accessibility = accessibility
        self.age = age
        self.householdSize = householdSize
        self.incomeRatioOfMedian = incomeRatioOfMedian
        self.questionsAsked = questionsAsked
        self.unknownFacts = unknownFacts
        self.outcomes = outcomes
        self.exitStep = exitStep
        self.reachedResults = reachedResults
        self.explainer = explainer
        self.explanationLatencyMs = explanationLatencyMs
        self.isDemo = isDemo
    }
}
