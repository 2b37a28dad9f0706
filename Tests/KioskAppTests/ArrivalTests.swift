import KioskApp
import Settings
import Terminal
import TerminalTesting
import Testing
import TextLayout

@Suite("Arrival: attract, language, privacy")
struct ArrivalTests {
    @Test("any key or a touch anywhere on the attract screen opens the language choice")
    func attractStarts() {
        let (app, pilot) = Fixture.kiosk()
        #expect(app.state.step == .attract)
        pilot.press(.character("x"))
        app.drain()
        #expect(app.state.step == .language)
        let (tapped, tapPilot) = Fixture.kiosk()
        tapPilot.tap(x: 2, y: 2)
        tapped.drain()
        #expect(tapped.state.step == .language)
    }

    @Test("choosing a language switches every visible word at once and shows the privacy notice")
    func languageSwitch() {
        let (app, pilot) = Fixture.kiosk()
        let english = Fixture.resources.locales.catalog(.en)
        pilot.press(.enter, .right, .enter)
        app.drain()
        #expect(app.state.language == .en)
        #expect(app.state.step == .privacy)
        #expect(pilot.find(english.text("privacy.title")) != nil)
        let hangul = pilot.screenText.unicodeScalars.filter { (0xAC00...0xD7A3).contains($0.value) }
        #expect(hangul.isEmpty, "no Korean left on the English privacy notice")
    }

    @Test("each language is reachable by its digit, by tap and by F2")
    func everyWayToChoose() {
        let (app, pilot) = Fixture.kiosk()
        pilot.press(.enter, .character("3"))
        app.drain()
        #expect(app.state.language == .zh)
        pilot.press(.character("."))
        app.drain()
        #expect(app.state.step == .language)
        pilot.press(.function(2))
        app.drain()
        #expect(app.state.language == .vi)
        #expect(pilot.tap(on: "English"))
        app.drain()
        #expect(app.state.language == .en)
        #expect(app.state.step == .privacy)
    }

    @Test("language buttons are touch targets three rows tall in the default layout")
    func touchTargets() throws {
        let (app, pilot) = Fixture.kiosk()
        pilot.press(.enter)
        app.drain()
        let position = try #require(pilot.find("English"))
        for row in [position.y - 1, position.y, position.y + 1] {
            let (tapped, tapPilot) = Fixture.kiosk()
            tapPilot.press(.enter)
            tapPilot.tap(x: position.x, y: row)
            tapped.drain()
            #expect(tapped.state.language == .en, "a tap on row \(row) of the button chooses it")
        }
    }

    @Test("the privacy notice says nothing identifying is kept and, with no model configured, that no AI is used",
          arguments: Language.allCases)
    func privacyNoticeWithoutModel(language: Language) {
        let (app, pilot) = Fixture.kiosk(size: Size(width: 120, height: 40))
        pilot.press(.enter, .character(Character(String(Language.allCases.firstIndex(of: language)! + 1))))
        app.drain()
        let catalog = Fixture.resources.locales.catalog(language)
        for key: LocaleKey in ["privacy.kept", "privacy.no_ai"] {
            #expect(pilot.screenText.contains(String(catalog.text(key).prefix(8))), "\(key) on screen")
        }
        // Longer prefixes here: the no-AI sentence itself names 人工智能（AI）.
        for key: LocaleKey in ["privacy.ai", "privacy.ai_act"] {
            #expect(!pilot.screenText.contains(String(catalog.text(key).prefix(14))), "\(key) claims an AI that is not configured")
        }
    }

    @Test("no bullet stands alone on its line on the Chinese privacy notice", arguments: [Size(width: 40, height: 12), Size(width: 80, height: 24)])
    func chineseBulletsKeepTheirText(size: Size) {
        let (app, pilot) = Fixture.kiosk(size: size)
        pilot.press(.enter, .character(Character(String(Language.allCases.firstIndex(of: .zh)! + 1))))
        app.drain()
        #expect(app.state.step == .privacy)
        let lines = pilot.screenText.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasPrefix("\(UIChrome.bullet) ") }, "the notice's bullets are on screen")
        #expect(!lines.contains(String(UIChrome.bullet)), "\(pilot.screenText)")
    }

    @Test("with a model configured the privacy notice discloses the AI (AI Basic Act), in every language",
          arguments: Language.allCases)
    func privacyNoticeWithModel(language: Language) throws {
        let folder = try ScratchFolder()
        // Nothing listens there: the notice depends on the configuration, not on the server.
        let resources = try HealthScreenTests.resources(folder: folder, endpoint: "http://127.0.0.1:9")
        let (app, pilot) = HealthScreenTests.kiosk(resources: resources, log: nil, folder: folder)
        pilot.resize(to: Size(width: 120, height: 40))
        app.drain()
        pilot.press(.enter, .character(Character(String(Language.allCases.firstIndex(of: language)! + 1))))
        app.drain()
        let catalog = resources.locales.catalog(language)
        for key: LocaleKey in ["privacy.kept", "privacy.ai", "privacy.ai_act"] {
            #expect(pilot.screenText.contains(String(catalog.text(key).prefix(8))), "\(key) on screen")
        }
        #expect(!pilot.screenText.contains(String(catalog.text("privacy.no_ai").prefix(8))))
    }

    @Test("^C, ^Z and ^\\ are plain keys that change nothing")
    func controlKeysDoNothing() {
        let (app, pilot) = Fixture.kiosk()
        pilot.press(.enter)
        app.drain()
        let before = pilot.screen
        pilot.press(.control("c"), .control("z"), .control("\\"))
        app.drain()
        #expect(pilot.screen == before)
    }

    @Test("a focus move rewrites only the label rows of the two buttons it moved between")
    func focusMoveIsSmall() throws {
        let (app, pilot) = Fixture.kiosk()
        app.handle(.key(.enter))
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
        pilot.press(.character("x"))
        app.drain()
        #expect(!app.state.showsHelp)
        #expect(app.state.step == .attract, "the key that closes help does nothing else")
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
