import KioskApp
import Settings
import Terminal
import TerminalTesting
import Testing

@Suite("Welcome screen")
struct WelcomeScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 40, height: 12)]

    @Test("snapshot in every layout and language", arguments: sizes, [Language.ko, .en])
    func snapshot(size: Size, language: Language) {
        let (app, pilot) = Fixture.kiosk(size: size)
        pilot.press(.character(Character(String(Language.allCases.firstIndex(of: language)! + 1))))
        app.drain()
        #expect(Snapshot.verify(pilot.screen, named: "welcome-\(language.rawValue)-\(size)") == nil)
    }

    @Test("choosing a language switches every visible word at once")
    func languageSwitch() {
        let (app, pilot) = Fixture.kiosk()
        let korean = Fixture.resources.locales.catalog(.ko)
        let english = Fixture.resources.locales.catalog(.en)
        #expect(pilot.find(korean.text("welcome.title")) != nil)
        pilot.press(.right, .enter)
        app.drain()
        #expect(app.state.language == .en)
        #expect(pilot.find(english.text("welcome.title")) != nil)
        #expect(pilot.find(english.text("language.prompt")) != nil)
        // No Hangul left anywhere but the "한국어" button, which names itself in Korean.
        let hangul = pilot.screenText.unicodeScalars.filter { (0xAC00...0xD7A3).contains($0.value) }
        #expect(String(String.UnicodeScalarView(hangul)) == "한국어")
    }

    @Test("each language is reachable by its digit, by tap and by F2")
    func everyWayToChoose() {
        let (app, pilot) = Fixture.kiosk()
        pilot.press(.character("3"))
        app.drain()
        #expect(app.state.language == .zh)
        #expect(pilot.tap(on: "Tiếng Việt"))
        app.drain()
        #expect(app.state.language == .vi)
        pilot.press(.function(2))
        app.drain()
        #expect(app.state.language == .ko)
    }

    @Test("language buttons are touch targets three rows tall in the default layout")
    func touchTargets() throws {
        let (app, pilot) = Fixture.kiosk()
        let position = try #require(pilot.find("English"))
        for row in [position.y - 1, position.y, position.y + 1] {
            let (tapped, tapPilot) = Fixture.kiosk()
            tapPilot.tap(x: position.x, y: row)
            tapped.drain()
            #expect(tapped.state.language == .en, "a tap on row \(row) of the button chooses it")
        }
        _ = app
    }

    @Test("^C, ^Z and ^\\ are plain keys that change nothing")
    func controlKeysDoNothing() {
        let (app, pilot) = Fixture.kiosk()
        let before = pilot.screen
        pilot.press(.control("c"), .control("z"), .control("\\"))
        app.drain()
        #expect(pilot.screen == before)
    }

    @Test("a focus move rewrites only the label rows of the two buttons it moved between")
    func focusMoveIsSmall() throws {
        let (app, pilot) = Fixture.kiosk()
        let before = pilot.screen
        let stats = try #require(app.handle(.key(.right)))
        let after = pilot.screen
        var changedRows: Set<Int> = []
        var changed = 0
        for y in 0..<after.size.height {
            for x in 0..<after.size.width where before[x, y] != after[x, y] && !after[x, y].isContinuation {
                changedRows.insert(y)
                changed += 1
            }
        }
        #expect(changedRows.count == 1, "one label row holds both buttons' labels")
        #expect(stats.cellsWritten == changed, "the diff writes exactly the cells that changed")
    }
}

@Suite("Help and small screens")
struct NoticeTests {
    @Test("F1 opens the centre's counter, hours and 129; any key closes it", arguments: [Size(width: 80, height: 24), Size(width: 40, height: 12)])
    func help(size: Size) {
        let (app, pilot) = Fixture.kiosk(size: size)
        pilot.press(.function(1))
        app.drain()
        #expect(app.state.showsHelp)
        #expect(pilot.screenText.contains("129"))
        #expect(Snapshot.verify(pilot.screen, named: "help-ko-\(size)") == nil)
        pilot.press(.character("x"))
        app.drain()
        #expect(!app.state.showsHelp)
    }

    @Test("below 40x12 a notice replaces the layout, and the screen comes back when enlarged")
    func tooSmall() {
        let (app, pilot) = Fixture.kiosk()
        let welcome = pilot.screen
        pilot.resize(to: Size(width: 20, height: 6))
        app.drain()
        #expect(pilot.screenText.contains("화면이 너무 작습니다"))
        #expect(Snapshot.verify(pilot.screen, named: "too-small-ko-20x6") == nil)
        pilot.resize(to: Size(width: 80, height: 24))
        app.drain()
        #expect(pilot.screen == welcome)
    }
}
