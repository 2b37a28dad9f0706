import HangulInput
import Testing

/// The composer against the real libhangul: what a citizen types is what the library composes.
@Suite("HangulComposer")
struct HangulComposerTests {
    /// Types jamo through the 두벌식 layout, as the on-screen keyboard does.
    private func type(_ jamo: String, into composer: HangulComposer) {
        for j in jamo {
            if let key = DubeolsikLayout.ascii(for: j) { composer.type(key) } else { composer.type(j) }
        }
    }

    @Test("ㄱ + ㅏ is 가, shown as preedit until committed")
    func syllable() {
        let composer = HangulComposer()
        type("ㄱ", into: composer)
        #expect(composer.preedit == "ㄱ")
        type("ㅏ", into: composer)
        #expect(composer.preedit == "가")
        #expect(composer.text == "")
        composer.commit()
        #expect(composer.text == "가")
        #expect(composer.preedit == "")
    }

    @Test("a double final consonant: ㄷㅏㄹㄱ is 닭")
    func doubleFinal() {
        let composer = HangulComposer()
        type("ㄷㅏㄹㄱ", into: composer)
        #expect(composer.preedit == "닭")
        #expect(composer.fullText == "닭")
    }

    @Test("backspace on 값 steps back one jamo at a time, then into the committed text")
    func backspaceSteps() {
        let composer = HangulComposer()
        type("ㄴㅏ", into: composer)
        composer.commit()
        type("ㄱㅏㅂㅅ", into: composer)
        #expect(composer.fullText == "나값")
        var seen: [String] = []
        for _ in 0..<5 {
            composer.backspace()
            seen.append(composer.fullText)
        }
        #expect(seen == ["나갑", "나가", "나ㄱ", "나", ""])
    }

    @Test("a vowel after a final consonant moves it to the next syllable: 갈 + ㅏ is 가라")
    func consonantMoves() {
        let composer = HangulComposer()
        type("ㄱㅏㄹ", into: composer)
        #expect(composer.preedit == "갈")
        type("ㅏ", into: composer)
        #expect(composer.text == "가")
        #expect(composer.preedit == "라")
        #expect(composer.fullText == "가라")
    }

    @Test("QWERTY letters from a physical keyboard: dkssud is 안녕; 한/영 types Latin letters")
    func physicalKeyboardAndToggle() {
        let composer = HangulComposer()
        for key in "dkssud" { composer.type(key) }
        #expect(composer.fullText == "안녕")
        composer.toggleMode()
        #expect(composer.mode == .latin)
        #expect(composer.text == "안녕")
        for key in " KTX" { composer.type(key) }
        #expect(composer.fullText == "안녕 KTX")
        composer.toggleMode()
        composer.type(" ")
        for key in "rk" { composer.type(key) }
        #expect(composer.fullText == "안녕 KTX 가")
    }

    @Test("the text is NFC: precomposed syllables, not conjoining jamo")
    func normalized() {
        let composer = HangulComposer()
        for key in "tlscjd" { composer.type(key) }
        composer.commit()
        let text = composer.text
        #expect(text == "신청")
        #expect(text.unicodeScalars.map(\.value) == [0xC2E0, 0xCCAD])
        #expect(text.unicodeScalars.allSatisfy { !(0x1100...0x11FF).contains($0.value) })
    }

    @Test("the length limit refuses a new character with a reason and keeps what fits")
    func limit() {
        let composer = HangulComposer(limit: 3)
        for key in "rkrkrk" { #expect(composer.type(key) == nil) }
        #expect(composer.fullText == "가가가")
        // A final consonant only completes the third syllable…
        #expect(composer.type("r") == nil)
        #expect(composer.fullText == "가가각")
        // …a vowel after it would begin a fourth: refused, the third keeps what it had before.
        #expect(composer.type("k") == .tooLong(limit: 3))
        #expect(composer.fullText == "가가가")
        #expect(composer.type(" ") == .tooLong(limit: 3))
        #expect(composer.fullText == "가가가")
        composer.backspace()
        #expect(composer.fullText == "가가")
    }

    @Test("clear forgets the text and the syllable being composed")
    func clear() {
        let composer = HangulComposer()
        for key in "tkfkd" { composer.type(key) }
        composer.clear()
        #expect(composer.isEmpty)
        #expect(composer.fullText == "")
    }
}
