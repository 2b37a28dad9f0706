import Rules
import Settings

/// What a citizen like the persona would press next, read from the kiosk's state: the demo
/// plays the journey through the same actions a citizen's keys produce, one press per step, so
/// what staff show is the real kiosk and not a recording.
///
/// Pure: the state and the persona in, one action out. Amounts are typed in 만원 digit by digit,
/// durations and children's ages as years then months, a fact the persona lacks is answered
/// "잘 모르겠어요".
enum DemoScript {
    /// The next press, or nil when the persona's session is over (the goodbye is on screen).
    static func nextAction(_ state: KioskState, facts: Facts, language: Language, shownDetail: Bool) -> Action? {
        switch state.step {
        case .attract: return .start
        case .language: return .chooseLanguage(language)
        case .privacy: return .acceptPrivacy
        case .question:
            guard let question = state.session.question else { return nil }
            return answer(question, state: state, facts: facts)
        case .review: return .showResults
        case .results:
            if shownDetail { return .finish }
            return firstProgram(state.results).map(Action.open) ?? .finish
        case .detail: return .back
        // A demo never asks its own questions; should one be open, it is closed.
        case .ask, .answer: return .back
        case .goodbye: return nil
        }
    }

    /// The programme the demo opens on the results: the first the persona can receive, else
    /// the first listed.
    static func firstProgram(_ results: SessionResults?) -> ProgramRef? {
        guard let results else { return nil }
        for status in [Status.eligible, .undetermined, .ineligible] {
            for (pack, evaluation) in results.evaluations.enumerated() {
                if let result = evaluation.programs.first(where: { $0.status == status }) {
                    return ProgramRef(pack: pack, id: result.id)
                }
            }
        }
        return nil
    }

    private static func answer(_ question: Question, state: KioskState, facts: Facts) -> Action {
        let value = facts[question.fact]
        switch (question.kind, value) {
        case (.yesNo, .bool(let yes)?):
            return yes ? .answerYes : .answerNo
        case (.choice(let values), .choice(let value)?) where values.contains(value):
            return .answerChoice(value)
        case (.amount, .number(let won)?):
            return type(String(won / 10_000), into: state.input, then: .confirmInput)
        case (.number, .number(let n)?), (.age, .number(let n)?):
            return type(String(n), into: state.input, then: .confirmInput)
        case (.duration, .number(let months)?):
            return yearsThenMonths(months, state: state, then: .confirmInput)
        case (.children, .list(let ages)?):
            let added = state.session.children.count
            guard added < ages.count else { return .noMoreChildren }
            return yearsThenMonths(ages[added], state: state, then: .addChild)
        default:
            return .answerUnknown
        }
    }

    /// Years first (confirmed), then months, as the kiosk asks them.
    private static func yearsThenMonths(_ months: Int, state: KioskState, then confirm: Action) -> Action {
        if state.years == nil { return type(String(months / 12), into: state.input, then: confirm) }
        return type(String(months % 12), into: state.input, then: confirm)
    }

    /// One digit towards `target`, erasing whatever does not lead to it; confirms once typed.
    private static func type(_ target: String, into input: String, then confirm: Action) -> Action {
        if input == target { return confirm }
        guard target.hasPrefix(input) else { return .erase }
        return .type(target[target.index(target.startIndex, offsetBy: input.count)])
    }
}
