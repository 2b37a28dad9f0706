import TextLayout

/// A screenful of cells that views draw into each frame; a backend then writes only the
/// cells that differ from the previous frame.
///
/// Drawing keeps two promises the terminal depends on: a wide character always has its
/// continuation cells beside it (overwriting either half blanks the other half), and no wide
/// character starts in a column where it would not fit — that column gets a space instead.
public struct Buffer: Hashable, Sendable, CustomStringConvertible {
    public let size: Size
    public internal(set) var cells: [Cell]

    public init(size: Size, style: Style = .plain) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: .blank(style), count: self.size.width * self.size.height)
    }

    public var area: Rect { Rect(size) }

    /// Short on purpose: test failures print it, and twelve thousand cells help nobody.
    public var description: String {
        "Buffer(\(size)): " + (0..<min(size.height, 3)).map { text(row: $0) }.joined(separator: " / ")
    }

    public subscript(x: Int, y: Int) -> Cell {
        precondition(x >= 0 && x < size.width && y >= 0 && y < size.height, "cell (\(x), \(y)) outside \(size)")
        return cells[y * size.width + x]
    }

    // MARK: - Drawing

    /// Draws `text` on row `y` from column `x`, one grapheme cluster per cell (continuations
    /// for wide ones), and returns the columns written.
    ///
    /// Stops at `maxWidth` columns or the right edge, whichever comes first; a wide character
    /// that would cross that limit is replaced by a space. Control characters (newline, tab)
    /// are not drawn: lay text out with `wrap` first. A zero-width cluster on its own (a stray
    /// combining mark) is skipped.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(size.width, maxWidth.map { x + max(0, $0) } ?? size.width)
        var column = x
        for character in text {
            if column >= limit { break }
            let width = displayWidth(of: character)
            if width == 0 { continue }
            if column + width > limit {
                // Would not fit: pad the remaining columns so no half character is left.
                while column < limit {
                    if column >= 0 { setCell(.blank(style), x: column, y: y) }
                    column += 1
                }
                break
            }
            if column >= 0 {
                repairWideNeighbours(row: y, from: column, to: column + width)
                let start = y * size.width + column
                cells[start] = Cell(character, width: UInt8(clamping: width), style: style)
                for offset in 1..<width {
                    cells[start + offset] = .continuation(style)
                }
            } else {
                // Starts left of the screen: draw only the visible columns, as spaces.
                for offset in 0..<width where column + offset >= 0 {
                    setCell(.blank(style), x: column + offset, y: y)
                }
            }
            column += width
        }
        return max(0, column - max(x, 0))
    }

    /// Draws `text` wrapped to the width of `rect` (Korean breaks between words, see
    /// `TextLayout.wrap`), one line per row from the top, and returns the rows used.
    /// Lines beyond the bottom of `rect` are not drawn; the last visible one then ends in an
    /// ellipsis so the citizen can tell text is missing.
    @discardableResult
    public mutating func putWrapped(_ text: String, in rect: Rect, style: Style = .plain) -> Int {
        guard !rect.isEmpty else { return 0 }
        let lines = wrap(text, width: rect.width)
        for (index, line) in lines.prefix(rect.height).enumerated() {
            let isCutShort = index == rect.height - 1 && lines.count > rect.height
            let shown = isCutShort ? truncate(line + " " + lines[rect.height], width: rect.width) : line
            put(shown, x: rect.x, y: rect.y + index, style: style, maxWidth: rect.width)
        }
        return min(lines.count, rect.height)
    }

    /// Paints every cell of `rect` (clipped to the buffer) with `grapheme` in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, with grapheme: Character = " ") {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        let width = displayWidth(of: grapheme)
        if width == 1 {
            let cell = Cell(grapheme, width: 1, style: style)
            for row in area.y..<area.maxY {
                repairWideNeighbours(row: row, from: area.x, to: area.maxX)
                let start = row * size.width
                for column in area.x..<area.maxX {
                    cells[start + column] = cell
                }
            }
        } else {
            let text = String(repeating: String(grapheme), count: max(1, area.width / max(1, width)))
            for row in area.y..<area.maxY {
                fill(Rect(x: area.x, y: row, width: area.width, height: 1), style: style)
                put(text, x: area.x, y: row, style: style, maxWidth: area.width)
            }
        }
    }

    /// Blanks the whole buffer.
    public mutating func clear(_ style: Style = .plain) {
        for index in cells.indices {
            cells[index] = .blank(style)
        }
    }

    /// Changes the style of the cells in `rect` and keeps their text, e.g. to highlight focus.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                cells[row * size.width + column].style = style
            }
        }
    }

    // MARK: - Reading

    /// Row `y` as text: each grapheme once, continuation cells skipped, so a monospace view
    /// of the string lines up with the screen.
    public func text(row y: Int) -> String {
        var line = ""
        let start = y * size.width
        for cell in cells[start..<start + size.width] where !cell.isContinuation {
            line.append(cell.grapheme)
        }
        return line
    }

    // MARK: - Keeping wide characters whole

    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        repairWideNeighbours(row: y, from: x, to: x + 1)
        cells[y * size.width + x] = cell
    }

    /// Before columns `from..<to` of `row` are overwritten, blanks the other half of any wide
    /// character that straddles either edge of that span.
    private mutating func repairWideNeighbours(row: Int, from: Int, to: Int) {
        let start = row * size.width
        // A continuation at `from` belongs to a character that starts further left.
        if from < size.width, cells[start + from].isContinuation {
            var owner = from - 1
            while owner >= 0, cells[start + owner].isContinuation { owner -= 1 }
            if owner >= 0 {
                let style = cells[start + owner].style
                for column in owner..<from { cells[start + column] = .blank(style) }
            }
        }
        // Continuations right of the span lose the character that owned them.
        var column = to
        if column > from, column < size.width, cells[start + column].isContinuation {
            while column < size.width, cells[start + column].isContinuation {
                cells[start + column] = .blank(cells[start + column].style)
                column += 1
            }
        }
    }
}
