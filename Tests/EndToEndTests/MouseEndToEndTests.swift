import Foundation
import Testing

/// A session by mouse clicks in the real binary: tmux cannot click, so the clicks are the
/// xterm mouse reports a touch screen sends (`ESC [ M` button column row), typed into the pane.
@Suite("Journey by mouse, end to end in tmux", .serialized)
struct MouseEndToEndTests {
    @Test("clicks alone carry a session from the attract screen to a programme's detail page")
    func wholeSessionByClicks() throws {
        let kiosk = try TmuxKiosk(width: 120, height: 40)
        let text = { (section: String, key: String) in localeString(language: "en", section: section, key: key) }
        try kiosk.waitForScreen("the attract screen") { $0.contains(localeString(language: "ko", section: "attract", key: "title")) }
        try kiosk.click(column: 10, row: 10)
        try kiosk.waitForScreen("the language choice") { $0.contains("English") }
        try kiosk.click(on: "English")
        try kiosk.waitForScreen("the English privacy notice") { $0.contains(text("privacy", "title")) }
        try kiosk.click(on: text("privacy", "accept"))
        let review = text("review", "title")
        var clicks = 0
        while clicks < 40 {
            let screen = try kiosk.waitForScreen("a question in English or the review") {
                $0.contains(review) || $0.contains(text("question", "unknown"))
            }
            if screen.contains(review) { break }
            // "No" where the question is yes or no, else "I don't know".
            let label = screen.contains("  \(text("question", "no"))  ") ? text("question", "no") : text("question", "unknown")
            try kiosk.click(on: label)
            try kiosk.waitForScreen("the next page") { $0 != screen }
            clicks += 1
        }
        #expect(clicks > 0)
        var screen = try kiosk.waitForScreen("the review") { $0.contains(review) }
        for _ in 0..<10 where !screen.contains(text("review", "show")) {
            // The marker sits at the right edge, past what an X10 report can name; its whole row
            // is the target.
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            try kiosk.click(column: 10, row: try #require(rows.firstIndex { $0.contains(text("nav", "more_down")) }))
            screen = try kiosk.waitForScreen("the review scrolled") { $0 != screen }
        }
        try kiosk.click(on: text("review", "show"))
        screen = try kiosk.waitForScreen("the results") { $0.contains(text("results", "title")) }
        let heading = text("results", "eligible")
        // The first programme button is the row below the first status heading.
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headingRow = try #require(rows.firstIndex { $0.contains(heading) || $0.contains(text("results", "undetermined")) })
        let buttonRow = try #require(rows[(headingRow + 1)...].firstIndex { $0.contains("▸ 1 ") })
        try kiosk.click(column: TmuxKiosk.column(of: "▸ 1 ", in: rows[buttonRow])! + 4, row: buttonRow)
        try kiosk.waitForScreen("a detail page") { $0.contains(text("detail", "reasons")) || $0.contains(text("detail", "apply")) }
    }
}

extension TmuxKiosk {
    /// A left-button press and release at a cell, as xterm reports them (X10 encoding, which
    /// ncurses reads for TERM=tmux-256color): each value is offset by 32, cells from 1.
    func click(column: Int, row: Int) throws {
        // One byte per coordinate: columns and rows past 94 cannot be reported this way.
        guard column <= 94, row <= 94 else { throw TmuxError("cell \(column),\(row) is beyond an X10 mouse report") }
        let x = Character(UnicodeScalar(UInt8(33 + column)))
        let y = Character(UnicodeScalar(UInt8(33 + row)))
        try send("-l", "\u{1b}[M \(x)\(y)")
        try send("-l", "\u{1b}[M#\(x)\(y)")
    }

    /// Clicks the first place `text` shows on screen.
    func click(on text: String) throws {
        let rows = try settledScreen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let row = rows.firstIndex(where: { $0.contains(text) }), let column = Self.column(of: text, in: rows[row]) else {
            throw TmuxError("'\(text)' is not on screen")
        }
        try click(column: column + 1, row: row)
    }

    /// The screen column where `text` starts in `line`: Hangul and other wide characters take two.
    static func column(of text: String, in line: String) -> Int? {
        guard let range = line.range(of: text) else { return nil }
        return line[..<range.lowerBound].unicodeScalars.reduce(0) { width, scalar in
            let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value)
            return width + (wide ? 2 : 1)
        }
    }
}
