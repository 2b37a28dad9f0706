import Testing
@testable import Explainer

@Suite struct TerminalSafetyFilterTests {
    @Test func removesEscapeSequencesControlsAndInvisibleCharacters() {
        var f = TerminalSafetyFilter()
        let hostile = "\u{1B}[2J\u{1B}[H안녕\u{1B}]0;title\u{07}하세요\u{202E}요\u{200B}\u{07}\u{08}\u{0}.\u{9B}31m끝\u{1B}]8;;http://x\u{1B}\\링크\u{FEFF}\u{2066}"
        #expect(f.feed(hostile) == "안녕하세요요.끝링크")
    }

    @Test func keepsStateAcrossChunks() {
        var f = TerminalSafetyFilter()
        #expect(f.feed("가\u{1B}") == "가")
        #expect(f.feed("[3") == "")
        #expect(f.feed("1m나") == "나")
        #expect(f.feed("\u{1B}]0;x") == "")
        #expect(f.feed("y\u{07}다") == "다")
    }

    @Test func keepsTextNewlinesAndTurnsTabsIntoSpaces() {
        var f = TerminalSafetyFilter()
        #expect(f.feed("82만 556원\n다음\t줄 é 中文 Việt") == "82만 556원\n다음 줄 é 中文 Việt")
    }
}
