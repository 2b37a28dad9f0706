import Terminal
import Testing

/// Draws a vertical menu with one item focused, like the language choice.
private func menu(focus: Int, size: Size = Size(width: 40, height: 8)) -> Buffer {
    var buffer = Buffer(size: size)
    let items = ["한국어", "English", "中文", "Tiếng Việt"]
    for (index, item) in items.enumerated() {
        let style = index == focus ? Style(.focus, bold: true, reverse: true) : Style(.text)
        buffer.fill(Rect(x: 2, y: 2 + index, width: 20, height: 1), style: style)
        buffer.put(item, x: 4, y: 2 + index, style: style)
    }
    return buffer
}

@Suite struct DiffTests {
    @Test func identicalFramesHaveNoChanges() {
        #expect(menu(focus: 0).changedRuns(since: menu(focus: 0)).isEmpty)
    }

    @Test func noPreviousFrameMeansEveryRow() {
        let runs = menu(focus: 0).changedRuns(since: nil)
        #expect(runs.count == 8)
        #expect(runs.allSatisfy { $0.x == 0 && $0.endX == 40 })
    }

    @Test func onlyTheChangedRowsAreRewritten() {
        let runs = menu(focus: 1).changedRuns(since: menu(focus: 0))
        #expect(runs.map(\.y) == [2, 3])
        #expect(runs.allSatisfy { $0.x == 2 && $0.endX == 22 })
    }

    @Test func changedContinuationPullsInItsCharacter() {
        var before = Buffer(size: Size(width: 6, height: 1))
        before.put("가나", x: 0, y: 0)
        var after = before
        after.setStyle(Style(.accent), in: Rect(x: 1, y: 0, width: 1, height: 1))
        #expect(after.changedRuns(since: before) == [ChangedRun(y: 0, x: 0, endX: 2)])
    }

    @Test func memoryTerminalWritesOnlyChangedCells() {
        let terminal = MemoryTerminal(size: Size(width: 40, height: 8))
        let first = terminal.present(menu(focus: 0))
        #expect(first.cellsWritten == 40 * 8 - 3 - 2)  // three Hangul and two Hanzi take two cells each
        let moved = terminal.present(menu(focus: 1))
        #expect(moved.cellsWritten == 17 + 20)  // two 20-column rows; 한국어 fills six columns with three
        #expect(moved.bytesWritten! < 200)
        #expect(moved.bytesWritten! == terminal.lastOutput.count)
        let same = terminal.present(menu(focus: 1))
        #expect(same.cellsWritten == 0)
        #expect(same.bytesWritten == 0)
        #expect(terminal.screen == menu(focus: 1))
    }

    @Test func bytesAreTheEscapeSequencesATerminalWouldGet() throws {
        let terminal = MemoryTerminal(size: Size(width: 10, height: 2))
        var buffer = Buffer(size: Size(width: 10, height: 2))
        terminal.present(buffer)
        buffer.put("가", x: 3, y: 1, style: Style(.accent, bold: true))
        terminal.present(buffer)
        let output = String(decoding: terminal.lastOutput, as: UTF8.self)
        #expect(output == "\u{1B}[2;4H\u{1B}[0;1;32m가")
    }

    @Test func resizeRedrawsEverything() {
        let terminal = MemoryTerminal(size: Size(width: 40, height: 8))
        terminal.present(menu(focus: 0))
        terminal.resize(to: Size(width: 30, height: 6))
        #expect(terminal.nextEvent(timeout: .zero) == .resize(Size(width: 30, height: 6)))
        let stats = terminal.present(menu(focus: 0, size: Size(width: 30, height: 6)))
        #expect(stats.cellsWritten > 30 * 6 - 10)
        #expect(terminal.screen.size == Size(width: 30, height: 6))
    }
}
