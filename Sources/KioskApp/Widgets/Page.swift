import Terminal
import TextLayout

/// One thing a citizen can press: a label and what pressing it does.
struct Choice: Equatable {
    let label: String
    let action: Action
}

/// A block of a page, in reading order.
enum PageItem: Equatable {
    case heading(String)
    case text(String, Style = .plain)
    /// Buttons laid out together (one row when they fit, else a column).
    case choices([Choice])
    /// What the citizen is typing, with its echo in words and any validation message.
    case field(input: String, echo: String, error: String?)
    case qr(QRCodeBlock)
    case chart(BarChart)
}

extension PageItem {
    /// Whether the citizen presses or types on it.
    var isInteractive: Bool {
        switch self {
        case .choices, .field: true
        case .heading, .text, .qr, .chart: false
        }
    }
}

/// A screen described as values: a title, blocks in reading order, the key hints at its foot.
///
/// Every journey screen is one of these, so layout, scrolling, focus, digit shortcuts and
/// hit-testing are written once and behave the same everywhere.
struct Page: Equatable {
    var title: String
    var items: [PageItem]
    var hints: [String]
    /// Digits type into a field on this page instead of choosing a button.
    var typesDigits = false
    /// Only the first nine choices carry a number: on a keyboard of letters, numbers past nine
    /// would crowd the keys, and arrows reach them. Elsewhere "0" then the number reaches 10 on.
    var numbersOnlyNine = false
    /// Choices and fields start in the lower half of the screen, within reach from a
    /// wheelchair (accessibility mode's low-position layout).
    var lowPosition = false
    /// The title drawn in big glyphs where it fits (accessibility mode on a terminal that
    /// cannot enlarge its font); `title` stays the page's words for the voice and the fallback.
    var bigTitle: BigText? = nil

    /// Whether "0" then a number presses a choice numbered 10 or more here.
    var choosesFromTen: Bool { choices.count > 9 && !typesDigits && !numbersOnlyNine }

    /// Whether the choice numbered `number` (from 1) shows and says its number: not where
    /// digits type, and past nine only where "0" reaches it.
    func numbers(_ number: Int) -> Bool { !typesDigits && (number <= 9 || !numbersOnlyNine) }

    /// Every choice in reading order; focus and digit shortcuts index into this.
    var choices: [Choice] {
        items.flatMap { item -> [Choice] in
            if case .choices(let choices) = item { choices } else { [] }
        }
    }
}

/// A page placed on a screen of one size, at one scroll position.
///
/// Content lives in a tall virtual column; `scroll` rows of it are above the viewport. The
/// title and the key hints stay put, so the citizen always sees what the screen is for.
struct PageLayout {
    struct Placed {
        var paragraph: Paragraph
        var y: Int
    }

    let size: Size
    let regular: Bool
    let x: Int
    let width: Int
    let title: Paragraph
    let footer: Paragraph
    /// Screen rows the content may use.
    let viewport: Range<Int>
    var paragraphs: [Placed] = []
    var fields: [(lines: [Paragraph], y: Int)] = []
    var qrs: [(block: QRCodeBlock, y: Int)] = []
    var charts: [(chart: BarChart, y: Int)] = []
    /// Buttons in content coordinates, with their labels numbered for the keypad.
    var groups: [ButtonGroup] = []
    var contentHeight = 0
    let scroll: Int

    init(_ page: Page, size: Size, scroll requested: Int, revealing focus: Int? = nil) {
        self.size = size
        regular = ScreenGeometry.layout(for: size) == .regular
        let margin = regular ? 4 : 1
        width = min(size.width - 2 * margin, 96)
        x = (size.width - width) / 2
        footer = Paragraph.keyHints(page.hints, width: size.width - 2)
        if let rows = Self.bigTitleRows(page.bigTitle, width: width, size: size, footerHeight: footer.height) {
            title = Paragraph(lines: rows, style: Style(.accent, bold: true))
        } else {
            title = Paragraph(page.title, width: width, style: Style(.accent, bold: true), maxLines: 4)
        }
        let top = title.height + (regular ? 2 : 1)
        // One row under the viewport for the "more below" marker.
        viewport = top..<max(top + 1, size.height - footer.height - 1)

        let spacing = regular ? 1 : 0
        var y = 0
        var number = 0
        var lowered = !page.lowPosition
        for item in page.items {
            if !lowered, item.isInteractive {
                // Everything from the first thing to press or type on starts at mid-screen.
                lowered = true
                y = max(y, size.height / 2 - viewport.lowerBound)
            }
            switch item {
            case .heading(let text):
                let paragraph = Paragraph(text, width: width, style: Style(.accent, bold: true))
                paragraphs.append(Placed(paragraph: paragraph, y: y))
                y += paragraph.height
            case .text(let text, let style):
                let paragraph = Paragraph(text, width: width, style: style)
                paragraphs.append(Placed(paragraph: paragraph, y: y))
                y += paragraph.height
            case .choices(let choices):
                let labels = choices.map { choice -> String in
                    number += 1
                    // Digits name the choices for keypad use, unless digits type: 1–9 at one key,
                    // the rest as "0" then the number.
                    return page.numbers(number) ? "\(number) \(choice.label)" : choice.label
                }
                let group = ButtonGroup(labels: labels, in: Rect(x: x, y: y, width: width, height: 0),
                                        buttonHeight: regular ? 3 : 1)
                groups.append(group)
                y += group.height
            case .field(let input, let echo, let error):
                var lines = [Paragraph(lines: ["[ \(input.isEmpty ? " " : input) ]  \(echo)"], style: Style(.focus, bold: true))]
                if let error {
                    lines.append(Paragraph("\(UIChrome.cross) \(error)", width: width, style: Style(.warning, bold: true)))
                }
                fields.append((lines, y))
                y += lines.reduce(0) { $0 + $1.height }
            case .qr(let block):
                qrs.append((block, y))
                y += block.size.height
            case .chart(let chart):
                charts.append((chart, y))
                y += chart.height
            }
            y += spacing
        }
        contentHeight = max(0, y - spacing)

        // Scroll as asked, then just enough to show the focused button whole.
        let rows = viewport.count
        var offset = min(max(0, requested), max(0, contentHeight - rows))
        if let focus, let frame = Self.frame(of: focus, in: groups) {
            if frame.y < offset { offset = frame.y }
            if frame.maxY > offset + rows { offset = frame.maxY - rows }
        }
        scroll = max(0, offset)
    }

    /// Where a scroll of `step` rows from here stops: short of a QR code that would otherwise be
    /// cut in two, so that it is seen whole once (half a code does not scan). It never goes
    /// further than asked, so no row is skipped unseen.
    func settledScroll(movingBy step: Int) -> Int {
        let rows = viewport.count
        var target = min(max(0, scroll + step), max(0, contentHeight - rows))
        for qr in qrs where qr.block.size.height <= rows {
            let top = qr.y, bottom = qr.y + qr.block.size.height
            if step > 0, top < target, top > scroll, bottom > scroll + rows { target = top }
            if step < 0, bottom > target + rows, bottom < scroll + rows, top < scroll { target = bottom - rows }
        }
        return target
    }

    /// Whether some content lies below or above the viewport.
    var canScrollDown: Bool { scroll + viewport.count < contentHeight }
    var canScrollUp: Bool { scroll > 0 }

    private static func frame(of index: Int, in groups: [ButtonGroup]) -> Rect? {
        var remaining = index
        for group in groups {
            if remaining < group.buttons.count { return group.buttons[remaining].frame }
            remaining -= group.buttons.count
        }
        return nil
    }

    /// The choice under a tap, only where its button is visible.
    func choice(atX column: Int, y row: Int) -> Int? {
        guard viewport.contains(row) else { return nil }
        var index = 0
        for group in groups {
            if let hit = group.button(atX: column, y: row - viewport.lowerBound + scroll) { return index + hit }
            index += group.buttons.count
        }
        return nil
    }

    /// Focus after an arrow key: within a row first, then to the next or previous group.
    func focus(from index: Int, moving key: Key) -> Int? {
        let count = groups.reduce(0) { $0 + $1.buttons.count }
        guard count > 0 else { return nil }
        let current = min(max(0, index), count - 1)
        var start = 0
        for group in groups {
            let range = start..<start + group.buttons.count
            if range.contains(current) {
                let local = current - start
                let columns = group.buttons.filter { $0.frame.y == group.buttons[0].frame.y }.count
                switch key {
                case .right, .tab: return (current + 1) % count
                case .left, .backTab: return (current + count - 1) % count
                case .down:
                    return local + columns < group.buttons.count ? current + columns : range.upperBound % count
                case .up:
                    return local - columns >= 0 ? current - columns : (start + count - 1) % count
                default: return nil
                }
            }
            start = range.upperBound
        }
        return nil
    }

    /// The first choice whose button is wholly visible, for focus after scrolling.
    func firstVisibleChoice() -> Int? {
        var index = 0
        for group in groups {
            for button in group.buttons {
                if button.frame.y >= scroll, button.frame.maxY <= scroll + viewport.count { return index }
                index += 1
            }
        }
        return nil
    }

    /// Where a choice's button is on screen at this scroll position (it may be off screen).
    func screenFrame(of index: Int) -> Rect? {
        Self.frame(of: index, in: groups).map {
            Rect(x: $0.x, y: $0.y - scroll + viewport.lowerBound, width: $0.width, height: $0.height)
        }
    }

    func isVisible(choice index: Int) -> Bool {
        guard let frame = Self.frame(of: index, in: groups) else { return false }
        return frame.y >= scroll && frame.maxY <= scroll + viewport.count
    }

    // MARK: - Drawing

    func draw(in buffer: inout Buffer, focus: Int?, moreUp: String, moreDown: String) {
        let shift = viewport.lowerBound - scroll
        for placed in paragraphs {
            placed.paragraph.draw(in: &buffer, x: x, y: placed.y + shift, width: width)
        }
        for field in fields {
            var y = field.y + shift
            for line in field.lines {
                line.draw(in: &buffer, x: x, y: y, width: width)
                y += line.height
            }
        }
        for qr in qrs {
            qr.block.draw(in: &buffer, x: x + max(0, (width - qr.block.size.width) / 2), y: qr.y + shift)
        }
        for chart in charts {
            chart.chart.draw(in: &buffer, x: x, y: chart.y + shift, width: width)
        }
        var index = 0
        for group in groups {
            let moved = ButtonGroup(shifted: group, by: shift)
            let local = focus.map { $0 - index }
            moved.draw(in: &buffer, focus: local.flatMap { (0..<group.buttons.count).contains($0) ? $0 : nil })
            index += group.buttons.count
        }
        // Content drawn past the viewport is covered by the fixed parts, which are drawn last.
        let background = Style(.text)
        buffer.fill(Rect(x: 0, y: 0, width: size.width, height: viewport.lowerBound), style: background)
        buffer.fill(Rect(x: 0, y: viewport.upperBound, width: size.width, height: size.height - viewport.upperBound), style: background)
        title.draw(in: &buffer, x: x, y: regular ? 1 : 0, width: width)
        if canScrollUp {
            buffer.put(moreUp, x: x, y: viewport.lowerBound - 1, style: Style(.muted), maxWidth: width)
        }
        if canScrollDown {
            let text = moreDown
            buffer.put(text, x: x + max(0, width - displayWidth(of: text)), y: viewport.upperBound, style: Style(.muted), maxWidth: width)
        }
        footer.draw(in: &buffer, x: 1, y: size.height - footer.height, width: size.width - 2)
    }
}

extension ButtonGroup {
    /// The same buttons moved `rows` down (up when negative), for drawing at a scroll position.
    init(shifted group: ButtonGroup, by rows: Int) {
        self.init(buttons: group.buttons.map {
            Button(label: $0.label, frame: Rect(x: $0.frame.x, y: $0.frame.y + rows, width: $0.frame.width, height: $0.frame.height))
        })
    }
}
