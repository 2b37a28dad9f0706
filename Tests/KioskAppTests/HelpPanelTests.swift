@testable import KioskApp
import Rules
import Settings
import Terminal
import TerminalTesting
import Testing

/// F1 helps on the screen it is pressed on: how this screen works first, then where a person is.
@Suite("Help for the screen it is asked on")
struct HelpPanelTests {
    static let catalog = Fixture.resources.locales.catalog(.ko)

    /// The first words of a help sentence, short enough to sit on one line of the panel.
    static func opening(_ key: LocaleKey) -> String { String(catalog.text(key).prefix(18)) }

    func helpShown(_ app: KioskApp, _ pilot: Pilot) -> String {
        pilot.press(.function(1))
        app.drain()
        defer { pilot.press(.character("x")); app.drain() }
        #expect(app.state.showsHelp)
        return pilot.screenText
    }

    @Test func eachScreenSaysHowItWorks() throws {
        let (app, pilot) = Fixture.kiosk(size: Size(width: 120, height: 40))
        let citizen = Citizen(app: app, pilot: pilot)
        #expect(helpShown(app, pilot).contains(Self.opening("help.screen_attract")))
        citizen.arrive()
        var seen = Set<String>()
        while app.state.step == .question, let question = app.state.session.question {
            let key: LocaleKey = switch question.kind {
            case .yesNo, .choice: "help.screen_choose"
            case .amount: "help.screen_amount"
            case .number, .age: "help.screen_number"
            case .duration: "help.screen_duration"
            case .children: "help.screen_children"
            }
            let screen = helpShown(app, pilot)
            #expect(screen.contains(Self.opening(key)), "\(question.fact): \(screen)")
            // Where to find a person is still said, under it.
            #expect(screen.contains("129"))
            seen.insert(key.description)
            citizen.answerOne(from: Households.olderAlone)
        }
        #expect(seen.count >= 3, "\(seen)")
        #expect(app.state.step == .review)
        #expect(helpShown(app, pilot).contains(Self.opening("help.screen_review")))
        citizen.showResults()
        #expect(app.state.step == .results)
        #expect(helpShown(app, pilot).contains(Self.opening("help.screen_results")))
    }

    /// At the smallest size the panel keeps this screen's line, the counter and the phone.
    @Test(arguments: [Language.ko, .en, .zh, .vi])
    func theSmallestScreenKeepsWhatMatters(language: Language) throws {
        let (app, pilot) = Fixture.kiosk(size: Size(width: 40, height: 12))
        Citizen(app: app, pilot: pilot).arrive(language: language)
        pilot.press(.function(1))
        app.drain()
        let text = pilot.screenText.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        let catalog = Fixture.resources.locales.catalog(language)
        let places = Fixture.resources.config.centre.placeholders(in: language)
        let screenKey = try #require(app.screenHelp)
        for sentence in [catalog.text(screenKey), catalog.text("help.counter", places), catalog.text("help.phone", places)] {
            // Whole, so its end is on screen too.
            let squeezed = sentence.replacingOccurrences(of: " ", with: "")
            #expect(text.contains(String(squeezed.suffix(8))), "\(language): \(sentence) cut from \(pilot.screenText)")
        }
    }
}

/// At 40x12 there is no row for "만원 단위 숫자로 넣어 주세요"; the empty field says the unit,
/// which an amount cannot be answered without.
@Suite("The smallest screen keeps what an answer needs")
struct SmallestScreenTests {
    @Test(arguments: [Language.ko, .en, .zh, .vi])
    func anEmptyAmountFieldSaysItsUnit(language: Language) throws {
        let (app, pilot) = Fixture.kiosk(size: Size(width: 40, height: 12))
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.arrive(language: language)
        for _ in 0..<30 where app.state.session.question?.kind != .amount { citizen.answerOne(from: Households.olderAlone) }
        #expect(app.state.session.question?.kind == .amount)
        let unit = Fixture.resources.locales.catalog(language).text("question.amount_unit")
        #expect(app.state.input.isEmpty)
        #expect(pilot.screenText.contains(unit), "\(pilot.screenText)")
        // Typed, the field says the amount in words instead.
        pilot.type("150")
        app.drain()
        #expect(!pilot.screenText.contains(unit))
    }
}

/// Months refused on a duration or a child's age stay months: the years given stay beside them.
@Suite("Years and months stay apart when months are refused")
struct RefusedMonthsTests {
    @Test func aRefusedMonthsFieldKeepsItsYears() throws {
        let (app, pilot) = Fixture.kiosk(size: Size(width: 80, height: 24))
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.arrive()
        // A newborn's family: 시흥 출산 지원 asks how long they have lived in 시흥.
        let family = Facts(["age": .number(31), "household_size": .number(3), "nationality": .choice("korean"),
                            "has_spouse": .bool(true), "spouse_age": .number(33), "children_age_months": .list([1])])
        for _ in 0..<40 where app.state.session.question?.kind != .duration { citizen.answerOne(from: family) }
        #expect(app.state.session.question?.kind == .duration)
        pilot.type("0"); pilot.press(.enter)
        pilot.type("222"); pilot.press(.enter)
        app.drain()
        #expect(app.state.session.rejection != nil)
        // It read "[ 0222 ]  222년": the years and the refused months run together.
        #expect(app.state.years == "0" && app.state.input == "222", "years \(String(describing: app.state.years)), input \(app.state.input)")
        let refused = Fixture.resources.locales.catalog(.ko).text("session.invalid.months_range")
        #expect(pilot.screenText.contains(refused))
        pilot.press(.backspace, .backspace)
        pilot.press(.enter)
        app.drain()
        #expect(app.state.session.question?.kind != .duration, "2 months is accepted")
        #expect(app.state.session.facts["months_in_siheung"] == .number(2))
    }
}
