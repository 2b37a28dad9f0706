@testable import KioskApp
import Rules
import Settings
import Terminal
import TerminalTesting
import Testing

/// WCAG 2.1.1 and 2.1.2: every screen is operable with the keypad alone and none traps it.
@Suite("Keypad only: no keyboard trap")
struct KeypadOnlyTests {
    typealias Screen = AccessibilitySnapshotTests.Screen

    /// What the citizen is looking at, overlays included.
    struct Where: Equatable {
        let step: Step
        let question: FactKey?
        let help: Bool
        let settings: Bool
        let idle: Bool
        init(_ app: KioskApp) {
            step = app.state.step
            question = app.state.session.question?.fact
            help = app.state.showsHelp
            settings = app.state.accessibility.showsSettings
            idle = app.idlePhase != .active
        }
    }

    @Test("every screen is left with a keypad key, and arrows reach every choice on it", arguments: Screen.allCases)
    func noTrap(screen: Screen) throws {
        for mode in [true, false] {
            let clock = ManualClock()
            let (app, pilot) = try AccessibleFixture.kiosk(size: Size(width: 40, height: 12), startOn: mode, clock: clock)
            if screen == .settings, !mode { continue }
            try AccessibilitySnapshotTests.reach(screen, app: app, pilot: pilot, language: .ko, clock: clock)
            let here = Where(app)
            // Arrows alone visit every choice, wrapping, so nothing is out of the keypad's reach.
            let count = app.currentPage.choices.count
            if count > 0, !here.help, !here.idle {
                var seen = Set<Int>()
                for _ in 0..<count {
                    seen.insert(app.state.focus)
                    pilot.press(.right)
                    app.drain()
                }
                #expect(seen == Set(0..<count), "\(screen): arrows reached \(seen.count) of \(count) choices")
                #expect(Where(app) == here)
            }
            // The keypad's "." goes back (a months field first goes back to its years); on the
            // first and last screens Enter starts or starts over.
            let leave: Key = [.attract, .goodbye].contains(screen) ? .enter : .character(".")
            for _ in 0..<3 where Where(app) == here {
                pilot.press(leave)
                app.drain()
            }
            #expect(Where(app) != here, "\(screen) (mode \(mode)) was not left by \(leave)")
        }
    }

    @Test("keypad Enter and the keypad centre act like Enter")
    func keypadKeys() throws {
        let (app, pilot) = try AccessibleFixture.kiosk()
        pilot.press(.keypad(.center))
        app.drain()
        #expect(app.state.step == .language)
        pilot.press(.enter)
        app.drain()
        #expect(app.state.step == .privacy)
    }
}

/// A page with more than nine choices: "0" then the number presses the tenth and later ones,
/// which had no number and no key of their own.
@Suite("Choices numbered 10 and on")
struct ChoosingFromTenTests {
    @Test func zeroThenTheNumberPressesIt() throws {
        let (app, pilot) = Fixture.kiosk(size: Size(width: 80, height: 24))
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.arrive()
        citizen.answerAll(from: Households.olderAlone)
        #expect(app.state.step == .review)
        let choices = app.currentPage.choices
        #expect(choices.count > 12)
        let hint = Fixture.resources.locales.catalog(.ko).text("nav.number_hint")
        #expect(app.currentPage.hints.contains(hint))
        // Started and given up: nothing pressed.
        pilot.press(.character("0"), .character("1"), .character("."))
        app.drain()
        #expect(app.state.step == .review && app.state.choosingNumber == nil)
        // "0", "1": 1 could still become 10–19, so it waits and says what is typed.
        pilot.press(.character("0"), .character("1"))
        app.drain()
        #expect(app.state.choosingNumber == "1")
        #expect(pilot.screenText.contains("번호 1_"))
        // "2": no choice numbers 120, so 12 is pressed at once, as its label says.
        let twelfth = choices[11]
        pilot.press(.character("2"))
        app.drain()
        #expect(app.state.choosingNumber == nil)
        guard case .edit(let fact) = twelfth.action else { Issue.record("the 12th review choice is \(twelfth.action)"); return }
        #expect(app.state.step == .question && app.state.session.question?.fact == fact)
    }

    @Test func enterPressesANumberThatCouldGrow() throws {
        let (app, pilot) = Fixture.kiosk(size: Size(width: 80, height: 24))
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.arrive()
        citizen.answerAll(from: Households.olderAlone)
        let first = app.currentPage.choices[0]
        pilot.press(.character("0"), .character("1"), .enter)
        app.drain()
        guard case .edit(let fact) = first.action else { Issue.record("the first review choice is \(first.action)"); return }
        #expect(app.state.session.question?.fact == fact)
        // A number no choice has is not typed at all: with n choices, the tens of n and then
        // a digit past n's last one.
        citizen.answerOne(from: Households.olderAlone)
        #expect(app.state.step == .review)
        let count = app.currentPage.choices.count
        let tens = count / 10
        if count % 10 < 9 {
            pilot.press(.character("0"), .character(Character(String(tens))), .character("9"))
            app.drain()
            #expect(app.state.choosingNumber == String(tens) && app.state.step == .review)
        }
    }
}
