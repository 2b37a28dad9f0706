import Foundation
@testable import KioskApp
import Rules
import Settings
import Terminal
import TerminalTesting
import Testing

@Suite("Accessibility mode: one key, one button, wiped with the session")
struct AccessibilityModeTests {
    @Test("* and F5 turn the mode on and off on any screen, and the high-contrast theme with it")
    func oneKeyToggles() throws {
        let (app, pilot) = try AccessibleFixture.kiosk(startOn: false)
        let resources = app.resources
        #expect(!app.state.accessibility.isOn)
        pilot.press(.character("*"))
        app.drain()
        #expect(app.state.accessibility.isOn)
        #expect(app.state.step == .attract)  // the key did not also start the session
        #expect(pilot.terminal.palette == Palette(theme: resources.highContrastTheme))
        citizenArrives(app, pilot)
        #expect(app.state.step == .question)
        pilot.press(.function(5))
        app.drain()
        #expect(!app.state.accessibility.isOn)
        #expect(pilot.terminal.palette == Palette(theme: resources.theme))
        #expect(app.state.step == .question)
    }

    @Test("the button in the key-hint row is a touch target on every screen")
    func buttonToggles() throws {
        let (app, pilot) = try AccessibleFixture.kiosk(size: Size(width: 80, height: 24), startOn: false)
        for step in [Step.attract, .question] {
            var (x, y) = try #require(pilot.find("*:"))
            pilot.tap(x: x, y: y)
            app.drain()
            #expect(app.state.accessibility.isOn)
            #expect(app.state.step == step)  // the tap did nothing else
            (x, y) = try #require(pilot.find("*:"))
            pilot.tap(x: x + 1, y: y)
            app.drain()
            #expect(!app.state.accessibility.isOn)
            if step == .attract { citizenArrives(app, pilot) }
        }
    }

    @Test("a wipe returns the mode to the kiosk's default, both ways")
    func wipeRestoresTheDefault() throws {
        for startOn in [false, true] {
            let clock = ManualClock()
            let (app, pilot) = try AccessibleFixture.kiosk(startOn: startOn, clock: clock)
            #expect(app.state.accessibility.isOn == startOn)
            pilot.press(.character("*"))
            citizenArrives(app, pilot)
            #expect(app.state.accessibility.isOn == !startOn)
            clock.advance(.seconds(3600))
            app.tick()
            app.tick()
            #expect(app.state.step == .attract)
            #expect(app.state.accessibility.isOn == startOn)
            #expect(pilot.terminal.palette == Palette(theme: startOn ? app.resources.highContrastTheme : app.resources.theme))
        }
    }

    @Test("idle limits are three times longer in the mode")
    func moreTime() throws {
        let clock = ManualClock()
        let (app, pilot) = try AccessibleFixture.kiosk(clock: clock)
        citizenArrives(app, pilot)
        let config = app.resources.config.kiosk
        clock.advance(config.idleTimeout * 3 - .seconds(1))
        app.tick()
        #expect(app.idlePhase == .active)
        clock.advance(.seconds(2))
        #expect(app.idlePhase == .warning(secondsLeft: Int(config.idleWarning.components.seconds) * 3 - 1))
    }

    @Test("the idle warning can be extended without limit when the citizen chooses it")
    func extendWithoutLimit() throws {
        let clock = ManualClock()
        let (app, pilot) = try AccessibleFixture.kiosk(extra: "extend_without_limit = true", clock: clock)
        citizenArrives(app, pilot)
        let limit = app.resources.config.kiosk.idleExtensions
        for _ in 0..<(limit + 5) {
            clock.advance(app.resources.config.kiosk.idleTimeout * 3 + .seconds(1))
            app.tick()
            pilot.press(.down)
            app.drain()
            #expect(app.idlePhase == .active)
        }
        #expect(app.state.idle.extensions == limit + 5)
        #expect(app.state.step == .question)
    }

    @Test("the settings page changes rate, volume, low position and time, and Done returns")
    func settingsPage() throws {
        let (app, pilot) = try AccessibleFixture.kiosk(size: Size(width: 80, height: 24))
        citizenArrives(app, pilot)
        let question = app.state.session.question?.fact
        let settings = try #require(app.currentPage.choices.lastIndex { $0.action == .accessibility(.open) })
        #expect(settings == app.currentPage.choices.count - 1)
        // Up from the first choice wraps to the last: the settings are one key away.
        pilot.press(.up, .enter)
        app.drain()
        #expect(app.state.accessibility.showsSettings)
        let rate = app.state.accessibility.rate
        pilot.press(.character("3"), .character("5"), .character("7"), .character("8"))
        app.drain()
        #expect(app.state.accessibility.rate == rate + AccessibilityMode.rateStep)
        #expect(app.state.accessibility.volume == app.resources.config.accessibility.speechVolume + AccessibilityMode.volumeStep)
        #expect(app.state.accessibility.lowPosition && app.state.accessibility.extendWithoutLimit)
        pilot.press(.character("."))
        app.drain()
        #expect(!app.state.accessibility.showsSettings)
        #expect(app.state.session.question?.fact == question)
        #expect(app.state.focus == settings)
        #expect(app.currentPage.lowPosition)
    }

    @Test("the enlarge command runs on entering the mode and the restore command on leaving")
    func fontCommands() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("font-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("font.log").path
        let (app, pilot) = try AccessibleFixture.kiosk(startOn: false, extra: """
            enlarge_command = ["sh", "-c", "echo enlarge >> '\(log)'"]
            restore_command = ["sh", "-c", "echo restore >> '\(log)'"]
            """)
        pilot.press(.character("*"))
        app.drain()
        #expect(app.assistive.commands.waitUntilDone())
        pilot.press(.character("*"))
        app.drain()
        #expect(app.assistive.commands.waitUntilDone())
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "enlarge\nrestore\n")
    }

    @Test("turning the mode on promises large text only where an enlarge command gives it, once the terminal has re-sized")
    func announcementSaysWhatHappens() throws {
        let catalog = Fixture.resources.locales.catalog(.ko)
        let (plain, plainPilot) = try AccessibleFixture.kiosk(voice: try RecordingVoice(), startOn: false)
        plainPilot.press(.character("*"))
        plain.drain()
        #expect(plain.lastSpoken.hasPrefix(catalog.text("a11y.turned_on_no_enlarge")), "\(plain.lastSpoken)")
        #expect(!plain.lastSpoken.contains("큰 글씨"), "no large text is claimed without an enlarge command")
        let (enlarging, enlargingPilot) = try AccessibleFixture.kiosk(size: Size(width: 80, height: 24), voice: try RecordingVoice(),
                                                                      startOn: false, extra: """
            enlarge_command = ["true"]
            restore_command = ["true"]
            """)
        enlargingPilot.press(.character("*"))
        enlarging.drain()
        #expect(enlarging.lastSpoken.hasPrefix(catalog.text("a11y.turned_on")), "\(enlarging.lastSpoken)")
        // "Being made larger", not "large": the command's exit says nothing about the font.
        #expect(!enlarging.lastSpoken.contains(catalog.text("a11y.enlarged")))
        // A terminal that grows does not count; one that now has fewer, larger cells does.
        enlargingPilot.resize(to: Size(width: 100, height: 30))
        enlarging.drain()
        #expect(!enlarging.lastSpoken.contains(catalog.text("a11y.enlarged")))
        enlargingPilot.resize(to: Size(width: 40, height: 12))
        enlarging.drain()
        #expect(enlarging.lastSpoken == catalog.text("a11y.enlarged"), "\(enlarging.lastSpoken)")
        // Said once.
        let count = enlarging.assistive.speaker.spoken
        enlargingPilot.resize(to: Size(width: 40, height: 11))
        enlarging.drain()
        #expect(enlarging.assistive.speaker.spoken == count)
    }

    @Test("a kiosk configured to start in the mode starts in high contrast")
    func startsOn() throws {
        let (app, pilot) = try AccessibleFixture.kiosk()
        #expect(app.state.accessibility.isOn)
        #expect(pilot.terminal.palette == Palette(theme: app.resources.highContrastTheme))
    }

    func citizenArrives(_ app: KioskApp, _ pilot: Pilot) {
        pilot.press(.enter, .character("1"), .character("1"))
        app.drain()
    }
}

@Suite("Accessibility check at start")
struct AccessibilityCheckTests {
    @Test("a missing voice program is a warning naming the key, not a refusal")
    func missingProgram() throws {
        let resources = try AccessibleFixture.resources("[accessibility]\nspeech_command = [\"no-such-espeak\", \"{voice}\"]\n")
        #expect(AccessibilityCheck.warnings(resources.config, path: "/usr/bin:/bin") == [
            "welfare-kiosk: warning: kiosk.conf: [accessibility] speech_command: 'no-such-espeak' is not an executable program here;"
                + " accessibility mode will run without it (install it, or change the key)",
        ])
        let shipped = try AccessibleFixture.resources("[accessibility]\nspeech_command = [\"sh\"]\nenlarge_command = [\"/bin/true\"]\nrestore_command = [\"true\"]\n")
        #expect(AccessibilityCheck.warnings(shipped.config, path: "/usr/bin:/bin").isEmpty)
    }
}
