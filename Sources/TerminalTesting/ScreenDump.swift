import Terminal

/// Readable text forms of a buffer, the content of snapshot files.
public enum ScreenDump {
    /// The buffer's text, one line per row, wide characters once (their continuation cells
    /// skipped) and trailing spaces trimmed, so it reads like the screen in a monospace font.
    public static func text(of buffer: Buffer) -> String {
        (0..<buffer.size.height).map { row in
            var line = buffer.text(row: row)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// The buffer's styles as runs per row: `row 2: 0-9 focus bold reverse | 10-79 text`.
    /// Runs name columns, so a style that moves by one cell shows up in a line diff.
    public static func styles(of buffer: Buffer) -> String {
        var lines: [String] = []
        for y in 0..<buffer.size.height {
            var runs: [String] = []
            var x = 0
            while x < buffer.size.width {
                let style = buffer[x, y].style
                var end = x + 1
                while end < buffer.size.width, buffer[end, y].style == style { end += 1 }
                runs.append("\(x)-\(end - 1) \(describe(style))")
                x = end
            }
            lines.append("row \(y): " + runs.joined(separator: " | "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ style: Style) -> String {
        var words = [style.role.rawValue]
        if style.bold { words.append("bold") }
        if style.underline { words.append("underline") }
        if style.reverse { words.append("reverse") }
        return words.joined(separator: " ")
    }
}
