@testable import KioskApp
import Rules
import Settings
import Terminal
import TerminalTesting
import Testing

/// Issue 7 item 8: the Korean input method (libhangul, issue 5's question keyboard) in
/// accessibility mode at 40x12, where an enlarged font leaves the kiosk.
@Suite("Korean input in large mode")
struct LargeTextInputTests {
    @Test("a Korean question is typed on the keyboard screen at 40x12 in the mode")
    func typeKoreanQuestion() async throws {
        let (app, pilot) = try AccessibleFixture.kiosk(size: Size(width: 40, height: 12), voice: try RecordingVoice())
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.arrive()
        citizen.answerAll(from: Households.olderAlone)
        // Four back from the first answer is "show results" (before back, help and the settings).
        pilot.press(.left, .left, .left, .left, .enter)
        app.drain()
        #expect(app.state.step == .results)
        await AskFixture.settle(app)
        #expect(TouchJourneyTests.tap(.openKeyboard, app, pilot))
        #expect(app.state.step == .ask)
        // The voice reads the keyboard as it opens, then what is typed and where the focus is.
        #expect(app.lastSpoken.hasPrefix("직접 물어보기. 글자를 눌러 질문을 쓰고 '묻기'를 눌러요. 아직 입력하지 않았어요."))
        #expect(app.lastSpoken.contains("지금 고른 것은 ㅂ, 38개 중 1번째예요."))
        #expect(app.lastSpoken.hasSuffix("숫자 1부터 5는 줄을 옮겨요. 점은 이전, 슬래시는 다시 듣기예요."))
        // 두벌식 keys: r k s k e k is 가나다.
        pilot.type("rkskek")
        app.drain()
        #expect(app.lastSpoken == "가나다.")
        #expect(pilot.screenText.contains("> 가나다"))
        #expect(app.state.accessibility.isOn)
        #expect(pilot.terminal.palette == Palette(theme: app.resources.highContrastTheme))
        #expect(Snapshot.verify(pilot.screen, named: "a11y-ask-keyboard-ko-40x12") == nil)
        // The mode's key still works on the keyboard screen, and types nothing.
        pilot.press(.character("*"))
        app.drain()
        #expect(!app.state.accessibility.isOn)
        #expect(pilot.screenText.contains("> 가나다"))
        #expect(!pilot.screenText.contains("가나다*"))
    }
}
