import HangulInput
import Settings
import Terminal
import TextLayout

/// The question keyboard: the question as typed, a notice line, the jamo keyboard and the key
/// hints, laid out for one screen size.
///
/// Drawn directly rather than as a `Page`: the keyboard must stay whole and still on every
/// size down to 40x12, so it never scrolls. At 80x24 keys are three rows tall (touch
/// targets); below that they are one row, and at 40 columns each jamo key is three columns
/// wide with the focus shown by a marker inside the key, so the four jamo rows, the function
/// row, the field and the hints all fit in twelve rows.
struct AskScreen {
    let size: Size
    let title: Paragraph
    let titleY: Int
    let x: Int
    let width: Int
    let fieldY: Int
    let noticeY: Int
    let noticeLines: Int
    let footer: Paragraph
    /// Every key's rectangle, row by row as `JamoKeyboard.rows`.
    let frames: [[Rect]]
    let labels: [[String]]

    init(_ context: PageContext, size: Size, mode: HangulComposer.Mode) {
        self.size = size
        let regular = ScreenGeometry.layout(for: size) == .regular
        let margin = regular ? 4 : 1
        width = min(size.width - 2 * margin, 96)
        x = (size.width - width) / 2
        titleY = regular ? 1 : 0
        title = Paragraph(context.text("ask.title"), width: width, style: Style(.accent, bold: true), maxLines: regular ? 2 : 1)
        fieldY = titleY + title.height + (regular ? 1 : 0)
        noticeY = fieldY + 1
        let hints = regular
            ? [context.text("ask.keys_type"), context.text("keys.select"), context.text("ask.keys_rows"),
               context.text("ask.keys_toggle"), context.text("nav.keypad_back"), context.text("keys.help")]
            : [context.text("keys.select"), context.text("ask.keys_rows"), context.text("nav.keypad_back")]
        footer = Paragraph.keyHints(hints, width: size.width - 2)

        // Two rows under the field: a blank and the notice at 80x24, or a notice wrapped to two
        // lines where the width is 40.
        noticeLines = regular ? 1 : 2
        let keysTop = noticeY + 2
        let room = size.height - footer.height - (regular ? 1 : 0) - keysTop
        let rowCount = JamoKeyboard.rows.count
        let keyHeight = regular && room >= 3 * rowCount ? 3 : 1
        // Letter keys: six columns with a gap where there is room, three without one at 40.
        let widest = JamoKeyboard.rows.map(\.count).max() ?? 1
        var gap = 1
        var keyWidth = min(6, (width + gap) / widest - gap)
        if keyWidth < 3 {
            gap = 0
            keyWidth = max(3, min(6, width / widest))
        }
        let gridWidth = widest * keyWidth + (widest - 1) * gap
        let (originX, textWidth) = (x, width)
        var rects: [[Rect]] = []
        var labels: [[String]] = []
        for (r, row) in JamoKeyboard.rows.enumerated() {
            let y = keysTop + r * keyHeight
            if r == rowCount - 1 {
                // The function row spans the text width: its words need more room than a jamo.
                let functionGap = max(gap, 1)
                let keyWidth = (textWidth - (row.count - 1) * functionGap) / row.count
                rects.append(row.indices.map { Rect(x: originX + $0 * (keyWidth + functionGap), y: y, width: keyWidth, height: keyHeight) })
            } else {
                let rowWidth = row.count * keyWidth + (row.count - 1) * gap
                let left = originX + (textWidth - gridWidth) / 2 + (gridWidth - rowWidth) / 2
                rects.append(row.indices.map { Rect(x: left + $0 * (keyWidth + gap), y: y, width: keyWidth, height: keyHeight) })
            }
            labels.append(row.map { key in
                switch key {
                case .letter(let k): mode == .hangul ? String(k.jamo) : String(k.ascii)
                case .toggleMode: context.text(mode == .hangul ? "ask.key_to_latin" : "ask.key_to_hangul")
                case .space: context.text("ask.key_space")
                case .erase: context.text("ask.key_erase")
                case .submit: context.text("ask.key_submit")
                }
            })
        }
        frames = rects
        self.labels = labels
    }

    /// The key under a tap.
    func key(atX column: Int, y row: Int) -> KeyboardPosition? {
        for (r, frames) in frames.enumerated() {
            if let c = frames.firstIndex(where: { $0.contains(x: column, y: row) }) { return KeyboardPosition(row: r, column: c) }
        }
        return nil
    }

    // MARK: - Drawing

    /// Draws the screen: `text` and `preedit` in the field (the syllable being composed
    /// underlined), the notice or a hint beneath, and the keys with `focus` marked.
    func draw(in buffer: inout Buffer, text: String, preedit: String, notice: String?, hint: String, focus: KeyboardPosition) {
        title.draw(in: &buffer, x: x, y: titleY, width: width)
        drawField(in: &buffer, text: text, preedit: preedit)
        let line = notice.map { Paragraph("\(UIChrome.cross) \($0)", width: width, style: Style(.warning, bold: true), maxLines: noticeLines) }
            ?? Paragraph(hint, width: width, style: Style(.muted), maxLines: noticeLines)
        line.draw(in: &buffer, x: x, y: noticeY, width: width)
        let block = Style(.muted, reverse: true)
        for (r, row) in frames.enumerated() {
            for (c, frame) in row.enumerated() {
                let focused = focus == KeyboardPosition(row: r, column: c)
                let style = focused ? Style(.focus, bold: true) : block
                buffer.fill(frame, style: block)
                let labelRow = frame.y + frame.height / 2
                buffer.fill(Rect(x: frame.x, y: labelRow, width: frame.width, height: 1), style: style)
                // The marker keeps focus visible without colour; a three-column key has room
                // for it only in place of its leading space.
                let marker = focused ? String(UIChrome.focusMarker) : " "
                let label = truncate(labels[r][c], width: max(1, frame.width - 1))
                let free = frame.width - 1 - displayWidth(of: label)
                let left = frame.x + max(0, free / 2)
                buffer.put(marker + label, x: left, y: labelRow, style: style, maxWidth: frame.maxX - left)
            }
        }
        footer.draw(in: &buffer, x: 1, y: size.height - footer.height, width: size.width - 2)
    }

    /// The field shows the end of a long question, so the newest character is always in view.
    private func drawField(in buffer: inout Buffer, text: String, preedit: String) {
        let cursor = preedit.isEmpty ? "_" : ""
        let room = width - 2
        var shown = text
        var cut = false
        while displayWidth(of: shown + preedit + cursor) > room - (cut ? 2 : 0), !shown.isEmpty {
            shown.removeFirst()
            cut = true
        }
        var column = x
        buffer.put("> ", x: column, y: fieldY, style: Style(.muted))
        column += 2
        if cut {
            column += buffer.put("\(UIChrome.ellipsis) ", x: column, y: fieldY, style: Style(.muted))
        }
        column += buffer.put(shown, x: column, y: fieldY, style: Style(.text, bold: true))
        column += buffer.put(preedit, x: column, y: fieldY, style: Style(.focus, bold: true, underline: true))
        buffer.put(cursor, x: column, y: fieldY, style: Style(.muted))
    }
}
