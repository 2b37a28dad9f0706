import Foundation
import KioskApp
import Rules
import Settings

/// The repository's own packs (kr-welfare and kr-culture, as kiosk.conf names them) on a fixed day.
enum SessionFixture {
    static let day = Day("2026-06-01")!

    static let rules: RuleBook = {
        let config = KioskConfig.defaults(baseDirectory: Fixture.repositoryRoot)
        return try! RuleBook.load(config: config, day: day)
    }()

    static let start = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28, mid-morning in Seoul

    /// A session that has passed the privacy notice and is on its first question.
    static func asking() -> Session {
        var session = Session(rules: rules, language: .ko, startedAt: start)
        session.showPrivacy()
        session.startQuestions()
        return session
    }

    /// Answers every question the planner asks from `truth` (unknown where it has no value),
    /// as `simulate` does; returns the questions in the order asked.
    @discardableResult
    static func answerAll(_ session: inout Session, from truth: [FactKey: FactValue], limit: Int = 40) -> [FactKey] {
        var asked: [FactKey] = []
        while case .question(let fact) = session.step, asked.count < limit {
            asked.append(fact)
            if let value = truth[fact] { session.answer(value) } else { session.answerUnknown() }
        }
        return asked
    }

    /// Answers from `truth` (unknown where it has none) until `fact` is the question on screen.
    static func reach(_ fact: FactKey, in session: inout Session, from truth: [FactKey: FactValue] = olderAlone) {
        while case .question(let current) = session.step, current != fact {
            if let value = truth[current] { session.answer(value) } else { session.answerUnknown() }
        }
    }

    /// An older person living alone on a small pension.
    static let olderAlone: [FactKey: FactValue] = [
        "age": .number(78), "nationality": .choice("korean"), "support_obligor_able": .bool(false), "has_spouse": .bool(false), "severe_disability": .bool(false), "household_size": .number(1),
        "single_parent": .bool(false), "lives_with_parents": .bool(false), "receives_basic_livelihood": .bool(false),
        "children_age_months": .list([]), "pregnant": .bool(false), "earned_income_krw": .number(0),
        "other_income_krw": .number(400_000), "national_pension_krw": .number(300_000), "property_krw": .number(30_000_000),
        "financial_assets_krw": .number(2_000_000), "debt_krw": .number(0), "car_value_krw": .number(0), "owns_home": .bool(false),
        "monthly_rent_krw": .number(250_000), "rent_deposit_krw": .number(10_000_000), "crisis": .bool(false),
        "months_in_siheung": .number(240),
    ]
}
