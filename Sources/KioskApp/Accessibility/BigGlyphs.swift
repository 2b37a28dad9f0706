import Terminal

/// A headline drawn big, for a citizen with low vision on a terminal whose font cannot be
/// enlarged: each Unifont pixel column is a screen column and each cell holds two pixel rows
/// with half blocks, so a Hangul syllable is 16 columns by 8 rows and a Latin letter 8 by 8.
///
/// ▀ ▄ █ are East Asian Ambiguous, which the rest of the kiosk's chrome avoids. As in
/// `QRCodeBlock`, they are acceptable here: the art is a block of its own whose width comes
/// from the glyphs and never from text measurement, so a CJK terminal that draws them wide can
/// at worst widen the headline, never shift the words on the rest of the page.
struct BigText: Equatable {
    /// The text's words, each as its glyphs.
    let words: [[UnifontGlyph]]
    /// What goes between two words: Unifont's space, 8 pixels.
    let space: UnifontGlyph

    /// Rows of one big line on screen.
    static let lineHeight = UnifontGlyph.height / 2
    /// At most this many big lines; a longer headline is drawn as normal text.
    static let maxLines = 2

    /// `text` in `font`'s glyphs; `nil` when the font is missing or lacks a character, so the
    /// page keeps its normal title.
    init?(_ text: String, font: Unifont) {
        guard let space = font.glyph(for: " ") else { return nil }
        var words: [[UnifontGlyph]] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            var glyphs: [UnifontGlyph] = []
            for scalar in word.unicodeScalars {
                guard let glyph = font.glyph(for: scalar) else { return nil }
                glyphs.append(glyph)
            }
            words.append(glyphs)
        }
        guard !words.isEmpty else { return nil }
        self.words = words
        self.space = space
    }

    /// The screen rows of the text wrapped at whole words to `width` columns, or `nil` when it
    /// needs more than `maxLines` big lines or a word is wider than `width`.
    func rows(width: Int) -> [String]? {
        var lines: [[UnifontGlyph]] = []
        var lineWidth = 0
        for word in words {
            let wordWidth = word.reduce(0) { $0 + $1.width }
            guard wordWidth <= width else { return nil }
            if let last = lines.last, lineWidth + space.width + wordWidth <= width {
                lines[lines.count - 1] = last + [space] + word
                lineWidth += space.width + wordWidth
            } else {
                lines.append(word)
                lineWidth = wordWidth
            }
        }
        guard lines.count <= Self.maxLines else { return nil }
        return lines.flatMap(Self.draw)
    }

    /// One big line as `lineHeight` screen rows: the top pixel of a cell is its upper half.
    static func draw(_ glyphs: [UnifontGlyph]) -> [String] {
        (0..<lineHeight).map { row in
            var line = ""
            for glyph in glyphs {
                for x in 0..<glyph.width {
                    line.append(halfBlock(top: glyph.isInk(x: x, y: 2 * row), bottom: glyph.isInk(x: x, y: 2 * row + 1)))
                }
            }
            // Trailing blanks would only paint background over the page's margin.
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    static func halfBlock(top: Bool, bottom: Bool) -> Character {
        switch (top, bottom) {
        case (true, true): "█"
        case (true, false): "▀"
        case (false, true): "▄"
        case (false, false): " "
        }
    }
}

extension PageLayout {
    /// Content rows a big headline must leave free; below this the page keeps its normal title,
    /// since a headline that pushes the choices out of sight helps nobody.
    static let bigTitleMinimumContent = 10

    /// The big headline's rows on a screen of `size`, or `nil` when it does not fit in width,
    /// or would leave less than `bigTitleMinimumContent` rows for the page's content.
    static func bigTitleRows(_ big: BigText?, width: Int, size: Size, footerHeight: Int) -> [String]? {
        guard let big, let rows = big.rows(width: width) else { return nil }
        let regular = ScreenGeometry.layout(for: size) == .regular
        let content = size.height - (rows.count + (regular ? 2 : 1)) - footerHeight - 1
        return content >= bigTitleMinimumContent ? rows : nil
    }
}

extension KioskApp {
    /// A question's title in big glyphs when the mode is on and no `enlarge_command` can make
    /// the terminal's font larger; every other page, and every page outside the mode, keeps
    /// its normal title (and the font file is not touched).
    func bigTitle(for page: Page) -> BigText? {
        let mode = state.accessibility
        guard mode.isOn, !mode.showsSettings, resources.config.accessibility.enlargeCommand.isEmpty,
              state.step == .question, state.policy == nil,
              let question = state.session.question, page.title == question.text[state.language.rawValue]
        else { return nil }
        return BigText(page.title, font: assistive.glyphs)
    }
}
