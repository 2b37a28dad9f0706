import Terminal
import TextLayout

/// Text wrapped at the spaces between words to a width, ready to be placed.
struct Paragraph: Equatable {
    let lines: [String]
    let style: Style

    init(_ text: String, width: Int, style: Style = .plain, maxLines: Int = .max) {
        var lines = wrap(text, width: max(1, width))
        if lines.count > maxLines, maxLines > 0 {
            // Keep what fits and mark the cut, rather than silently losing the end.
            let kept = lines[maxLines - 1] + " " + lines[maxLines...].joined(separator: " ")
            lines = Array(lines.prefix(maxLines - 1)) + [truncate(kept, width: width)]
        }
        self.lines = lines
        self.style = style
    }

    init(lines: [String], style: Style) {
        self.lines = lines
        self.style = style
    }

    var height: Int { lines.count }

    /// Draws the lines from row `y`, left-aligned at `x`, or centred in `width` when given.
    func draw(in buffer: inout Buffer, x: Int, y: Int, width: Int, centred: Bool = false) {
        for (offset, line) in lines.enumerated() {
            let indent = centred ? max(0, (width - displayWidth(of: line)) / 2) : 0
            buffer.put(line, x: x + indent, y: y + offset, style: style, maxWidth: width - indent)
        }
    }
}

extension Paragraph {
    /// The key hints at the foot of a screen ("Enter: 선택   F1: 도움말"), wrapped between
    /// hints rather than inside one, so no hint is ever cut in half on a narrow screen.
    static func keyHints(_ hints: [String], width: Int) -> Paragraph {
        var lines: [String] = []
        for hint in hints {
            if let last = lines.last, displayWidth(of: last) + 3 + displayWidth(of: hint) <= width {
                lines[lines.count - 1] = last + "   " + hint
            } else {
                lines.append(hint)
            }
        }
        return Paragraph(lines: lines, style: Style(.muted))
    }
}
