import Settings
import Terminal
import TextLayout

/// The first screen: a calm welcome, what the kiosk does, and the choice of language.
///
/// Choosing a language redraws every visible word at once; the focus stays where it was so
/// the citizen's place is not lost.
struct WelcomeScreen {
    let catalog: LocaleCatalog
    let focus: Int
    let current: Language

    /// Everything placed on the screen; computed once per frame and used for hit-testing.
    struct Layout {
        var paragraphs: [(paragraph: Paragraph, x: Int, y: Int, width: Int)] = []
        var buttons: ButtonGroup
        var footer: Paragraph
    }

    /// Labels carry the digit that selects them, for keypad-only use.
    var labels: [String] {
        Language.allCases.enumerated().map { index, language in
            let mark = language == current ? " \(UIChrome.check)" : ""
            return "\(index + 1) \(catalog.text(LocaleKey("language.\(language.rawValue)")))\(mark)"
        }
    }

    func layout(in size: Size) -> Layout {
        let regular = ScreenGeometry.layout(for: size) == .regular
        let margin = regular ? 4 : 1
        let width = min(size.width - 2 * margin, 96)
        let x = (size.width - width) / 2
        let footer = Paragraph.keyHints(
            [catalog.text("keys.select"), catalog.text("keys.move"), catalog.text("keys.help"), catalog.text("keys.language")],
            width: size.width - 2)

        // Blocks in reading order. When the screen is short the optional ones are dropped,
        // lowest `keep` first: the kiosk's name before the privacy promise.
        var blocks: [(Paragraph, keep: Int)] = [
            (Paragraph(catalog.text("app.name"), width: width, style: Style(.accent, bold: true)), 1),
            (Paragraph(catalog.text("welcome.title"), width: width, style: Style(.text, bold: true)), .max),
            (Paragraph(catalog.text("welcome.body"), width: width), .max),
            (Paragraph(catalog.text("welcome.privacy"), width: width, style: Style(.muted)), 2),
            (Paragraph(catalog.text("language.prompt"), width: width, style: Style(.accent)), .max),
        ]
        let buttonHeight = regular ? 3 : 1
        let probe = ButtonGroup(labels: labels, in: Rect(x: x, y: 0, width: width, height: 0), buttonHeight: buttonHeight)
        let available = size.height - footer.height
        func needed(spacing: Int) -> Int {
            blocks.reduce(0) { $0 + $1.0.height } + probe.height + spacing * blocks.count
        }
        var spacing = regular ? 1 : 0
        while needed(spacing: spacing) > available {
            if let least = blocks.filter({ $0.keep < .max }).map(\.keep).min(),
               let index = blocks.firstIndex(where: { $0.keep == least }) {
                blocks.remove(at: index)
            } else if spacing > 0 {
                spacing = 0
            } else {
                break
            }
        }
        var y = max(0, (available - needed(spacing: spacing)) / 2)
        var layout = Layout(buttons: probe, footer: footer)
        for (paragraph, _) in blocks {
            layout.paragraphs.append((paragraph, x, y, width))
            y += paragraph.height + spacing
        }
        layout.buttons = ButtonGroup(
            labels: labels, in: Rect(x: x, y: y, width: width, height: probe.height), buttonHeight: buttonHeight)
        return layout
    }

    func draw(in buffer: inout Buffer) {
        let layout = layout(in: buffer.size)
        for placed in layout.paragraphs {
            placed.paragraph.draw(in: &buffer, x: placed.x, y: placed.y, width: placed.width)
        }
        layout.buttons.draw(in: &buffer, focus: focus)
        layout.footer.draw(in: &buffer, x: 1, y: buffer.size.height - layout.footer.height, width: buffer.size.width - 2)
    }
}
