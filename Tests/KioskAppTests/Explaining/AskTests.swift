import Foundation
import GRDB
import HangulInput
@testable import KioskApp
import Rules
import SessionLog
import Settings
import Terminal
import TerminalTesting
import Testing

/// Follow-up questions: the suggestions, the on-screen Hangul keyboard by keys and by touch, a
/// physical keyboard, and what is left of a question afterwards (nothing).
@Suite("Asking")
struct AskTests {
    /// A question asked on a programme's page is answered about that programme; a Vietnamese
    /// question on the housing page listed unrelated programmes, one twice.
    @Test(arguments: [Language.ko, .vi])
    func aQuestionOnADetailPageIsAboutThatProgramme(language: Language) async throws {
        let (app, pilot, citizen) = AskFixture.kiosk()
        citizen.reachResults(Households.olderAlone, language: language)
        pilot.press(.enter)
        app.drain()
        guard case .detail(let ref) = app.state.step else { Issue.record("not on a detail page"); return }
        app.ask(AskFixture.text("answer.suggest_when", language))
        await AskFixture.settle(app)
        let spec = try #require(app.state.results?.evaluations[ref.pack].pack.program(ref.id))
        let lines = try #require(app.state.ask?.answer?.lines)
        let when = try #require(spec.apply.when)
        #expect(lines == [AskFixture.text("answer.when", language, ["name": spec.name[language.rawValue], "when": when[language.rawValue]])], "\(lines)")
    }

    /// An English question typed on the 두벌식 layout came out as "졷ㄱㄷ 애 ㅑ 메ㅔㅣㅛ": the
    /// keyboard opens on the letters of the session's language.
    @Test(arguments: [Language.ko, .en, .zh, .vi])
    func theKeyboardOpensOnTheSessionsLetters(language: Language) throws {
        let (app, pilot, citizen) = AskFixture.kiosk()
        citizen.reachResults(Households.olderAlone, language: language)
        #expect(TouchJourneyTests.tap(.openKeyboard, app, pilot))
        let composer = try #require(app.state.ask?.composer)
        #expect(composer.mode == (language == .ko ? .hangul : .latin))
        // Vietnamese composes the Telex way: "khi naof" is "khi nào".
        pilot.type(language == .vi ? "khi naof" : "where")
        app.drain()
        let expected = switch language {
        case .ko: "졷ㄱㄷ"
        case .vi: "khi nào"
        default: "where"
        }
        #expect(app.state.ask?.composer.fullText == expected)
    }

    /// Moves the keyboard's focus to `jamo` with the keypad (a digit for the row, then arrows)
    /// and presses Enter.
    static func key(_ jamo: Character, _ app: KioskApp, _ pilot: Pilot) throws {
        let row = try #require(JamoKeyboard.rows.firstIndex { $0.contains { if case .letter(let k) = $0 { k.jamo == jamo } else { false } } })
        let column = try #require(JamoKeyboard.rows[row].firstIndex { if case .letter(let k) = $0 { k.jamo == jamo } else { false } })
        try pressKey(at: KeyboardPosition(row: row, column: column), app, pilot)
    }

    static func pressKey(at target: KeyboardPosition, _ app: KioskApp, _ pilot: Pilot) throws {
        pilot.press(.character(Character(String(target.row + 1))))
        app.drain()
        var moves = 0
        while app.state.ask?.focus != target, moves < 12 {
            pilot.press(.right)
            app.drain()
            moves += 1
        }
        #expect(app.state.ask?.focus == target)
        pilot.press(.enter)
        app.drain()
    }

    /// Taps the middle of a key as drawn on screen.
    static func tap(_ position: KeyboardPosition, _ app: KioskApp, _ pilot: Pilot) {
        let frame = app.askScreen.frames[position.row][position.column]
        pilot.tap(x: frame.x + frame.width / 2, y: frame.y + frame.height / 2)
        app.drain()
    }

    static func position(of jamo: Character) -> KeyboardPosition {
        for (r, row) in JamoKeyboard.rows.enumerated() {
            if let c = row.firstIndex(where: { if case .letter(let k) = $0 { k.jamo == jamo } else { false } }) {
                return KeyboardPosition(row: r, column: c)
            }
        }
        fatalError("no key for \(jamo)")
    }

    /// A kiosk on the results of `facts`, with the real local service, on the keyboard screen.
    static func onKeyboard(size: Size = Size(width: 80, height: 24), recorder: any SessionRecorder = MemorySessionRecorder())
        async -> (KioskApp, Pilot) {
        let (app, pilot, citizen) = AskFixture.kiosk(size: size, recorder: recorder)
        citizen.reachResults(Households.olderAlone)
        await AskFixture.settle(app)
        #expect(TouchJourneyTests.tap(.openKeyboard, app, pilot))
        #expect(app.state.step == .ask)
        return (app, pilot)
    }

    @Test("a suggested question is answered on its own page; back returns to the results and forgets it")
    func suggested() async throws {
        let (app, pilot, citizen) = AskFixture.kiosk()
        citizen.reachResults(Households.olderAlone)
        await AskFixture.settle(app)
        let question = AskFixture.text("answer.suggest_where")
        #expect(TouchJourneyTests.tap(.askSuggested(question), app, pilot))
        #expect(app.state.step == .answer)
        await AskFixture.settle(app)
        let screen = pilot.screenText
        #expect(screen.contains(question))
        #expect(screen.contains("신청해요"))
        pilot.press(.character("."))
        app.drain()
        #expect(app.state.step == .results)
        #expect(app.state.ask == nil)
    }

    @Test("the keyboard by keypad: 가 from ㄱ and ㅏ, the preedit underlined, erase, space and submit")
    func byKeys() async throws {
        let (app, pilot) = await Self.onKeyboard()
        try Self.key("ㄱ", app, pilot)
        try Self.key("ㅏ", app, pilot)
        #expect(app.state.ask?.composer.preedit == "가")
        // The syllable being composed is drawn underlined, the committed text is not.
        let screen = pilot.screen
        let cells = (0..<screen.size.height).flatMap { y in (0..<screen.size.width).map { (x: $0, y: y) } }
        let preeditCell = try #require(cells.first { screen[$0.x, $0.y].grapheme == "가" })
        #expect(screen[preeditCell.x, preeditCell.y].style.underline)
        try Self.pressKey(at: KeyboardPosition(row: 4, column: 2), app, pilot)  // space
        #expect(app.state.ask?.composer.text == "가 ")
        try Self.key("ㄴ", app, pilot)
        try Self.pressKey(at: KeyboardPosition(row: 4, column: 3), app, pilot)  // erase
        #expect(app.state.ask?.composer.fullText == "가 ")
        try Self.pressKey(at: KeyboardPosition(row: 4, column: 4), app, pilot)  // submit
        #expect(app.state.step == .answer)
        #expect(app.state.ask?.question == "가")
    }

    @Test("an empty question is refused with a message; the length limit says how long a question may be")
    func refusals() async throws {
        let (app, pilot) = await Self.onKeyboard()
        try Self.pressKey(at: JamoKeyboard.submit, app, pilot)
        #expect(app.state.step == .ask)
        #expect(pilot.screenText.contains(AskFixture.text("ask.empty")))
        for _ in 0..<KioskApp.questionLimit { pilot.type("rk") }
        app.drain()
        #expect(app.state.ask?.composer.fullText.count == KioskApp.questionLimit)
        pilot.type("k")
        app.drain()
        #expect(pilot.screenText.contains(AskFixture.text("ask.too_long", .ko, ["limit": String(KioskApp.questionLimit)])))
        #expect(app.state.ask?.composer.fullText.count == KioskApp.questionLimit)
    }

    @Test("the keyboard by touch, at 80x24 and at 40x12, every key on screen", arguments: [Size(width: 80, height: 24), Size(width: 40, height: 12)])
    func byTouch(size: Size) async throws {
        let (app, pilot) = await Self.onKeyboard(size: size)
        let screen = app.askScreen
        let all = screen.frames.flatMap { $0 }
        for frame in all {
            #expect(frame.x >= 0 && frame.maxX <= size.width && frame.y > screen.noticeY && frame.maxY <= size.height - screen.footer.height)
        }
        for (i, a) in all.enumerated() { for b in all[(i + 1)...] { #expect(a.x >= b.maxX || b.x >= a.maxX || a.y >= b.maxY || b.y >= a.maxY, "keys do not overlap") } }
        for jamo in "ㄷㅏㄹㄱ" { Self.tap(Self.position(of: jamo), app, pilot) }
        #expect(app.state.ask?.composer.preedit == "닭")
        #expect(pilot.screenText.contains("닭"))
        Self.tap(KeyboardPosition(row: 4, column: 1), app, pilot)  // 한/영
        #expect(app.state.ask?.composer.mode == .latin)
        Self.tap(Self.position(of: "ㅁ"), app, pilot)
        #expect(app.state.ask?.composer.fullText == "닭a")
        // The back key: a touch-only citizen leaves the keyboard, and the text with it.
        Self.tap(KeyboardPosition(row: 4, column: 0), app, pilot)
        #expect(app.state.step == .results)
        #expect(app.state.ask == nil)
    }

    @Test("a physical keyboard types 두벌식 letters, F3 switches to Latin, and Enter then asks")
    func physicalKeyboard() async throws {
        let (app, pilot) = await Self.onKeyboard()
        pilot.type("wnrjrmqdu")
        app.drain()
        #expect(app.state.ask?.composer.fullText == "주거급여")
        #expect(app.state.ask?.focus == JamoKeyboard.submit)
        pilot.press(.enter)
        app.drain()
        #expect(app.state.step == .answer)
        await AskFixture.settle(app)
        #expect(pilot.screenText.contains("주거급여"))
        #expect(app.state.ask?.answer?.lines.isEmpty == false)
    }

    @Test("an unsafe typed question gets the kind answer naming the counter and 129")
    func unsafe() async throws {
        let (app, pilot) = await Self.onKeyboard()
        pilot.type("wnrrh tlvdjdy")   // 죽고 싶어요
        app.drain()
        #expect(app.state.ask?.composer.fullText == "죽고 싶어요")
        pilot.press(.enter)
        app.drain()
        await AskFixture.settle(app)
        let counter = Fixture.resources.config.centre.counter.text(in: .ko)
        let kind = AskFixture.text("answer.out_of_scope", .ko, ["counter": counter, "phone": Fixture.resources.config.centre.phone])
        #expect(app.state.ask?.answer?.lines == [kind])
    }

    @Test("a typed question leaves no trace: not in the state after leaving or a wipe, not in the SQLite log's bytes")
    func noTrace() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ask-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try KioskConfig.parse(text: "[kiosk]\nid = \"ask-test\"\n[paths]\ndatabase = \"var/kiosk.sqlite\"\n",
                                           baseDirectory: folder)
        let recorder = LogSessionRecorder.open(config: config)
        let (app, pilot) = await Self.onKeyboard(recorder: recorder)
        pilot.type("rlchdusrma qkerh tlvdj")   // 기초연금 받고 싶어
        app.drain()
        let question = "기초연금 받고 싶어"
        #expect(app.state.ask?.composer.fullText == question)
        pilot.press(.enter)
        app.drain()
        await AskFixture.settle(app)
        #expect(app.state.ask?.question == question)
        pilot.press(.character("."))
        app.drain()
        #expect(app.state.ask == nil)
        var dumped = ""
        dump(app.state, to: &dumped)
        #expect(!dumped.contains(question))
        #expect(!dumped.contains("기초연금 받"))

        // Finish: the session is logged and wiped.
        #expect(TouchJourneyTests.tap(.finish, app, pilot))
        #expect(app.state.step == .goodbye)
        dumped = ""
        dump(app.state, to: &dumped)
        #expect(!dumped.contains(question))
        recorder.close()
        #expect(recorder.writer.health.committed == 1)

        // What the log does keep of the explanation: who explained and a latency band.
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("var/kiosk.sqlite").path)
        let row = try queue.read { try Row.fetchOne($0, sql: "SELECT explainer, explainer_detail, latency_band FROM session") }
        #expect(row?["explainer"] == "fallback")
        #expect(row?["explainer_detail"] == "disabled")
        #expect(row?["latency_band"] == "<=0.5s")
        try queue.close()

        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("var").path)
        #expect(files.contains("kiosk.sqlite"))
        for file in files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent("var").appendingPathComponent(file))
            for needle in [question, "기초연금 받고", "받고 싶어", "싶어"] {
                #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(file) holds no part of the question ('\(needle)')")
            }
        }
    }
}
