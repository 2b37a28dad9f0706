import Settings
import Explanations
import HangulInput

/// An explanation or answer as the screen shows it while its events arrive.
///
/// Checked sentences are appended one by one; the template replaces whatever was shown (the
/// model failed, or there is none; `.replace` when model sentences were already on screen); `.finished` closes it. A value, so the screen is drawn from
/// state like every other page and a wipe drops it with the rest.
public struct ExplanationPanel: Sendable, Equatable {
    public let ticket: ExplanationTicket
    /// Kiosk time when it was asked for.
    public let requestedAt: Duration
    /// What is on screen now, one entry per line.
    public private(set) var lines: [String] = []
    /// Kiosk time when the first text appeared.
    public private(set) var firstTextAt: Duration?
    /// How it ended; nil while it runs.
    public private(set) var outcome: ExplanationOutcome?

    public init(ticket: ExplanationTicket, requestedAt: Duration) {
        self.ticket = ticket
        self.requestedAt = requestedAt
    }

    /// Nothing to show yet: the screen says it is being prepared.
    public var isWaiting: Bool { lines.isEmpty && outcome == nil }

    public var isFinished: Bool { outcome != nil }

    /// Takes one event; `now` is the kiosk's clock.
    public mutating func apply(_ event: ExplanationEvent, at now: Duration) {
        switch event {
        case .sentence(let sentence):
            lines.append(sentence)
        case .template(let text, _), .replace(let text, _):
            lines = Self.split(text)
        case .finished(let outcome):
            self.outcome = outcome
            // A service that sends only the outcome still gets its text on screen.
            if lines.isEmpty { lines = Self.split(outcome.text) }
        }
        if firstTextAt == nil, !lines.isEmpty { firstTextAt = now }
    }

    private static func split(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}

/// A follow-up question: typed on the Hangul keyboard, then answered.
///
/// The question exists only here, and the kiosk never copies it elsewhere: not into the
/// session, not into the log. Leaving the screen sets this to nil; a wipe replaces the whole
/// state; either way the composer and its libhangul context are freed.
public struct AskState: Sendable {
    /// Which screen it is on.
    public enum Phase: Sendable, Equatable {
        case typing
        case answering
    }

    /// Why the last key or submit was refused, shown beside the field.
    public enum Notice: Sendable, Equatable {
        case tooLong(limit: Int)
        case empty
    }

    public var phase: Phase
    public let composer: HangulComposer
    /// The focused key of the on-screen keyboard.
    public var focus: KeyboardPosition
    public var notice: Notice?
    /// The question asked (typed and submitted, or a suggestion pressed).
    public var question: String?
    public var answer: ExplanationPanel?

    public var isTyping: Bool { phase == .typing }

    /// The keyboard, empty, focus on its first key, on the letters of the session's language:
    /// Hangul for Korean, Latin letters for every other (an English question typed on the 두벌식
    /// layout comes out as jamo), with Telex for Vietnamese.
    public static func typing(limit: Int, language: Language = .ko) -> AskState {
        // Vietnamese on Latin keys is typed the Telex way (aa â, ow ơ, s sắc…).
        let composer = HangulComposer(limit: limit, telex: language == .vi)
        if language != .ko { composer.toggleMode() }
        return AskState(phase: .typing, composer: composer, focus: KeyboardPosition(row: 0, column: 0))
    }

    /// A question already asked (a suggestion), waiting for its answer.
    public static func answering(_ question: String, answer: ExplanationPanel, limit: Int) -> AskState {
        var state = AskState(phase: .answering, composer: HangulComposer(limit: limit), focus: KeyboardPosition(row: 0, column: 0))
        state.question = question
        state.answer = answer
        return state
    }

    private init(phase: Phase, composer: HangulComposer, focus: KeyboardPosition) {
        self.phase = phase
        self.composer = composer
        self.focus = focus
    }
}
