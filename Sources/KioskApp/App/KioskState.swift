import Settings

/// Everything on screen comes from this value, and input produces a new one. Holding the
/// citizen's session and every draft in one value is what lets a wipe be complete: replace it.
public struct KioskState: Sendable {
    /// The citizen's answers and where they are in the questions (the session model).
    public var session: Session
    /// On the welcome step: the attract screen, or the language choice after a touch.
    public var choosingLanguage = false
    /// The digits typed after "0" to press a choice numbered 10 or more; nil when not choosing.
    public var choosingNumber: String?
    /// On the results step: the programme whose detail is open.
    public var detail: ProgramRef?
    /// The results, evaluated once when the citizen reaches them.
    public var results: SessionResults?
    /// The focused choice on the page, by its place in reading order.
    public var focus = 0
    /// Rows of the page scrolled above the top of the screen.
    public var scroll = 0
    /// Digits typed on a number, amount or age question, kept when refused for correction.
    public var input = ""
    /// On a question asked as years and months (a child's age, time in 시흥): the years, once
    /// given; the months are typed next.
    public var years: String?
    /// Whether the "find a person" help panel is over the screen.
    public var showsHelp = false
    /// The inactivity clock.
    public var idle: IdleTimer
    /// The results' plain explanation ("쉬운 설명") as it arrives; nil before the results.
    public var explanation: ExplanationPanel?
    /// A follow-up question being typed or answered, over the results or a detail page. The
    /// typed text lives only here: leaving the screen or a wipe drops it.
    public var ask: AskState?
    /// Staff mode: when set, its screens are shown instead of the citizen's (KioskApp+Staff.swift).
    public var staff: StaffState?
    /// Progress through the staff key sequence on the attract screen.
    public var staffKeys = StaffKeySequence()
    /// Demo mode, while staff demonstrate the kiosk (see `DemoState`).
    public var demo: DemoState?
    /// The policy browser, while staff read the packs (see `PolicyState`).
    public var policy: PolicyState?
    /// Accessibility mode and its settings, chosen by the citizen for this session.
    public var accessibility: AccessibilityMode

    public var language: Language { session.language }

    public init(session: Session, now: Duration, accessibility: AccessibilityMode) {
        self.session = session
        self.idle = IdleTimer(lastActivity: now)
        self.accessibility = accessibility
    }

    /// The screen the citizen sees.
    public var step: Step {
        switch session.step {
        case .welcome: choosingLanguage ? .language : .attract
        case .privacy: .privacy
        case .question: .question
        case .review: .review
        case .results: ask.map { $0.isTyping ? .ask : .answer } ?? detail.map(Step.detail) ?? .results
        case .goodbye: .goodbye
        }
    }
}

/// Inactivity: after `timeout` without input a warning counts down `warning`; any key during
/// the countdown extends the session, up to `extensionLimit` times; then the session is wiped.
public struct IdleTimer: Sendable, Equatable {
    public var lastActivity: Duration
    /// Times the citizen has extended the session from the warning.
    public var extensions = 0

    public init(lastActivity: Duration) {
        self.lastActivity = lastActivity
    }

    public enum Phase: Equatable, Sendable {
        case active
        /// Whole seconds left before the wipe, rounded up.
        case warning(secondsLeft: Int)
        case expired
    }

    public func phase(at now: Duration, timeout: Duration, warning: Duration) -> Phase {
        let idle = now - lastActivity
        if idle < timeout { return .active }
        let left = warning - (idle - timeout)
        if left <= .zero { return .expired }
        let (seconds, attoseconds) = left.components
        return .warning(secondsLeft: Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}
