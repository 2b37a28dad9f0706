import Terminal
import Testing

@Suite struct BufferTests {
    @Test func koreanTakesTwoCellsWithAContinuation() {
        var buffer = Buffer(size: Size(width: 10, height: 2))
        let written = buffer.put("가a나", x: 1, y: 0)
        #expect(written == 5)
        #expect(buffer[1, 0].grapheme == "가")
        #expect(buffer[1, 0].width == 2)
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].grapheme == "a")
        #expect(buffer[4, 0].grapheme == "나")
        #expect(buffer[5, 0].isContinuation)
        #expect(buffer.text(row: 0) == " 가a나    ")
    }

    @Test func wideCharacterNeverStartsInTheLastColumn() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        let written = buffer.put("ab가나", x: 0, y: 0)
        #expect(written == 5)
        #expect(buffer.text(row: 0) == "ab가 ")
        #expect(!buffer[4, 0].isContinuation)
        #expect(buffer[4, 0].grapheme == " ")
    }

    @Test func maxWidthClipsAndPadsAHalfCharacter() {
        var buffer = Buffer(size: Size(width: 10, height: 1))
        buffer.fill(buffer.area, with: "x")
        let written = buffer.put("가나다", x: 0, y: 0, maxWidth: 5)
        #expect(written == 5)
        #expect(buffer.text(row: 0) == "가나 xxxxx")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.put("가나다", x: 0, y: 0)
        buffer.put("x", x: 3, y: 0)  // the continuation of 나
        #expect(buffer.text(row: 0) == "가 x다")
        buffer.put("y", x: 4, y: 0)  // the first half of 다
        #expect(buffer.text(row: 0) == "가 xy ")
        #expect(buffer.cells.allSatisfy { !$0.isContinuation || $0.grapheme == " " })
        for x in 0..<6 where buffer[x, 0].isContinuation {
            #expect(x > 0 && buffer[x - 1, 0].width == 2)
        }
    }

    @Test func wideOverWideKeepsColumnsAligned() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.put("가나다", x: 0, y: 0)
        buffer.put("라", x: 1, y: 0)
        #expect(buffer.text(row: 0) == " 라 다")
        #expect(buffer[1, 0].width == 2)
        #expect(buffer[2, 0].isContinuation)
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func combiningMarksShareTheirBaseCell() {
        var buffer = Buffer(size: Size(width: 8, height: 1))
        let written = buffer.put("Vie\u{323}\u{302}t", x: 0, y: 0)
        #expect(written == 4)
        #expect(buffer[2, 0].grapheme == "e\u{323}\u{302}")
    }

    @Test func zwjSequenceIsOneCellWithContinuations() {
        var buffer = Buffer(size: Size(width: 8, height: 1))
        let written = buffer.put("👨‍👩‍👧a", x: 0, y: 0)
        #expect(written == 7)
        #expect(buffer[0, 0].width == 6)
        #expect((1..<6).allSatisfy { buffer[$0, 0].isContinuation })
        #expect(buffer[6, 0].grapheme == "a")
    }

    @Test func controlCharactersAndStrayMarksAreNotDrawn() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        #expect(buffer.put("a\tb\n", x: 0, y: 0) == 2)
        #expect(buffer.text(row: 0) == "ab    ")
    }

    @Test func outOfBoundsDrawsNothing() {
        var buffer = Buffer(size: Size(width: 4, height: 2))
        #expect(buffer.put("abc", x: 0, y: 2) == 0)
        #expect(buffer.put("abc", x: 4, y: 0) == 0)
        #expect(buffer.put("가bc", x: -1, y: 0) == 3)
        #expect(buffer.text(row: 0) == " bc ")
    }

    @Test func putWrappedBreaksBetweenWordsAndMarksCutText() {
        var buffer = Buffer(size: Size(width: 12, height: 4))
        let rows = buffer.putWrapped("기초연금은 만 65세 이상 어르신께", in: Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(rows == 2)
        #expect(buffer.text(row: 1) == " 기초연금은 ")
        #expect(buffer.text(row: 2) == " 만 65세 ⋯  ")
        #expect(buffer.text(row: 3).allSatisfy { $0 == " " })
        var roomy = Buffer(size: Size(width: 12, height: 4))
        #expect(roomy.putWrapped("만 65세", in: roomy.area) == 1)
    }

    @Test func fillAndStyle() {
        var buffer = Buffer(size: Size(width: 4, height: 3))
        let focus = Style(.focus, bold: true, reverse: true)
        buffer.fill(Rect(x: 1, y: 1, width: 10, height: 10), style: focus)
        #expect(buffer[0, 1].style == .plain)
        #expect(buffer[1, 1].style == focus)
        #expect(buffer[3, 2].style == focus)
        buffer.put("가", x: 0, y: 0)
        buffer.setStyle(Style(.muted), in: Rect(x: 0, y: 0, width: 2, height: 1))
        #expect(buffer[0, 0].grapheme == "가")
        #expect(buffer[1, 0].style.role == .muted)
    }

    @Test func resizedCutsWideCharacterAtTheNewEdge() {
        var buffer = Buffer(size: Size(width: 6, height: 2))
        buffer.put("ab가나", x: 0, y: 0)
        let smaller = buffer.resized(to: Size(width: 5, height: 1))
        #expect(smaller.text(row: 0) == "ab가 ")
        let larger = buffer.resized(to: Size(width: 8, height: 3))
        #expect(larger.text(row: 0) == "ab가나  ")
    }
}

@Suite struct PaletteAndGeometryTests {
    @Test func paletteNamesEveryMissingRole() throws {
        let color = RoleColors(
            foreground: TerminalColor(index256: 15, index8: 7), background: TerminalColor(index256: 0, index8: 0))
        let error = #expect(throws: PaletteError.self) {
            _ = try Palette([.text: color, .background: color])
        }
        #expect(error == .missingRoles([.muted, .accent, .focus, .warning, .ok, .bad]))
        #expect(error?.description.contains("muted, accent, focus, warning, ok, bad") == true)
        let full = try Palette(Dictionary(uniqueKeysWithValues: ColorRole.allCases.map { ($0, color) }))
        #expect(full[.focus] == color)
    }

    @Test func rectIntersectionAndInset() {
        let screen = Rect(Size(width: 80, height: 24))
        #expect(screen.intersection(Rect(x: 70, y: 20, width: 20, height: 10)) == Rect(x: 70, y: 20, width: 10, height: 4))
        #expect(screen.intersection(Rect(x: 90, y: 0, width: 5, height: 5)).isEmpty)
        #expect(screen.inset(horizontal: 2, vertical: 1) == Rect(x: 2, y: 1, width: 76, height: 22))
        #expect(Rect(x: 0, y: 0, width: 3, height: 3).inset(horizontal: 2).width == 0)
        #expect(screen.contains(x: 79, y: 23))
        #expect(!screen.contains(x: 80, y: 0))
    }
}
