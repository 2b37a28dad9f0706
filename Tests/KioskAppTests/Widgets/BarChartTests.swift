import Foundation
@testable import KioskApp
import Terminal
import Testing
import TextLayout

@Suite("Bar chart drawn with reverse-video cells")
struct BarChartTests {
    static let chart = BarChart(rows: [
        .init(label: "65-74", value: 40, figure: "40"),
        .init(label: "75+", value: 10, figure: "10"),
        .init(label: "0-5", value: 0, figure: "0"),
        .init(label: "6-18", value: nil, figure: "withheld (<5)"),
        .init(label: "19-34", value: 1, figure: "1"),
    ])

    /// Columns of row `y` drawn as a bar.
    func barCells(_ buffer: Buffer, row y: Int) -> Int {
        (0..<buffer.size.width).filter { buffer[$0, y].style == Style(.accent, reverse: true) }.count
    }

    @Test("bars scale to the largest figure; zero and withheld get none; one session still gets a cell")
    func lengths() {
        var buffer = Buffer(size: Size(width: 40, height: 5))
        Self.chart.draw(in: &buffer, x: 0, y: 0, width: 40)
        // 40 columns minus the label (5), the widest figure (13) and two gaps.
        let full = 40 - 5 - 13 - 2
        #expect(barCells(buffer, row: 0) == full)
        #expect(barCells(buffer, row: 1) == Int((Double(full) / 4).rounded()))
        #expect(barCells(buffer, row: 2) == 0)
        #expect(barCells(buffer, row: 3) == 0)
        #expect(barCells(buffer, row: 4) == 1)
        #expect(buffer.text(row: 3).hasSuffix("withheld (<5)"))
        #expect(buffer[39 - 12, 3].style == Style(.muted), "a withheld figure reads as muted text")
    }

    @Test("rows above or below the buffer are skipped, as when the page is scrolled")
    func clipping() {
        var buffer = Buffer(size: Size(width: 30, height: 2))
        Self.chart.draw(in: &buffer, x: 0, y: -2, width: 30)
        #expect(buffer.text(row: 0).hasPrefix("0-5"))
        #expect(buffer.text(row: 1).hasPrefix("6-18"))
    }

    @Test("the bar cell is a space: every block element is East Asian Ambiguous")
    func blocksAreAmbiguous() {
        for block in ["█", "▇", "▆", "▌", "▏"] {
            #expect(!UIChrome.isSafe(block), "\(block)")
        }
        #expect(UIChrome.isSafe(" "))
    }
}
