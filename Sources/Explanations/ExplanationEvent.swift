/// Where the text on screen came from.
public enum ExplanationSource: String, Sendable, Codable { case llm, template }

/// Why the template replaced the model (issue 5's `fallback_reason`).
public enum FallbackReason: String, Sendable, Codable, CaseIterable {
    /// No server, refused, 503 while loading, or an error from it.
    case unavailable
    /// No text before the first-token deadline, or the answer ran past the total deadline.
    case timeout
    /// A sentence failed the grounding guard.
    case ungrounded
    /// Bytes that are not the protocol, or the connection cut mid-answer.
    case malformed
    /// Not a fallback: one or more sentences failed the grounding guard and were left out, and
    /// what remained still explained the result, so the model's text stayed on screen.
    case dropped
}

/// How one explanation or answer ended.
public struct ExplanationOutcome: Sendable, Equatable, Codable {
    public let source: ExplanationSource
    /// nil when the model's text was shown, or when no model is configured.
    public let fallbackReason: FallbackReason?
    /// Why, in words for logs and tests (never the citizen's question).
    public let detail: String?
    /// The text on screen at the end.
    public let text: String
    /// From the request to the model's first content; nil when none came.
    public let firstTokenMilliseconds: Double?
    public let totalMilliseconds: Double

    public init(source: ExplanationSource, fallbackReason: FallbackReason?, detail: String?, text: String,
                firstTokenMilliseconds: Double?, totalMilliseconds: Double) {
        self.source = source
        self.fallbackReason = fallbackReason
        self.detail = detail
        self.text = text
        self.firstTokenMilliseconds = firstTokenMilliseconds
        self.totalMilliseconds = totalMilliseconds
    }
}

/// What a screen receives while an explanation is produced.
public enum ExplanationEvent: Sendable, Equatable, Codable {
    /// A checked sentence from the model: append it.
    case sentence(String)
    /// The template's text: show it instead of anything shown so far.
    case template(String, reason: FallbackReason?)
    /// The template's text replacing model sentences already on screen, in one step (the model
    /// failed after some of its sentences passed): redraw the panel with it.
    case replace(String, reason: FallbackReason)
    /// The last event.
    case finished(ExplanationOutcome)
}
