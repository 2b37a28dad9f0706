@testable import KioskApp
import Rules
import Settings
import Terminal
import TerminalTesting
import Testing

/// Every screen in accessibility mode at 40x12 (what an enlarged font leaves of 80x24), in
/// Korean and English, and the low-position layout at 80x24. Nothing may be cut off: text
/// wraps, and what does not fit scrolls with a "more below" marker.
@Suite("Accessibility snapshots")
struct AccessibilitySnapshotTests {
    enum Screen: String, CaseIterable {
        case attract, language, privacy, question, amount, invalid, children, review, results, detail, goodbye, help, idle, settings
    }

    @Test("every screen in large mode at 40x12", arguments: Screen.allCases)
    func large(screen: Screen) throws {
        for language in [Language.ko, .en] {
            let clock = ManualClock()
            let (app, pilot) = try AccessibleFixture.kiosk(size: Size(width: 40, height: 12), clock: clock)
            try Self.reach(screen, app: app, pilot: pilot, language: language, clock: clock)
            #expect(Snapshot.verify(pilot.screen, named: "a11y-\(screen.rawValue)-\(language.rawValue)-40x12") == nil)
        }
    }

    @Test("low position: choices and fields start in the lower half", arguments: [Screen.language, .question, .review])
    func lowPosition(screen: Screen) throws {
        for language in [Language.ko, .en] {
            let clock = ManualClock()
            let size = Size(width: 80, height: 24)
            let (app, pilot) = try AccessibleFixture.kiosk(size: size, extra: "low_position = true", clock: clock)
            try Self.reach(screen, app: app, pilot: pilot, language: language, clock: clock)
            let layout = PageLayout(app.currentPage, size: size, scroll: 0)
            let first = try #require(layout.screenFrame(of: 0))
            #expect(first.y >= size.height / 2)
            #expect(Snapshot.verify(pilot.screen, named: "a11y-low-\(screen.rawValue)-\(language.rawValue)-80x24") == nil)
        }
    }

    static func reach(_ screen: Screen, app: KioskApp, pilot: Pilot, language: Language, clock: ManualClock) throws {
        let citizen = Citizen(app: app, pilot: pilot)
        let digit = Character(String(Language.allCases.firstIndex(of: language)! + 1))
        switch screen {
        case .attract:
            pilot.press(.enter, .character(digit), .character("."), .character("."))
        case .language:
            pilot.press(.enter, .character(digit), .character("."))
        case .privacy:
            pilot.press(.enter, .character(digit))
        case .question:
            citizen.arrive(language: language)
        case .amount, .invalid, .children:
            citizen.arrive(language: language)
            app.drain()
            for _ in 0..<40 {
                let kind = try #require(app.state.session.question?.kind)
                if screen == .amount, kind == .amount { break }
                if screen == .invalid, case .age = kind { break }
                if screen == .children, kind == .children { break }
                citizen.answerOne(from: Households.singleParent)
            }
            switch screen {
            case .amount: pilot.type("150")
            case .invalid: pilot.type("140"); pilot.press(.enter)
            default: pilot.type("1"); pilot.press(.enter); pilot.type("8"); pilot.press(.enter); pilot.type("4")
            }
        case .review:
            citizen.arrive(language: language)
            citizen.answerAll(from: Households.olderAlone)
        case .results, .detail, .goodbye:
            citizen.arrive(language: language)
            citizen.answerAll(from: Households.olderAlone)
            // The review ends with "show results", back, help and, in the mode, its settings.
            let settings = app.state.accessibility.isOn ? 1 : 0
            for _ in 0..<(3 + settings) { pilot.press(.left) }
            pilot.press(.enter)
            app.drain()
            if screen == .detail { pilot.press(.enter) }
            // The results end with review, finish, help (and the settings): back to "finish".
            if screen == .goodbye {
                for _ in 0..<(2 + settings) { pilot.press(.left) }
                pilot.press(.enter)
            }
        case .help:
            pilot.press(.enter, .character(digit), .function(1))
        case .idle:
            pilot.press(.enter, .character(digit))
            app.drain()
            clock.advance(app.resources.config.kiosk.idleTimeout * 3 + .seconds(3))
            app.tick()
        case .settings:
            pilot.press(.enter, .character(digit), .up, .enter)
        }
        app.drain()
    }
}
