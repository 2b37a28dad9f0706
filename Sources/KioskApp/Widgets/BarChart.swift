import Terminal
import TextLayout

/// Horizontal bars, one row per item: a label, a bar scaled to the largest value, the figure.
///
///     65-74      ██████████████          412
///     75+        ████████                233
///     0-5                         withheld (<5)
///
/// Why the bars are reverse-video spaces rather than block characters: every block element
/// from U+2580 to U+258F ("█", "▇", "▌"…) is East Asian Ambiguous, so a terminal set up for
/// Korean draws them two columns wide and the chart shears. A space is narrow everywhere and
/// needs no glyph in the kiosk's font; the reverse attribute makes it a solid bar in any
/// colour theme, including the 8-colour console. A withheld figure has no bar at all: it is not
/// zero, it is unknown.
struct BarChart: Equatable {
    struct Row: Equatable {
        let label: String
        /// `nil` when the figure is withheld.
        let value: Int?
        /// The figure as shown: a number, or the words for "withheld".
        let figure: String
    }

    let rows: [Row]

    var height: Int { rows.count }

    func draw(in buffer: inout Buffer, x: Int, y: Int, width: Int) {
        let figureWidth = rows.map { displayWidth(of: $0.figure) }.max() ?? 0
        let labelWidth = min(rows.map { displayWidth(of: $0.label) }.max() ?? 0, max(4, width * 2 / 5))
        let barWidth = max(1, width - labelWidth - figureWidth - 2)
        let largest = rows.compactMap(\.value).max() ?? 0
        for (index, row) in rows.enumerated() {
            let rowY = y + index
            guard rowY >= 0, rowY < buffer.size.height else { continue }
            buffer.put(truncate(row.label, width: labelWidth), x: x, y: rowY, maxWidth: labelWidth)
            if let value = row.value, value > 0, largest > 0 {
                // At least one cell for any non-zero figure, so "some" never looks like "none".
                let length = max(1, Int((Double(value) / Double(largest) * Double(barWidth)).rounded()))
                buffer.fill(Rect(x: x + labelWidth + 1, y: rowY, width: length, height: 1), style: Style(.accent, reverse: true))
            }
            let figureX = x + width - displayWidth(of: row.figure)
            buffer.put(row.figure, x: figureX, y: rowY, style: row.value == nil ? Style(.muted) : .plain, maxWidth: figureWidth)
        }
    }
}
