import Foundation
import KioskApp
import Rules
import Settings
import Terminal
import TerminalTesting

/// The repository's own kiosk.conf defaults, themes and locales: screens are tested with the
/// words and colours a citizen would see.
enum Fixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let resources: KioskResources = {
        let config = KioskConfig.defaults(baseDirectory: repositoryRoot)
        return try! KioskResources.load(config: config)
    }()

    /// Every configured pack, on a fixed day so snapshots and amounts do not drift.
    static let rules: RuleBook = try! RuleBook.load(config: resources.config, day: Day("2026-06-01")!)

    /// A kiosk on an in-memory screen of `size`, its first frame presented, on a clock the
    /// test moves by hand.
    static func kiosk(size: Size = Size(width: 80, height: 24), clock: ManualClock = ManualClock(),
                      recorder: MemorySessionRecorder = MemorySessionRecorder()) -> (KioskApp, Pilot) {
        let pilot = Pilot(size: size, palette: Palette(theme: resources.theme))
        let app = KioskApp(terminal: pilot.terminal, resources: resources, rules: rules, recorder: recorder,
                           clock: { clock.now })
        app.start()
        return (app, pilot)
    }
}

extension KioskApp {
    /// Handles every event the pilot queued, as the run loop would.
    func drain() {
        while let event = terminal.nextEvent(timeout: .zero) {
            handle(event)
        }
    }
}

/// Time that passes only when a test says so.
final class ManualClock: @unchecked Sendable {
    var now: Duration = .zero

    func advance(_ duration: Duration) {
        now += duration
    }
}

/// Households the journey tests walk through, as the facts `eval` would be given.
enum Households {
    /// An older person living alone on a small pension.
    static let olderAlone = Facts([
        "age": .number(78), "nationality": .choice("korean"), "support_obligor_able": .bool(false), "has_spouse": .bool(false), "household_size": .number(1), "earned_income_krw": .number(0),
        "other_income_krw": .number(350_000), "national_pension_krw": .number(250_000), "property_krw": .number(30_000_000),
        "financial_assets_krw": .number(5_000_000), "debt_krw": .number(0), "car_value_krw": .number(0),
        "children_age_months": .list([]), "severe_disability": .bool(false), "owns_home": .bool(false),
        "monthly_rent_krw": .number(250_000), "rent_deposit_krw": .number(5_000_000), "months_in_siheung": .number(240),
        "receives_basic_livelihood": .bool(false), "single_parent": .bool(false), "pregnant": .bool(false),
        "crisis": .bool(false), "lives_with_parents": .bool(false),
    ])

    /// A single parent with a toddler.
    static let singleParent = Facts([
        "age": .number(31), "nationality": .choice("korean"), "support_obligor_able": .bool(false), "has_spouse": .bool(false), "household_size": .number(2), "earned_income_krw": .number(1_800_000),
        "other_income_krw": .number(0), "national_pension_krw": .number(0), "property_krw": .number(20_000_000),
        "financial_assets_krw": .number(3_000_000), "debt_krw": .number(10_000_000), "car_value_krw": .number(0),
        "children_age_months": .list([20]), "single_parent": .bool(true), "severe_disability": .bool(false),
        "pregnant": .bool(false), "crisis": .bool(false), "owns_home": .bool(false), "monthly_rent_krw": .number(400_000),
        "rent_deposit_krw": .number(10_000_000), "months_in_siheung": .number(30), "receives_basic_livelihood": .bool(false),
        "lives_with_parents": .bool(false),
    ])

    /// A young renter.
    static let youngRenter = Facts([
        "age": .number(26), "nationality": .choice("korean"), "support_obligor_able": .bool(false), "has_spouse": .bool(false), "household_size": .number(1), "earned_income_krw": .number(1_500_000),
        "other_income_krw": .number(0), "national_pension_krw": .number(0), "property_krw": .number(0),
        "financial_assets_krw": .number(4_000_000), "debt_krw": .number(0), "car_value_krw": .number(0),
        "children_age_months": .list([]), "single_parent": .bool(false), "severe_disability": .bool(false),
        "pregnant": .bool(false), "crisis": .bool(false), "owns_home": .bool(false), "monthly_rent_krw": .number(450_000),
        "rent_deposit_krw": .number(5_000_000), "months_in_siheung": .number(14), "receives_basic_livelihood": .bool(false),
        "lives_with_parents": .bool(false),
    ])
}

/// Walks a kiosk the way a citizen with a keypad would: digits, Enter, arrows.
struct Citizen {
    let app: KioskApp
    let pilot: Pilot

    /// From the attract screen to the first question, in `language`.
    func arrive(language: Language = .ko) {
        pilot.press(.enter, .character(Character(String(Language.allCases.firstIndex(of: language)! + 1))), .character("1"))
        app.drain()
    }

    /// Answers the question on screen from `facts`; "잘 모르겠어요" where the fact is absent.
    func answerOne(from facts: Facts) {
        guard let question = app.state.session.question else { return }
        let value = facts[question.fact]
        // A question reopened shows its answer in the field; a citizen clears it before typing.
        func typeNumber(_ n: Int) {
            // A reopened duration holds its years too: erasing past the months brings them back.
            while !app.state.input.isEmpty || app.state.years != nil {
                pilot.press(.backspace)
                app.drain()
            }
            pilot.type(String(n)); pilot.press(.enter)
        }
        switch (question.kind, value) {
        case (.yesNo, .bool(let yes)?): pilot.press(.character(yes ? "1" : "2"))
        case (.yesNo, _): pilot.press(.character("3"))
        case (.choice(let values), .choice(let chosen)?):
            pilot.press(.character(Character(String((values.firstIndex(of: chosen) ?? values.count) + 1))))
        case (.choice(let values), _): pilot.press(.character(Character(String(values.count + 1))))
        case (.amount, .number(let won)?): typeNumber(won / 10_000)
        case (.number, .number(let n)?), (.age, .number(let n)?): typeNumber(n)
        case (.duration, .number(let months)?): typeNumber(months / 12); typeNumber(months % 12)
        case (.children, .list(let ages)?):
            for months in ages { typeNumber(months / 12); typeNumber(months % 12) }
            pilot.press(.right, .enter)
        case (.children, _): pilot.press(.right, .right, .enter)
        default: pilot.press(.right, .enter)
        }
        app.drain()
    }

    /// Answers every question the planner asks, up to the review.
    func answerAll(from facts: Facts) {
        var asked = 0
        while app.state.step == .question, asked < 40 {
            answerOne(from: facts)
            asked += 1
        }
    }

    /// The whole way to the results.
    func reachResults(_ facts: Facts, language: Language = .ko) {
        arrive(language: language)
        answerAll(from: facts)
        showResults()
    }

    /// On the review: focus wraps from the first answer back past "직원 도움" and "이전" to
    /// "결과 보기", which Enter presses.
    func showResults() {
        pilot.press(.left, .left, .left, .enter)
        app.drain()
    }
}
