/// The text broken into lines of at most `width` columns.
///
/// Korean is broken at the spaces between words (eojeol), as Korean typesetting does; a word
/// is split only when it alone is wider than the line, and then only between grapheme
/// clusters. Text without spaces (Chinese) therefore breaks between characters, and begins
/// on the line it is reached on. A newline
/// (LF, CRLF or CR) starts a new line; runs of spaces collapse to one, and no line starts or ends with a space.
/// A single cluster wider than the line (a wide character when `width` is 1) is placed alone
/// on its line rather than dropped; the buffer replaces what cannot be drawn.
public func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    // `isNewline` also matches "\r\n", which Swift keeps as one Character.
    for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        var breaker = LineBreaker(width: width)
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            breaker.add(word)
        }
        lines.append(contentsOf: breaker.finish())
    }
    return lines
}

/// Greedy line filling, one word at a time.
private struct LineBreaker {
    let width: Int
    var lines: [String] = []
    var line = ""
    var lineWidth = 0

    init(width: Int) {
        self.width = width
    }

    mutating func add(_ word: Substring) {
        let wordWidth = displayWidth(of: String(word))
        if lineWidth > 0 {
            if lineWidth + 1 + wordWidth <= width {
                line += " "
                line += word
                lineWidth += 1 + wordWidth
                return
            }
            // Chinese breaks between any two characters and has no spaces to wait for, so a run
            // of it wider than the line starts beside what is already there instead of leaving
            // that alone on a line of its own (a list bullet "▪", a label). Korean keeps its
            // words whole where it can, and moves down first.
            if wordWidth > width, let first = word.first, breaksAnywhere(first), lineWidth + 1 + displayWidth(of: first) <= width {
                line += " "
                lineWidth += 1
                split(word)
                return
            }
            flush()
        }
        if wordWidth <= width {
            line = String(word)
            lineWidth = wordWidth
        } else {
            split(word)
        }
    }

    /// Splits a word wider than the line between its grapheme clusters; the last piece stays
    /// open so the next word may follow it.
    ///
    /// Closing punctuation (。 ， ) ! …) never starts a line: the character before it moves
    /// down with it, as Chinese and Korean typesetting require.
    private mutating func split(_ word: Substring) {
        for character in word {
            let characterWidth = displayWidth(of: character)
            if lineWidth + characterWidth > width && lineWidth > 0 {
                var carried: Character?
                if closesText(character), line.count > 1, let last = line.last,
                   displayWidth(of: last) + characterWidth <= width {
                    carried = line.removeLast()
                }
                flush()
                if let carried {
                    line.append(carried)
                    lineWidth = displayWidth(of: carried)
                }
            }
            line.append(character)
            lineWidth += characterWidth
        }
    }

    /// Han characters and CJK punctuation: a line may break before any of them.
    private func breaksAnywhere(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return scalar.properties.isIdeographic || (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
    }

    private func closesText(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.properties.generalCategory {
        case .closePunctuation, .finalPunctuation: return true
        default: return "、。，．！？：；,.!?:;".unicodeScalars.contains(scalar)
        }
    }

    private mutating func flush() {
        lines.append(line)
        line = ""
        lineWidth = 0
    }

    mutating func finish() -> [String] {
        lines.append(line)
        return lines
    }
}
