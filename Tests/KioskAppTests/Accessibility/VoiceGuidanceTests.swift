import Explanations
import Foundation
@testable import KioskApp
import Rules
import Settings
import Terminal
import TerminalTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Voice guidance: what is spoken, interrupted, repeated and wiped")
struct VoiceGuidanceTests {
    @Test("each screen of a Korean session is spoken from its page: title, choices, focus, keys")
    func eachScreenIsSpoken() throws {
        let voice = try RecordingVoice()
        let (app, pilot) = try AccessibleFixture.kiosk(voice: voice)
        let citizen = Citizen(app: app, pilot: pilot)
        // The attract screen, at start.
        #expect(app.lastSpoken.hasPrefix("복지 안내 키오스크. 받을 수 있는 복지 혜택을 알아보세요."))
        #expect(app.lastSpoken.contains("1, 시작하기."))
        #expect(app.lastSpoken.hasSuffix("점은 이전, 슬래시는 다시 듣기예요."))
        pilot.press(.enter)
        app.drain()
        #expect(app.lastSpoken.contains("1, 한국어"))
        #expect(app.lastSpoken.contains("지금 고른 것은 한국어 선택됨, 7개 중 1번째예요."))
        pilot.press(.character("1"))
        app.drain()
        #expect(app.lastSpoken.contains("1, 알겠어요. 시작할게요."))
        pilot.press(.character("1"))
        app.drain()
        let question = try #require(app.state.session.question)
        #expect(app.lastSpoken.hasPrefix(question.text["ko"]))
        #expect(app.lastSpoken.contains("아직 입력하지 않았어요. 확인. 잘 모르겠어요."))
        #expect(!app.lastSpoken.contains("▸") && !app.lastSpoken.contains("✓"))

        citizen.answerAll(from: Households.olderAlone)
        #expect(app.state.step == .review)
        #expect(app.lastSpoken.hasPrefix("답한 내용을 확인해 주세요. 바꾸고 싶은 답을 누르면 다시 답할 수 있어요."))
        // In the mode the review ends with the settings choice: four back from the first is "결과 보기".
        pilot.press(.left, .left, .left, .left, .enter)
        app.drain()
        #expect(app.state.step == .results)
        // Statuses and amounts in words a voice can say.
        #expect(app.lastSpoken.contains("받을 수 있어요"))
        #expect(app.lastSpoken.contains("기초연금"))
        #expect(app.lastSpoken.contains("매달"))
        pilot.press(.enter)
        app.drain()
        guard case .detail = app.state.step else { Issue.record("not on a detail page: \(app.state.step) \(pilot.screen)"); return }
        #expect(app.lastSpoken.hasPrefix("기초연금."))
    }

    @Test("English amounts are said as one number, not groups of three")
    func amountsAreWords() throws {
        let catalog = Fixture.resources.locales.catalog(.en)
        #expect(SpokenPage.words("Basic Pension  Monthly 349,700 won ✓", catalog: catalog) == "Basic Pension Monthly 349700 won chosen")
        #expect(SpokenPage.words("1.500.000 won, 1.5 months", catalog: catalog) == "1500000 won, 1.5 months")
        #expect(SpokenPage.words("▸ ▪ Eligible (3)", catalog: catalog) == "Eligible (3)")
    }

    @Test("a reason's ✓ and ✗ are said as met and not met, not as 'selected'")
    func reasonMarksAreSaid() {
        let korean = Fixture.resources.locales.catalog(.ko)
        #expect(SpokenPage.words("✓ 만 65세 이상이에요", catalog: korean) == "맞아요, 만 65세 이상이에요")
        #expect(SpokenPage.words("  ✗ 소득인정액이 기준보다 많아요", catalog: korean) == "안 맞아요, 소득인정액이 기준보다 많아요")
        #expect(SpokenPage.words("예 ✓", catalog: korean) == "예 선택됨")
        let english = Fixture.resources.locales.catalog(.en)
        #expect(SpokenPage.words("✗ Income above the line", catalog: english) == "not met, Income above the line")
    }

    @Test("a focus move speaks only the focused choice and its place")
    func focusMoves() throws {
        let (app, pilot) = try AccessibleFixture.kiosk(voice: try RecordingVoice())
        pilot.press(.enter)
        app.drain()
        pilot.press(.right)
        app.drain()
        #expect(app.lastSpoken == "English, 7개 중 2번째.")
    }

    @Test("typing speaks the amount in words")
    func typingIsEchoed() throws {
        let (app, pilot) = try AccessibleFixture.kiosk(voice: try RecordingVoice())
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.arrive()
        for _ in 0..<40 where app.state.session.question?.kind != .amount {
            citizen.answerOne(from: Households.singleParent)
        }
        try #require(app.state.session.question?.kind == .amount)
        pilot.type("150")
        app.drain()
        #expect(app.lastSpoken == "150만 원.")
    }

    @Test("any key interrupts the voice at once; the child is killed and reaped")
    func anyKeyInterrupts() throws {
        let voice = try RecordingVoice(sleepSeconds: 30)
        let (app, pilot) = try AccessibleFixture.kiosk(voice: voice)
        let speaking = try #require(app.assistive.speaker.currentProcess)
        // A key that changes nothing on screen: the voice stops and nothing new is said.
        pilot.press(.control("c"))
        app.drain()
        #expect(kill(speaking, 0) == -1 && errno == ESRCH)
        #expect(!app.assistive.speaker.isSpeaking)
        #expect(voice.lines.isEmpty)
    }

    @Test("the explanation is read once it has come, and / reads the screen as it is now")
    func explanationIsReadWhenItComes() throws {
        let voice = try RecordingVoice()
        let service = ScriptedExplanationService()
        let (app, pilot) = try AccessibleFixture.kiosk(size: Size(width: 80, height: 24), voice: voice, explanations: service)
        let citizen = Citizen(app: app, pilot: pilot)
        pilot.press(.enter)
        app.drain()
        pilot.press(.character("1"))
        app.drain()
        pilot.press(.character("1"))
        app.drain()
        citizen.answerAll(from: Households.olderAlone)
        pilot.press(.left, .left, .left, .left, .enter)
        app.drain()
        #expect(app.state.step == .results)
        let catalog = Fixture.resources.locales.catalog(.ko)
        let preparing = catalog.text("ask.preparing")
        #expect(app.lastSpoken.contains(preparing))
        let ticket = try #require(service.requests.last?.ticket)
        service.send(ticket, .sentence("기초연금을 받을 수 있어요."))
        app.pollExplanations()
        // Half an explanation is not read: the next sentence would cut it off.
        #expect(!app.lastSpoken.contains("기초연금을 받을 수 있어요."))
        let outcome = ExplanationOutcome(source: .llm, fallbackReason: nil, detail: nil, text: "",
                                         firstTokenMilliseconds: 5, totalMilliseconds: 9)
        service.send(ticket, .sentence("결과는 센터에서 정해요."), .finished(outcome))
        app.pollExplanations()
        // Read after the page, not over it: the page's reading is heard to its end first.
        #expect(app.assistive.speaker.waitUntilQuiet())
        #expect(app.lastSpoken == "\(catalog.text("ask.explain_heading")). 기초연금을 받을 수 있어요. 결과는 센터에서 정해요.")
        let lines = voice.lines
        let page = try #require(lines.firstIndex { $0.contains("| \(catalog.text("results.title"))") }, "the results page was cut off: \(lines)")
        #expect(lines.last?.contains("\(catalog.text("ask.explain_heading")). 기초연금을") == true && page < lines.count - 1)
        // Nothing new on the next frame: nothing said again.
        let count = app.assistive.speaker.spoken
        app.start()
        #expect(app.assistive.speaker.spoken == count)
        pilot.press(.character("/"))
        app.drain()
        #expect(app.lastSpoken.hasPrefix(catalog.text("results.title")))
        #expect(app.lastSpoken.contains("기초연금을 받을 수 있어요.") && !app.lastSpoken.contains(preparing))
    }

    @Test("each language is spoken with its own voice: 中文 with cmn, Tiếng Việt with vi", arguments: [(3, "zh", "cmn"), (4, "vi", "vi"), (2, "en", "en-us")])
    func eachLanguageHasItsVoice(position: Int, language: String, voiceName: String) throws {
        let voice = try RecordingVoice()
        let (app, pilot) = try AccessibleFixture.kiosk(voice: voice)
        pilot.press(.enter)
        app.drain()
        pilot.press(.character(Character(String(position))))
        app.drain()
        #expect(app.state.language.rawValue == language)
        #expect(app.assistive.speaker.waitUntilQuiet())
        let last = try #require(voice.lines.last)
        #expect(last.hasPrefix("\(voiceName) "), "\(last)")
        // The words are the session language's, not Korean read in another voice.
        #expect(last.contains(Fixture.resources.locales.catalog(Language(rawValue: language)!).text("privacy.title")))
    }

    @Test("F1 is said as the panel shows it: this screen's help first, each sentence ended")
    func helpIsSpoken() throws {
        let voice = try RecordingVoice()
        let (app, pilot) = try AccessibleFixture.kiosk(voice: voice)
        pilot.press(.enter)
        app.drain()
        pilot.press(.function(1))
        app.drain()
        let catalog = Fixture.resources.locales.catalog(.ko)
        let places = Fixture.resources.config.centre.placeholders(in: .ko)
        #expect(app.lastSpoken.hasPrefix(catalog.text("help.title") + " " + catalog.text("help.screen_language")), "\(app.lastSpoken)")
        // The opening hours have no full stop of their own; said, they end before the phone.
        #expect(app.lastSpoken.contains(catalog.text("help.hours", places) + ". " + catalog.text("help.phone", places)), "\(app.lastSpoken)")
    }

    @Test("/ says the screen again, in the session's voice")
    func repeatKey() throws {
        let voice = try RecordingVoice()
        let (app, pilot) = try AccessibleFixture.kiosk(voice: voice)
        pilot.press(.enter)
        app.drain()
        #expect(app.assistive.speaker.waitUntilQuiet())
        let said = app.lastSpoken
        pilot.press(.character("/"))
        app.drain()
        #expect(app.assistive.speaker.waitUntilQuiet())
        #expect(voice.lines.count == 2)
        #expect(voice.lines.allSatisfy { $0 == "ko 175 100 | \(said)" })
    }

    @Test("a wipe kills the voice, and outside the mode nothing is spoken")
    func wipeKills() throws {
        let clock = ManualClock()
        let voice = try RecordingVoice(sleepSeconds: 30)
        let (app, pilot) = try AccessibleFixture.kiosk(voice: voice, startOn: false, clock: clock)
        #expect(app.assistive.speaker.spoken == 0)
        pilot.press(.character("*"))
        app.drain()
        pilot.press(.enter, .character("1"))
        app.drain()
        let speaking = try #require(app.assistive.speaker.currentProcess)
        app.wipe()
        #expect(kill(speaking, 0) == -1 && errno == ESRCH)
        let spoken = app.assistive.speaker.spoken
        pilot.press(.enter, .down)
        app.drain()
        #expect(app.assistive.speaker.spoken == spoken)
    }

    @Test("rate and volume from the settings page reach the voice command")
    func rateAndVolume() throws {
        let voice = try RecordingVoice()
        let (app, pilot) = try AccessibleFixture.kiosk(voice: voice)
        pilot.press(.up, .enter)  // the last choice: voice and screen settings
        app.drain()
        #expect(app.state.accessibility.showsSettings)
        pilot.press(.character("3"), .character("5"))
        app.drain()
        // The changed choice is read with its new value.
        #expect(app.lastSpoken.hasPrefix("목소리 크게 (지금 음량 120)"))
        pilot.press(.character("1"))
        app.drain()
        #expect(app.assistive.speaker.waitUntilQuiet())
        #expect(voice.lines.last?.hasPrefix("ko 200 120 | ") == true, "\(voice.lines)")
    }

    @Test("the idle warning is spoken when it appears")
    func idleWarningSpoken() throws {
        let clock = ManualClock()
        let (app, pilot) = try AccessibleFixture.kiosk(voice: try RecordingVoice(), clock: clock)
        pilot.press(.enter)
        app.drain()
        clock.advance(app.resources.config.kiosk.idleTimeout * 3 + .seconds(1))
        app.tick()
        #expect(app.lastSpoken == "아직 이용하고 계세요? 59초 뒤에 처음 화면으로 돌아가요. 답한 내용은 지워져요. 계속하려면 아무 키나 눌러 주세요.")
    }
}

