import Foundation
import Rules
import SessionLog
import Settings

/// Where a citizen is in the journey; its `logID` is what the log records as where they left.
public enum SessionStep: Sendable, Hashable {
    /// The attract screen and language choice.
    case welcome
    /// The privacy and AI notice.
    case privacy
    case question(FactKey)
    /// Every answer listed, each one changeable, before the results.
    case review
    /// The results and their detail screens.
    case results
    case goodbye

    /// `welcome`, `privacy`, `question:age`, `review`, `results`, `goodbye`.
    public var logID: String {
        switch self {
        case .welcome: "welcome"
        case .privacy: "privacy"
        case .question(let fact): "question:" + fact.rawValue
        case .review: "review"
        case .results: "results"
        case .goodbye: "goodbye"
        }
    }
}

/// One citizen's session: what they answered, in what order, and where they are.
///
/// A value with no I/O. The kiosk's screens draw from it and change it through its methods;
/// `simulate` drives the same methods from a file. Replacing it (`wipe`) is how a session leaves
/// nothing for the next person.
///
/// ```swift
/// var session = Session(rules: book, language: .ko)
/// session.startQuestions()                  // the planner's first question
/// session.submit("150")                     // an amount in 만원, or a number
/// session.answer(.bool(true))               // yes / no
/// session.answerUnknown()                   // 잘 모르겠어요
/// session.back()                            // the previous question, its answer kept
/// // … until `step == .review`; then `change(fact)` or `showResults()`
/// ```
public struct Session: Sendable, Equatable {
    public let rules: RuleBook
    /// When the session began; the log keeps only its date and hour.
    public let startedAt: Date

    // MARK: - What the app records alongside the answers

    public var language: Language
    /// Accessibility features used (`large_text`, `high_contrast`, `touch`…), for the log.
    public var accessibility: Set<String> = []
    /// A staff demonstration: logged flagged, never counted.
    public var isDemo = false
    /// What explained the results, and how long it took.
    public var explainer: ExplainerUse = .none
    public var explanationLatencyMs: Double?

    // MARK: - The answers

    public private(set) var step: SessionStep = .welcome
    /// Every answer given, "잘 모르겠어요" included.
    public private(set) var answers: [FactKey: Answer] = [:]
    /// Questions in the order they were first asked: `back` walks it, the review lists it.
    public private(set) var history: [FactKey] = []
    /// The last input refused on the current question, kept for correction; cleared on any answer.
    public private(set) var rejection: Rejection?
    /// Children added so far on the children question, before it is answered.
    public private(set) var children: [ChildAge] = []
    /// Whether the results were shown at any point.
    public private(set) var reachedResults = false
    /// The planner's view after the latest answer.
    public private(set) var plan: RuleBook.Plan
    /// The most questions still possible as last shown, so each new answer shows one fewer at
    /// least (see `progress`); nil until an answer has been given on the way forward.
    private var remainingBound: Int?

    public init(rules: RuleBook, language: Language, startedAt: Date = Date()) {
        self.rules = rules
        self.language = language
        self.startedAt = startedAt
        self.plan = rules.plan(Facts(), answered: [])
    }

    public static func == (a: Session, b: Session) -> Bool {
        a.rules === b.rules && a.startedAt == b.startedAt && a.language == b.language && a.accessibility == b.accessibility
            && a.isDemo == b.isDemo && a.explainer == b.explainer && a.explanationLatencyMs == b.explanationLatencyMs
            && a.step == b.step && a.answers == b.answers && a.facts == b.facts && a.history == b.history && a.rejection == b.rejection
            && a.children == b.children && a.reachedResults == b.reachedResults && a.plan == b.plan
            && a.remainingBound == b.remainingBound
    }

    /// The known answers, as the rules read them: "unknown" answers are absent, never zero.
    public private(set) var facts = Facts()

    /// Whether anyone used the kiosk: a session still on the welcome screen is not logged.
    public var hasBegun: Bool { step != .welcome || !history.isEmpty }

    // MARK: - Moving through the journey

    /// The privacy notice, after the language is chosen.
    public mutating func showPrivacy() {
        step = .privacy
    }

    /// The first question the planner chooses (or the review, if nothing needs asking).
    public mutating func startQuestions() {
        advance()
    }

    /// Back one screen: the previous question with its answer kept, the last question from the
    /// review, the review from the results, the privacy notice from the first question.
    public mutating func back() {
        rejection = nil
        children = []
        switch step {
        case .question(let fact):
            let index = history.firstIndex(of: fact) ?? history.count
            step = index > 0 ? .question(history[index - 1]) : .privacy
        case .review:
            step = history.last.map { .question($0) } ?? .privacy
        case .results:
            step = .review
        case .goodbye:
            step = reachedResults ? .results : .review
        case .welcome, .privacy:
            step = .welcome
        }
        loadChildrenDraft()
    }

    /// Reopens one answered question from the review (WCAG 3.3.4); answering it returns to the
    /// review, through any question the new answer makes necessary.
    public mutating func change(_ fact: FactKey) {
        guard answers[fact] != nil || history.contains(fact) else { return }
        rejection = nil
        step = .question(fact)
        loadChildrenDraft()
    }

    /// The results, from the review.
    public mutating func showResults() {
        rejection = nil
        step = .results
        reachedResults = true
    }

    public mutating func goodbye() {
        step = .goodbye
    }

    /// Forgets everything: a fresh session on the welcome screen in the kiosk's starting
    /// language, as if nobody had touched the kiosk.
    public mutating func wipe(language: Language, now: Date = Date()) {
        self = Session(rules: rules, language: language, startedAt: now)
    }

    // MARK: - The question on screen

    /// The question being asked, with everything a screen needs to draw it.
    public var question: Question? {
        guard case .question(let fact) = step, let spec = rules.spec(fact) else { return nil }
        var kind = AnswerKind(spec)
        if case .choice(let values) = kind {
            // A value the other answers rule out (국내 거주 국민 after "다른 나라 국적") is not offered.
            kind = .choice(values.filter { value in
                var candidate = facts
                candidate[fact] = .choice(value)
                return FactRelations.contradiction(in: candidate) == nil
            })
        }
        return Question(fact: fact, kind: kind, text: spec.question, label: spec.label, answer: answers[fact])
    }

    /// "3번째 질문, 많아야 9개 남았어요": the question's place among those asked, and the most
    /// questions still possible, this one included (`RuleBook.Plan.possible`). Going forward the
    /// number shown only falls: an estimate of "about" was a number that could grow. A planner
    /// test walks many households to hold both to it: never fewer than are then asked, always
    /// falling.
    public var progress: QuestionProgress? {
        guard case .question(let fact) = step else { return nil }
        let position = (history.firstIndex(of: fact) ?? history.count) + 1
        let possible = plan.possible.subtracting([fact]).count + 1
        // The bound before this answer, less the question answered, is still a bound on the way
        // actually taken: the number shown never grows even where the planner's set does.
        return QuestionProgress(current: position, mostRemaining: history.contains(fact) ? possible : min(possible, remainingBound ?? possible))
    }

    // MARK: - Answering

    /// Answers the current question with a value (yes/no, or one already parsed).
    public mutating func answer(_ value: FactValue) {
        guard case .question(let fact) = step else { return }
        record(fact, .known(value))
    }

    /// "잘 모르겠어요": the fact stays unknown and is not asked again.
    public mutating func answerUnknown() {
        guard case .question(let fact) = step else { return }
        record(fact, .unknown)
    }

    /// Typed text for an amount (in 만원) or a number. Refused input is kept in `rejection`.
    public mutating func submit(_ text: String) {
        guard let question, question.kind != .children, let result = parse(text, years: nil, for: question) else { return }
        accept(result, for: question.fact)
    }

    /// The text being typed after a refusal: once it would be accepted, the message about the
    /// refused text goes, so a citizen who has fixed the mistake is not still told of it.
    /// `years` is the years already entered when `text` is the months of an age or a duration.
    public mutating func revise(_ text: String, years: String? = nil) {
        guard let question, rejection != nil else { return }
        if parse(text, years: years, for: question).map({ (try? $0.get()) != nil }) ?? true { rejection = nil }
    }

    /// What typed text reads as for a question's kind (nil for a question answered by a button);
    /// for an age or a duration, `years` already given and `text` the months.
    private func parse(_ text: String, years: String?, for question: Question) -> Result<FactValue, Rejection>? {
        switch question.kind {
        case .amount: AnswerInput.amount(text, fact: question.fact)
        case .number(let range): AnswerInput.number(text, in: range, fact: question.fact)
        case .age(let range): AnswerInput.number(text, in: range, fact: question.fact, isAge: true)
        case .duration, .children:
            AnswerInput.duration(years: years ?? text, months: years == nil ? "" : text, fact: question.fact).map { .number($0.totalMonths) }
        case .yesNo, .choice: nil
        }
    }

    /// Years and months typed for a duration question (시흥 거주 기간).
    public mutating func submit(years: String, months: String) {
        guard let question, question.kind == .duration else { return }
        accept(AnswerInput.duration(years: years, months: months, fact: question.fact).map { .number($0.totalMonths) },
               for: question.fact)
    }

    /// Adds one child, by age in years and months, to the children question's list.
    public mutating func addChild(years: String, months: String) {
        guard let question, question.kind == .children else { return }
        switch AnswerInput.duration(years: years, months: months, fact: question.fact) {
        case .success(let age) where age.totalMonths <= AnswerLimits.int(rules.spec(question.fact)?.maximum ?? .infinity):
            children.append(age)
            rejection = nil
        case .success:
            let oldest = AnswerLimits.int(rules.spec(question.fact)?.maximum ?? 0) / 12
            rejection = Rejection(fact: question.fact, input: years + " " + months, messageKey: "session.invalid.years_too_large",
                                  placeholders: ["max": String(oldest)])
        case .failure(let refused):
            rejection = refused
        }
    }

    public mutating func removeChild(at index: Int) {
        guard children.indices.contains(index) else { return }
        children.remove(at: index)
    }

    /// Answers the children question with the children added (none, if none were).
    public mutating func answerChildren() {
        guard let question, question.kind == .children else { return }
        record(question.fact, .known(.list(children.map(\.totalMonths))))
    }

    private mutating func accept(_ result: Result<FactValue, Rejection>, for fact: FactKey) {
        switch result {
        case .success(let value): record(fact, .known(value))
        case .failure(let refused): rejection = refused
        }
    }

    private mutating func record(_ fact: FactKey, _ answer: Answer) {
        let forward = !history.contains(fact)
        let shown = progress?.mostRemaining
        answers[fact] = answer
        facts[fact] = answer.value
        if forward { history.append(fact) }
        rejection = nil
        children = []
        plan = rules.plan(facts, answered: Set(answers.keys))
        // A changed answer takes another way: its bound starts afresh.
        remainingBound = forward ? shown.map { $0 - 1 } : nil
        advance()
    }

    /// The planner's next question, or the review when no answer left could change any status.
    private mutating func advance() {
        step = plan.next.map { .question($0) } ?? .review
        loadChildrenDraft()
    }

    /// A reopened children question starts from the children given before.
    private mutating func loadChildrenDraft() {
        guard case .question(let fact) = step, rules.spec(fact)?.isList == true else { return }
        if case .known(.list(let months)) = answers[fact] { children = months.map(ChildAge.init(totalMonths:)) }
    }
}

/// A question as a screen draws it.
public struct Question: Sendable, Equatable {
    public let fact: FactKey
    public let kind: AnswerKind
    /// The question and the fact's short label (for the review), in the pack's four languages.
    public let text: Rules.LocalizedText
    public let label: Rules.LocalizedText
    /// The answer given before, when the question was reopened.
    public let answer: Answer?
}

/// "3번째 질문, 많아야 9개 남았어요".
public struct QuestionProgress: Sendable, Equatable {
    public let current: Int
    /// The most questions still possible, the one on screen included.
    public let mostRemaining: Int
}
