import Settings
import Terminal
import TextLayout

/// Shown instead of any layout when the screen is smaller than `ScreenGeometry.minimum`;
/// the screen underneath comes back as soon as it is large enough again.
struct TooSmallNotice {
    let catalog: LocaleCatalog

    func draw(in buffer: inout Buffer) {
        let width = buffer.size.width
        let title = Paragraph(catalog.text("too_small.title"), width: width, style: Style(.warning, bold: true))
        let body = Paragraph(
            catalog.text("too_small.body", [
                "columns": String(ScreenGeometry.minimum.width), "rows": String(ScreenGeometry.minimum.height),
            ]), width: width)
        let total = title.height + body.height
        let y = max(0, (buffer.size.height - total) / 2)
        title.draw(in: &buffer, x: 0, y: y, width: width, centred: true)
        body.draw(in: &buffer, x: 0, y: y + title.height, width: width, centred: true)
    }
}

/// "Find a person": the centre's counter, its hours and 129, over whatever screen is open.
struct HelpPanel {
    let catalog: LocaleCatalog
    let placeholders: [String: String]
    /// How the screen under the panel works, said first: help on the screen it is asked on.
    var screen: LocaleKey?

    /// One sentence of the panel: its words, its style, and whether a small screen may leave it
    /// out. Listed once, for the screen and for the voice alike.
    private struct Part {
        let text: String
        var style = Style.plain
        var optional = false
    }

    private var parts: [Part] {
        [Part(text: catalog.text("help.title"), style: Style(.accent, bold: true))]
            + (screen.map { [Part(text: catalog.text($0), style: Style(.text, bold: true))] } ?? [])
            + [
                Part(text: catalog.text("help.counter", placeholders)),
                Part(text: catalog.text("help.hours", placeholders), optional: true),
                Part(text: catalog.text("help.phone", placeholders)),
                Part(text: catalog.text("help.close"), style: Style(.muted), optional: true),
            ]
    }

    /// The panel's sentences in order, as the voice says them.
    var sentences: [String] { parts.map(\.text) }

    func draw(in buffer: inout Buffer) {
        let size = buffer.size
        let panelWidth = min(size.width - 2, 64)
        let inner = panelWidth - 4
        var placed = parts.map { (part: $0, paragraph: Paragraph($0.text, width: inner, style: $0.style)) }
        // A small screen keeps what this screen asks and who helps: the opening hours give way
        // first, then the line saying any key closes the panel (any key still does).
        while placed.reduce(2, { $0 + $1.paragraph.height }) > size.height,
              let drop = placed.firstIndex(where: { $0.part.optional }) {
            placed.remove(at: drop)
        }
        let paragraphs = placed.map(\.paragraph)
        let contentHeight = paragraphs.reduce(0) { $0 + $1.height }
        let spacing = contentHeight + paragraphs.count + 1 <= size.height - 2 ? 1 : 0
        let panelHeight = min(size.height, contentHeight + spacing * (paragraphs.count - 1) + 2)
        let frame = Rect(x: (size.width - panelWidth) / 2, y: (size.height - panelHeight) / 2,
                         width: panelWidth, height: panelHeight)
        // A border of filled cells: box-drawing lines are East Asian Ambiguous.
        buffer.fill(frame, style: Style(.muted, reverse: true))
        buffer.fill(frame.inset(horizontal: 1, vertical: 1), style: Style(.text))
        var y = frame.y + 1
        for paragraph in paragraphs where y < frame.maxY - 1 {
            paragraph.draw(in: &buffer, x: frame.x + 2, y: y, width: inner)
            y += paragraph.height + spacing
        }
    }
}

/// "Are you still there?": the countdown before a wipe, over whatever screen is open.
struct IdleWarning {
    let catalog: LocaleCatalog
    let seconds: Int

    func draw(in buffer: inout Buffer) {
        let size = buffer.size
        let panelWidth = min(size.width - 2, 64)
        let inner = panelWidth - 4
        let paragraphs = [
            Paragraph(catalog.text("idle.title"), width: inner, style: Style(.warning, bold: true)),
            Paragraph(catalog.text("idle.countdown", ["seconds": String(seconds)]), width: inner),
            Paragraph(catalog.text("idle.continue"), width: inner, style: Style(.accent, bold: true)),
        ]
        let contentHeight = paragraphs.reduce(0) { $0 + $1.height }
        let spacing = contentHeight + paragraphs.count + 1 <= size.height - 2 ? 1 : 0
        let panelHeight = min(size.height, contentHeight + spacing * (paragraphs.count - 1) + 2)
        let frame = Rect(x: (size.width - panelWidth) / 2, y: (size.height - panelHeight) / 2,
                         width: panelWidth, height: panelHeight)
        buffer.fill(frame, style: Style(.warning, reverse: true))
        buffer.fill(frame.inset(horizontal: 1, vertical: 1), style: Style(.text))
        var y = frame.y + 1
        for paragraph in paragraphs where y < frame.maxY - 1 {
            paragraph.draw(in: &buffer, x: frame.x + 2, y: y, width: inner)
            y += paragraph.height + spacing
        }
    }
}
