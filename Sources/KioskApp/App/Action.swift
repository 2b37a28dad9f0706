import Rules
import Settings

/// A programme in one of the session's rule packs (kr-welfare, kr-culture…), by position.
public struct ProgramRef: Hashable, Sendable {
    public let pack: Int
    public let id: ProgramID

    public init(pack: Int, id: ProgramID) {
        self.pack = pack
        self.id = id
    }
}

/// Where the citizen is in the journey.
public enum Step: Hashable, Sendable {
    case attract
    case language
    case privacy
    case question
    case review
    case results
    case detail(ProgramRef)
    /// Typing a follow-up question on the Hangul keyboard.
    case ask
    /// A follow-up question and its answer.
    case answer
    case goodbye
}

/// What pressing a choice does; the app turns each into a new state.
enum Action: Hashable {
    case start
    case chooseLanguage(Language)
    case acceptPrivacy
    case restart
    case help
    case back
    case answerYes
    case answerNo
    case answerUnknown
    /// One of an enum fact's values (`AnswerKind.choice`).
    case answerChoice(String)
    case confirmInput
    /// A digit from the on-screen pad, for a citizen with only the touch screen.
    case type(Character)
    case erase
    case addChild
    case noMoreChildren
    case removeLastChild
    case edit(FactKey)
    case showResults
    case review
    case open(ProgramRef)
    case finish
    /// A suggested question, in the citizen's language, asked at once.
    case askSuggested(String)
    /// The keyboard for a question of the citizen's own.
    case openKeyboard
    /// A button on a staff screen (KioskApp+Staff.swift).
    case staff(StaffAction)
    /// Demo mode's own buttons (persona list).
    case demo(DemoAction)
    /// The policy browser's buttons.
    case policy(PolicyAction)
    /// A choice on the accessibility settings page.
    case accessibility(AccessibilityAction)
}
