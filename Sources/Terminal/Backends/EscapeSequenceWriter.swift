/// Turns changed cells into the bytes a VT100/xterm-compatible terminal would receive, the
/// way ncurses does: move the cursor only where it is not already, change colours only when
/// they differ, send each grapheme as UTF-8.
///
/// `MemoryTerminal` uses it so tests and benchmarks can count what a keypress costs on the
/// wire without a real terminal.
struct EscapeSequenceWriter {
    /// The role's colour indexes; without a palette, roles take the eight basic colours in
    /// declaration order, which is all a byte count needs.
    let palette: Palette?
    private var cursor: (x: Int, y: Int)?
    private var currentStyle: Style?
    private(set) var bytes: [UInt8] = []

    init(palette: Palette?) {
        self.palette = palette
    }

    /// Forgets the cursor and style, as after the terminal was cleared.
    mutating func clearScreen() {
        append("\u{1B}[H\u{1B}[2J")
        cursor = (0, 0)
        currentStyle = nil
    }

    mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// Writes the cells of `run` and returns how many graphemes it sent.
    mutating func write(_ run: ChangedRun, of buffer: Buffer) -> Int {
        move(toX: run.x, y: run.y)
        var written = 0
        var x = run.x
        while x < run.endX {
            let cell = buffer[x, run.y]
            if cell.isContinuation {
                x += 1
                continue
            }
            if cell.style != currentStyle { select(cell.style) }
            bytes.append(contentsOf: cell.grapheme.utf8)
            written += 1
            x += Int(cell.width)
            // After the last column the cursor waits to wrap; its position is then unknown.
            cursor = x >= buffer.size.width ? nil : (x, run.y)
        }
        return written
    }

    private mutating func move(toX x: Int, y: Int) {
        if let cursor, cursor.x == x, cursor.y == y { return }
        if let cursor, cursor.y == y, x > cursor.x {
            append("\u{1B}[\(x - cursor.x)C")
        } else {
            append("\u{1B}[\(y + 1);\(x + 1)H")
        }
        cursor = (x, y)
    }

    private mutating func select(_ style: Style) {
        var parameters = "0"
        if style.bold { parameters += ";1" }
        if style.underline { parameters += ";4" }
        if style.reverse { parameters += ";7" }
        if let palette {
            let colors = palette[style.role]
            parameters += ";38;5;\(colors.foreground.index256);48;5;\(colors.background.index256)"
        } else {
            let index = ColorRole.allCases.firstIndex(of: style.role)! % 8
            parameters += ";3\(index)"
        }
        append("\u{1B}[\(parameters)m")
        currentStyle = style
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
