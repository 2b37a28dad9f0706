import Foundation
import Settings
import TextLayout

/// What the voice says about a page, built from the same page model the screen is drawn from,
/// so what is heard is what is shown.
///
/// Entering a page: its title, its texts, its choices by number, the focused choice and its
/// place ("2 of 4"), then how to use the keys. Moving the focus: the focused choice and its
/// place. Typing: what the field now holds, in words.
struct SpokenPage {
    /// What an announcement was about, to tell a new screen from a focus move or a keystroke.
    struct Subject: Equatable {
        let screen: String
        let focused: String
        let input: String
        /// The explanation or answer once it has come in whole ("" while it is being prepared),
        /// so it is read when it arrives, not only the "being prepared" line before it.
        var arrived = ""
    }

    let page: Page
    let focus: Int
    let catalog: LocaleCatalog
    /// How the keys work on this page, said last on entering it; by default from whether
    /// digits type or choose.
    var keys: LocaleKey?

    /// The focused choice's label as spoken, with its place among the choices.
    var focusedLabel: String {
        let choices = page.choices
        guard choices.indices.contains(focus) else { return "" }
        let place = catalog.text("a11y.position", ["current": String(focus + 1), "total": String(choices.count)])
        return Self.words(choices[focus].label, catalog: catalog) + ", " + place
    }

    var focused: String { sentence(focusedLabel) }

    /// The field's contents in words (the echo: "150만 원"), or its error.
    var field: String {
        for item in page.items {
            if case .field(let input, let echo, let error) = item {
                if let error { return sentence(Self.words(error, catalog: catalog)) }
                let said = echo.isEmpty ? input : echo
                return sentence(Self.words(said.isEmpty ? catalog.text("a11y.empty") : said, catalog: catalog))
            }
        }
        return ""
    }

    var full: String {
        var parts = [sentence(Self.words(page.title, catalog: catalog))]
        var number = 0
        for item in page.items {
            switch item {
            case .heading(let text), .text(let text, _):
                parts.append(sentence(Self.words(text, catalog: catalog)))
            case .field:
                parts.append(field)
            case .choices(let choices):
                // The on-screen digit pad is for touch; the voice says to type digits instead.
                if choices.allSatisfy({ $0.action.isTyping }) { number += choices.count; continue }
                for choice in choices {
                    number += 1
                    let label = Self.words(choice.label, catalog: catalog)
                    parts.append(sentence(page.numbers(number) ? "\(number), \(label)" : label))
                }
            case .qr:
                continue
            case .chart(let chart):
                // Each bar as its label and figure: what the bar's length says to the eye.
                for row in chart.rows {
                    parts.append(sentence(Self.words(row.label + " " + row.figure, catalog: catalog)))
                }
            }
        }
        if !focusedLabel.isEmpty { parts.append(sentence(catalog.text("a11y.focused", ["choice": focusedLabel]))) }
        let usual: LocaleKey = page.typesDigits ? "a11y.keys_typing" : page.choosesFromTen ? "a11y.keys_many" : "a11y.keys"
        parts.append(sentence(catalog.text(keys ?? usual)))
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    private func sentence(_ text: String) -> String { Self.sentence(text) }

    /// `text` ending as a sentence, so a voice pauses after it ("…6시까지. 전화 상담…").
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last else { return "" }
        return ".?!。？！".contains(last) ? trimmed : trimmed + "."
    }

    /// `text` as a voice should read it: screen markers dropped or said as words (✓ and ✗ before
    /// a reason as met and not met, ✓ after a choice as selected), digit
    /// groups joined ("1,500,000 won" is one number, not three), no symbols a synthesiser
    /// would spell out.
    static func words(_ text: String, catalog: LocaleCatalog) -> String {
        var out = ""
        let scalars = Array(text)
        for (index, character) in scalars.enumerated() {
            // A mark that opens a line says whether a condition is met (a reason on a result);
            // a ✓ after a label says the choice is the one selected.
            let opensLine = out.allSatisfy(\.isWhitespace)
            switch character {
            case UIChrome.check where opensLine:
                out += catalog.text("a11y.met") + ", "
            case UIChrome.cross where opensLine:
                out += catalog.text("a11y.unmet") + ", "
            case UIChrome.check:
                out += catalog.text("a11y.selected")
            case UIChrome.focusMarker, UIChrome.backMarker, UIChrome.forwardAngle, UIChrome.backAngle,
                 UIChrome.ellipsis, UIChrome.bullet, UIChrome.ruleLeft, UIChrome.ruleRight, UIChrome.cross:
                continue
            case "," where isGroupSeparator(at: index, in: scalars), "." where isGroupSeparator(at: index, in: scalars):
                // A thousands separator (1,500,000 in English, 1.500.000 in Vietnamese).
                continue
            default:
                out.append(character)
            }
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether the character at `index` stands between a digit and exactly three more.
    private static func isGroupSeparator(at index: Int, in text: [Character]) -> Bool {
        index > 0 && index + 3 < text.count && text[index - 1].isNumber
            && text[index + 1...index + 3].allSatisfy(\.isNumber)
            && (index + 4 == text.count || !text[index + 4].isNumber)
    }
}

extension Action {
    /// A key of the on-screen digit pad.
    var isTyping: Bool {
        switch self {
        case .type, .erase: true
        default: false
        }
    }
}
