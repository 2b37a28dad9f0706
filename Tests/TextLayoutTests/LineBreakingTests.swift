import Testing
import TextLayout

@Suite struct LineBreakingTests {
    @Test func breaksAtSpacesBetweenKoreanWords() {
        let lines = wrap("기초연금은 만 65세 이상 어르신께 드립니다", width: 16)
        #expect(lines == ["기초연금은 만", "65세 이상", "어르신께", "드립니다"])
        for line in lines { #expect(displayWidth(of: line) <= 16) }
    }

    @Test func splitsAWordOnlyWhenItAloneIsWiderThanTheLine() {
        #expect(wrap("가 국민기초생활보장 나", width: 8) == ["가", "국민기초", "생활보장", "나"])
        #expect(wrap("국민기초생활보장 나", width: 10) == ["국민기초생", "활보장 나"])
    }

    @Test func wideCharacterNeverHangsOverTheLastColumn() {
        // Width 5 holds two syllables; the third would need columns 5–6.
        #expect(wrap("가나다라", width: 5) == ["가나", "다라"])
        #expect(wrap("a가나", width: 4) == ["a가", "나"])
    }

    @Test func clusterWiderThanTheLineStandsAlone() {
        #expect(wrap("가나", width: 1) == ["가", "나"])
    }

    @Test func combiningMarksStayWithTheirBase() {
        let vietnamese = "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t"
        let lines = wrap(vietnamese, width: 5)
        #expect(lines.count == 2)
        #expect(lines[0].unicodeScalars.count == 7)
        #expect(lines.map { displayWidth(of: $0) } == [5, 4])
    }

    @Test func zwjSequenceIsNeverSplit() {
        let family = "👨‍👩‍👧"
        let lines = wrap("ab\(family)\(family)", width: 8)
        #expect(lines == ["ab\(family)", family])
    }

    @Test func decomposedHangulIsNormalisedAndMeasuredTheSame() {
        let decomposed = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}"  // 한글 in jamo
        #expect(nfc(decomposed) == "한글")
        #expect(nfc(decomposed).unicodeScalars.count == 2)
        #expect(displayWidth(of: decomposed) == 4)
        #expect(wrap(decomposed, width: 2).count == 2)
    }

    @Test func newlinesAndSpaces() {
        #expect(wrap("가  나\n\n다 ", width: 10) == ["가 나", "", "다"])
        #expect(wrap("가\r\n나\r다", width: 10) == ["가", "나", "다"])
        #expect(wrap("", width: 4) == [""])
        #expect(wrap("가", width: 0) == [])
    }

    @Test func chineseWithoutSpacesBreaksBetweenCharacters() {
        #expect(wrap("基础养老金", width: 4) == ["基础", "养老", "金"])
    }

    @Test("a bullet or label before Chinese wider than the line keeps its line; Korean still moves down whole")
    func chineseStartsBesideWhatPrecedesIt() {
        #expect(wrap("▪ 人工智能帮助说明结果", width: 10) == ["▪ 人工智能", "帮助说明结", "果"])
        #expect(wrap("说明: 基础养老金领取", width: 8) == ["说明: 基", "础养老金", "领取"])
        // No room for the first character after the space: the run moves down, no trailing space.
        #expect(wrap("▪▪▪▪▪▪▪ 基础养老金", width: 8) == ["▪▪▪▪▪▪▪", "基础养老", "金"])
        #expect(wrap("가 국민기초생활보장 나", width: 8) == ["가", "국민기초", "생활보장", "나"])
    }

    @Test func closingPunctuationNeverStartsALine() {
        #expect(wrap("基础养老金。", width: 10) == ["基础养老", "金。"])
        #expect(wrap("가나다라마.", width: 10) == ["가나다라", "마."])
        #expect(wrap("（基础）", width: 6) == ["（基", "础）"])
        // A single character per line cannot carry its neighbour along.
        #expect(wrap("가.", width: 2) == ["가", "."])
    }
}

@Suite struct TruncationTests {
    @Test func fitsUnchanged() {
        #expect(truncate("기초연금", width: 8) == "기초연금")
    }

    @Test func endsInANarrowEllipsis() {
        #expect(truncate("기초연금", width: 7) == "기초연⋯")
        #expect(truncate("기초연금", width: 6) == "기초⋯")
        #expect(displayWidth(of: truncate("기초연금", width: 6)) <= 6)
    }

    @Test func neverSplitsAClusterOrOverflows() {
        let text = "e\u{301}e\u{301}e\u{301}"
        #expect(truncate(text, width: 2) == "e\u{301}⋯")
        #expect(truncate("가나", width: 1) == "⋯")
        #expect(truncate("👨‍👩‍👧", width: 3) == "⋯")
    }

    @Test func customEllipsisAndTinyWidths() {
        #expect(truncate("abcdef", width: 5, ellipsis: "...") == "ab...")
        #expect(truncate("abcdef", width: 2, ellipsis: "...") == "ab")
        #expect(truncate("abc", width: 0) == "")
    }
}
