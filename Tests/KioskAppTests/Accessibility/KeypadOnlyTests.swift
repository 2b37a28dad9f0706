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
