@testable import KioskApp
import Rules
import SessionLog
import Settings
import Terminal
import TerminalTesting
import Testing

@Suite("The citizen's journey")
struct JourneyTests {
    /// The whole page, read by pressing "+" until it stops moving; the citizen's own way to read on.
    static func readWholePage(_ app: KioskApp, _ pilot: Pilot) -> String {
        var text = pilot.screenText
        for _ in 0..<40 {
            let before = app.state.scroll
            pilot.press(.character("+"))
            app.drain()
            if app.state.scroll == before { break }
            text += pilot.screenText
        }
        return text
    }

    @Test("by keypad to the results, for three households: every programme under the status eval gives it",
          arguments: [("older person alone", Households.olderAlone), ("single parent", Households.singleParent),
                      ("young renter", Households.youngRenter)])
    func households(name: String, facts: Facts) throws {
        let (app, pilot) = Fixture.kiosk(size: Size(width: 120, height: 40))
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.reachResults(facts)
        #expect(app.state.step == .results, "\(name) reaches the results")
        let page = Self.readWholePage(app, pilot)
        let catalog = Fixture.resources.locales.catalog(.ko)
        let expected = Fixture.rules.evaluate(facts)
        for evaluation in expected {
            for result in evaluation.programs {
                let title = evaluation.pack.program(result.id)!.name.ko
                #expect(page.contains(title), "\(name): \(title) listed")
            }
        }
        // Each status heading counts exactly the programmes eval puts under it.
        for (status, key) in [(Status.eligible, "results.eligible"), (.undetermined, "results.undetermined"), (.ineligible, "results.ineligible")] {
            let count = expected.reduce(0) { $0 + $1.programs.filter { $0.status == status }.count }
            let heading = "\(catalog.text(LocaleKey(key))) (\(count))"
            #expect(count == 0 ? !page.contains(catalog.text(LocaleKey(key)) + " (") : page.contains(heading), "\(name): \(heading)")
        }
        #expect(page.contains(catalog.text("results.decides")))
    }

    @Test("an amount is echoed in words as it is typed")
    func amountEcho() throws {
        let (app, pilot) = Fixture.kiosk()
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.arrive()
        while let question = app.state.session.question, question.kind != .amount { citizen.answerOne(from: Households.olderAlone) }
        pilot.type("150")
        app.drain()
        #expect(pilot.screenText.contains("150만 원"))
        pilot.press(.backspace)
        app.drain()
        #expect(pilot.screenText.contains("[ 15 ]  15만 원"))
    }

    /// Walks to the age question and types 140: the refusal and the start of its message.
    private func refuseAge140() throws -> (KioskApp, Pilot, message: String) {
        let (app, pilot) = Fixture.kiosk()
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.arrive()
        while let question = app.state.session.question, question.fact != "age" { citizen.answerOne(from: Households.olderAlone) }
        pilot.type("140")
        pilot.press(.enter)
        app.drain()
        let rejection = try #require(app.state.session.rejection)
        let message = Fixture.resources.locales.catalog(.ko).text(LocaleKey(rejection.messageKey), rejection.placeholders)
        return (app, pilot, String(message.prefix(10)))
    }

    @Test("a refused answer says why and keeps what was typed")
    func inlineValidation() throws {
        let (app, pilot, message) = try refuseAge140()
        #expect(app.state.session.question?.fact == "age", "still on the same question")
        #expect(app.state.input == "140")
        #expect(pilot.screenText.contains(message))
    }

    @Test("the message goes once the answer is corrected, and a leading zero is not kept")
    func correctionClearsTheMessage() throws {
        let (app, pilot, message) = try refuseAge140()
        #expect(pilot.screenText.contains(message))
        pilot.press(.backspace)
        app.drain()
        #expect(app.state.input == "14")
        #expect(!pilot.screenText.contains(message), "14 is accepted: the message about 140 is gone")
        for _ in 0..<2 { pilot.press(.backspace) }
        pilot.type("078")
        app.drain()
        #expect(app.state.input == "78", "the leading zero is not kept")
        pilot.press(.enter)
        app.drain()
        #expect(app.state.session.answers["age"] == .known(.number(78)))
    }

    @Test("a duration reopened shows its years and months, and Enter keeps them")
    func reopenedDurationShowsItsValue() throws {
        // A family with a newborn, renting: 시흥's own programmes ask how long it has lived here.
        var household = Households.singleParent
        household["children_age_months"] = .list([2])
        household["months_in_siheung"] = .number(27)
        let (app, pilot) = Fixture.kiosk()
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.arrive()
        var asked = 0
        while let question = app.state.session.question, question.kind != .duration, asked < 40 {
            citizen.answerOne(from: household)
            asked += 1
        }
        let question = try #require(app.state.session.question, "the family is asked how long it has lived in 시흥")
        #expect(question.kind == .duration)
        pilot.type("2")
        pilot.press(.enter)
        pilot.type("3")
        pilot.press(.enter)
        app.drain()
        #expect(app.state.session.answers[question.fact] == .known(.number(27)))
        pilot.press(.character("."))
        app.drain()
        #expect(app.state.session.question?.fact == question.fact)
        #expect(app.state.years == "2" && app.state.input == "3")
        #expect(pilot.screenText.contains("2년 3개월"))
        pilot.press(.enter)
        app.drain()
        #expect(app.state.session.answers[question.fact] == .known(.number(27)))
        #expect(app.state.session.question?.fact != question.fact, "Enter kept the answer and moved on")
    }

    @Test("'.' goes back with the answer kept; the review changes any answer")
    func backAndReview() throws {
        let (app, pilot) = Fixture.kiosk()
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.arrive()
        let first = try #require(app.state.session.question?.fact)
        citizen.answerOne(from: Households.olderAlone)
        pilot.press(.character("."))
        app.drain()
        #expect(app.state.session.question?.fact == first)
        citizen.answerAll(from: Households.olderAlone)
        #expect(app.state.step == .review, "still on \(String(describing: app.state.session.question?.fact))")
        pilot.press(.enter)  // the first answer
        app.drain()
        #expect(app.state.session.question?.fact == app.state.session.history.first)
    }

    @Test("a detail page explains with figures and shows a QR code that decodes to the programme's page")
    func detailPage() throws {
        let (app, pilot) = Fixture.kiosk(size: Size(width: 120, height: 40))
        Citizen(app: app, pilot: pilot).reachResults(Households.olderAlone)
        pilot.press(.enter)
        app.drain()
        guard case .detail(let program) = app.state.step else {
            Issue.record("no detail page")
            return
        }
        let page = Self.readWholePage(app, pilot)
        #expect(page.contains("신청 방법"))
        #expect(page.contains("129"))
        let url = Fixture.rules.packs[program.pack].program(program.id)!.apply.url
        // Scroll until the whole code is on screen, then read it back as a phone would.
        var decoded: String?
        pilot.press(.character("-"), .character("-"), .character("-"), .character("-"))
        app.drain()
        for _ in 0..<10 where decoded == nil {
            decoded = try QRDecoder.decode(pilot.screen)
            pilot.press(.character("+"))
            app.drain()
        }
        #expect(decoded == url)
    }

    @Test("back from a detail page, the focus is on the programme just read")
    func backFromDetail() throws {
        let (app, pilot) = Fixture.kiosk()
        Citizen(app: app, pilot: pilot).reachResults(Households.olderAlone)
        pilot.press(.right, .right, .enter)
        app.drain()
        guard case .detail = app.state.step else {
            Issue.record("no detail page")
            return
        }
        pilot.press(.character("."))
        app.drain()
        #expect(app.state.step == .results)
        #expect(app.state.focus == 2)
    }

    @Test("the goodbye wipes: the session is logged and every answer forgotten")
    func goodbyeWipes() throws {
        let recorder = MemorySessionRecorder()
        let clock = ManualClock()
        let (app, pilot) = Fixture.kiosk(clock: clock, recorder: recorder)
        Citizen(app: app, pilot: pilot).reachResults(Households.singleParent)
        pilot.press(.left, .left, .enter)
        app.drain()
        #expect(app.state.step == .goodbye)
        #expect(app.state.session.answers.isEmpty)
        #expect(app.state.results == nil)
        #expect(recorder.summaries.count == 1)
        clock.advance(Fixture.resources.config.kiosk.idleWarning)
        app.tick()
        #expect(app.state.step == .attract, "the goodbye returns to the start by itself")
    }

    @Test("idle: a warning counts down, any key extends it ten times, then everything is wiped")
    func idle() throws {
        let recorder = MemorySessionRecorder()
        let clock = ManualClock()
        let (app, pilot) = Fixture.kiosk(clock: clock, recorder: recorder)
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.arrive()
        citizen.answerOne(from: Households.olderAlone)
        let config = Fixture.resources.config.kiosk
        let title = Fixture.resources.locales.catalog(.ko).text("idle.title")
        #expect(config.idleExtensions >= 10)
        for round in 1...config.idleExtensions {
            clock.advance(config.idleTimeout + .seconds(1))
            app.tick()
            #expect(pilot.screenText.contains(title), "warning \(round) shown")
            pilot.press(.character("x"))
            app.drain()
            #expect(!pilot.screenText.contains(title), "extension \(round) dismisses it")
            #expect(app.state.session.history.count == 1, "the key that extends does nothing else")
        }
        clock.advance(config.idleTimeout + .seconds(1))
        app.tick()
        pilot.press(.character("x"))
        app.drain()
        #expect(pilot.screenText.contains(title), "past the limit a key no longer extends")
        clock.advance(config.idleWarning)
        app.tick()
        #expect(app.state.step == .attract)
        #expect(app.state.session.answers.isEmpty && app.state.session.history.isEmpty)
        #expect(recorder.summaries.count == 1, "the abandoned session is logged before it is wiped")
        #expect(!pilot.screenText.contains(title))
    }

    @Test("children are added one by one as years and months, and the last one can be taken back")
    func children() throws {
        let (app, pilot) = Fixture.kiosk()
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.arrive()
        while let question = app.state.session.question, question.kind != .children { citizen.answerOne(from: Households.singleParent) }
        pilot.type("1")
        pilot.press(.enter)
        pilot.type("8")
        pilot.press(.enter)
        pilot.type("4")
        pilot.press(.enter)
        pilot.press(.enter)
        app.drain()
        #expect(app.state.session.children == [ChildAge(years: 1, months: 8), ChildAge(years: 4, months: 0)])
        #expect(pilot.screenText.contains("1살 8개월, 4살"), "a child's age in 살, not the 년 of a duration")
        #expect(TouchJourneyTests.tap(.removeLastChild, app, pilot))
        #expect(app.state.session.children == [ChildAge(years: 1, months: 8)])
        pilot.press(.right, .enter)
        app.drain()
        #expect(app.state.session.answers["children_age_months"] == .known(.list([20])))
    }

    @Test("the attract and goodbye screens have a help button too, and arrows reach it without starting")
    func helpOnAttract() throws {
        let (app, pilot) = Fixture.kiosk()
        pilot.press(.right, .enter)
        app.drain()
        #expect(app.state.showsHelp)
        #expect(app.state.step == .attract)
    }

    @Test("a kiosk.conf idle_extensions under ten is refused")
    func extensionsSetting() throws {
        #expect(throws: ConfigError.self) {
            try KioskConfig.parse(text: "[kiosk]\nidle_extensions = 3\n", baseDirectory: Fixture.repositoryRoot)
        }
        let config = try KioskConfig.parse(text: "[kiosk]\nidle_extensions = 12\n", baseDirectory: Fixture.repositoryRoot)
        #expect(config.kiosk.idleExtensions == 12)
    }

    @Test("help opens from every screen by F1, and by its touch target")
    func helpEverywhere() throws {
        let (app, pilot) = Fixture.kiosk()
        let ko = Fixture.resources.locales.catalog(.ko)
        let citizen = Citizen(app: app, pilot: pilot)
        pilot.press(.enter, .character("1"))
        app.drain()
        #expect(pilot.tap(on: ko.text("nav.help")))
        app.drain()
        #expect(app.state.showsHelp)
        pilot.press(.character("x"))
        citizen.arrive()
        for _ in 0..<3 {
            pilot.press(.function(1))
            app.drain()
            #expect(app.state.showsHelp && pilot.screenText.contains("129"))
            pilot.press(.character("x"))
            citizen.answerOne(from: Households.youngRenter)
        }
    }

    @Test("choices are touch targets three rows tall at 80x24")
    func touchTargetHeight() throws {
        let (app, pilot) = Fixture.kiosk()
        Citizen(app: app, pilot: pilot).arrive()
        let ko = Fixture.resources.locales.catalog(.ko)
        let position = try #require(pilot.find(ko.text("question.unknown")))
        for row in [position.y - 1, position.y + 1] {
            let (tapped, tapPilot) = Fixture.kiosk()
            Citizen(app: tapped, pilot: tapPilot).arrive()
            let before = tapped.state.session.history.count
            tapPilot.tap(x: position.x, y: row)
            tapped.drain()
            #expect(tapped.state.session.history.count == before + 1, "row \(row) of the button answers")
        }
    }
}
