import Terminal
import TextLayout

/// A row (or grid) of buttons the citizen can move between, press with Enter, or tap.
///
/// Layout is a pure function of the labels and the room, so the same rectangles serve for
/// drawing and for deciding which button a tap landed on.
struct ButtonGroup: Equatable {
    struct Button: Equatable {
        let label: String
        let frame: Rect
    }

    let buttons: [Button]

    init(buttons: [Button]) {
        self.buttons = buttons
    }

    /// Lays `labels` out in `area`: all in one row when each gets at least `minimumWidth`
    /// columns, else the most columns that give each that much (a digit pad keeps its rows). `buttonHeight` rows each (3 makes a touch target).
    init(labels: [String], in area: Rect, buttonHeight: Int, gap: Int = 2) {
        let widest = labels.map { displayWidth(of: $0) }.max() ?? 0
        let minimumWidth = widest + 4
        let count = max(1, labels.count)
        var columns = count
        while columns > 1, (area.width - (columns - 1) * gap) / columns < minimumWidth {
            columns -= 1
        }
        let width = max(1, (area.width - (columns - 1) * gap) / columns)
        let rowGap = buttonHeight > 1 ? 1 : 0
        var y = area.y
        var placed: [Button] = []
        for (index, label) in labels.enumerated() {
            let column = index % columns
            if column == 0, index > 0 { y = placed[index - 1].frame.maxY + rowGap }
            // A label too long for one row (large text, 40 columns) wraps onto more rows of a
            // taller button rather than losing its end: only a single column can be that narrow.
            let height = columns == 1 ? max(buttonHeight, Self.labelLines(label, width: width).count) : buttonHeight
            placed.append(Button(label: label, frame: Rect(x: area.x + column * (width + gap), y: y, width: width, height: height)))
        }
        buttons = placed
    }

    /// The rows a label takes in a button `width` wide: one when it fits beside the focus
    /// marker, else wrapped by word.
    static func labelLines(_ label: String, width: Int) -> [String] {
        let room = max(1, width - 4)
        return displayWidth(of: label) <= room ? [label] : wrap(label, width: room)
    }

    /// Rows the group occupies.
    var height: Int {
        guard let first = buttons.first, let last = buttons.last else { return 0 }
        return last.frame.maxY - first.frame.y
    }

    /// The button under a tap, if any.
    func button(atX x: Int, y: Int) -> Int? {
        buttons.firstIndex { $0.frame.contains(x: x, y: y) }
    }

    /// Focus moved by an arrow key, wrapping at the ends so no key leads nowhere.
    func focus(from index: Int, moving key: Key) -> Int? {
        guard !buttons.isEmpty else { return nil }
        let columns = buttons.filter { $0.frame.y == buttons[0].frame.y }.count
        let count = buttons.count
        switch key {
        case .right, .tab: return (index + 1) % count
        case .left, .backTab: return (index + count - 1) % count
        case .down: return (index + columns) % count
        case .up: return (index - columns + count * columns) % count
        default: return nil
        }
    }

    /// Draws every button as a filled block; the focused one has its label row in the focus
    /// colours with a marker beside the label, so focus never depends on colour alone.
    ///
    /// Only the label row differs between focused and not, so a focus move rewrites two rows
    /// of two buttons rather than their whole blocks.
    func draw(in buffer: inout Buffer, focus: Int?) {
        let block = Style(.muted, reverse: true)
        for (index, button) in buttons.enumerated() {
            let focused = index == focus
            let lines = Self.labelLines(button.label, width: button.frame.width)
            let firstRow = button.frame.y + (button.frame.height - lines.count) / 2
            let style = focused ? Style(.focus, bold: true) : block
            buffer.fill(button.frame, style: block)
            buffer.fill(Rect(x: button.frame.x, y: firstRow, width: button.frame.width, height: lines.count), style: style)
            for (offset, line) in lines.enumerated() {
                let marker = offset > 0 ? "  " : (focused ? "\(UIChrome.focusMarker) " : "  ")
                let text = truncate(marker + line, width: max(1, button.frame.width - 2))
                let x = button.frame.x + max(1, (button.frame.width - displayWidth(of: text)) / 2)
                buffer.put(text, x: x, y: firstRow + offset, style: style, maxWidth: button.frame.maxX - x)
            }
        }
    }
}
