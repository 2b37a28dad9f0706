/// What the kiosk asks to have explained: the whole result of a household, or a follow-up
/// question about it. The household travels as facts, not as a result, so whatever answers
/// evaluates them itself with the same rule packs and the engine stays the only judge.
public struct ExplanationRequest: Sendable, Equatable, Codable {
    public enum Subject: Sendable, Equatable, Codable {
        /// Explain every programme's result.
        case result
        /// A citizen's question (typed or suggested). Never logged, never stored.
        case question(String)
    }

    public var subject: Subject
    /// The household's facts as a JSON object in `welfare-kiosk eval`'s input format
    /// (../shared/contract/eval.md).
    public var facts: String
    /// The day the rules apply for, `YYYY-MM-DD`.
    public var day: String
    /// `ko`, `en`, `zh` or `vi`.
    public var language: String
    /// The programme whose page a question was asked on: the question is about it alone.
    public var program: String?

    public init(subject: Subject, facts: String, day: String, language: String, program: String? = nil) {
        self.subject = subject
        self.facts = facts
        self.day = day
        self.language = language
        self.program = program
    }
}

/// Names one request for as long as it runs.
public struct ExplanationTicket: Hashable, Sendable, Codable {
    public let id: Int
    public init(id: Int) { self.id = id }
}
