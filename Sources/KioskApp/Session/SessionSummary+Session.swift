import Rules
import SessionLog

extension SessionSummary {
    /// What the log is handed when a session ends: the answers reduced to what `Anonymizer` bands
    /// (age, household size, income as a share of the median), the questions asked, which were
    /// answered "잘 모르겠어요", where the citizen left, and each programme's status.
    ///
    /// Pure: no amount in won, no typed text and no child's age leaves the session here; the
    /// writer folds the rest into bands before anything is queued.
    public init(_ session: Session) {
        let facts = session.facts
        func int(_ key: FactKey) -> Int? {
            if case .number(let n)? = facts[key] { n } else { nil }
        }
        var outcomes: [String: ProgramOutcome] = [:]
        var ratio: Double?
        // Statuses are logged only once the citizen saw them; a session left half-way records
        // where it stopped, not what the rules would have said.
        if session.reachedResults {
            // Only the main pack needs its trace, for the income ratio.
            for (index, pack) in session.rules.packs.enumerated() {
                let evaluation = pack.evaluate(facts, on: session.rules.day, trace: index == 0)
                for result in evaluation.programs {
                    outcomes[result.id.rawValue] = ProgramOutcome(rawValue: result.status.rawValue)
                }
                if index == 0 { ratio = SessionResults.incomeRatioOfMedian(in: evaluation) }
            }
        }
        self.init(
            startedAt: session.startedAt,
            language: session.language.rawValue,
            accessibility: session.accessibility.sorted(),
            age: int("age"),
            householdSize: int("household_size"),
            incomeRatioOfMedian: ratio,
            questionsAsked: session.history.count,
            unknownFacts: session.history.filter { session.answers[$0] == .unknown }.map(\.rawValue),
            outcomes: outcomes,
            exitStep: session.step.logID,
            reachedResults: session.reachedResults,
            explainer: session.explainer,
            explanationLatencyMs: session.explanationLatencyMs,
            isDemo: session.isDemo)
    }
}
