import Foundation
import Rules
import Settings

extension Session {
    /// A whole session answered from a household's facts, as a citizen who knows exactly those
    /// facts would: the planner asks, `household` answers, "잘 모르겠어요" where it has no value;
    /// then the review and the results. For `simulate`, its tests and the replay benchmark.
    ///
    /// The questions go through the same methods the screens call; a question asked twice or a
    /// planner that never settles is stopped after one question per fact in the vocabulary.
    public static func replay(_ household: Facts, rules: RuleBook, language: Language, startedAt: Date = Date()) -> Session {
        var session = Session(rules: rules, language: language, startedAt: startedAt)
        session.showPrivacy()
        session.startQuestions()
        var asked = 0
        while case .question(let fact) = session.step, asked <= rules.order.count {
            asked += 1
            if let value = household[fact] { session.answer(value) } else { session.answerUnknown() }
        }
        session.showResults()
        return session
    }
}
