import HangulInput
import Settings

// MARK: - The question keyboard (issue 5) for the voice

extension KioskApp {
    /// The question keyboard as a page the voice can read: its title and hint, the question
    /// typed so far (the field), and every key as a choice, so a focus move says the key and
    /// its place and typing says the question. `nil` off the keyboard.
    ///
    /// The keyboard is drawn by `AskScreen`, not from a page; this page is for speaking only.
    func spokenKeyboard(_ catalog: LocaleCatalog) -> (page: Page, focus: Int)? {
        guard state.step == .ask, let ask = state.ask, ask.isTyping else { return nil }
        let hangul = ask.composer.mode == .hangul
        var keys: [Choice] = []
        var focus = 0
        for (r, row) in JamoKeyboard.rows.enumerated() {
            for (c, key) in row.enumerated() {
                if KeyboardPosition(row: r, column: c) == ask.focus { focus = keys.count }
                let label = switch key {
                case .letter(let letter): String(hangul ? letter.jamo : letter.ascii)
                case .back: catalog.text("ask.key_back")
                case .toggleMode: catalog.text(hangul ? "ask.key_to_latin" : "ask.key_to_hangul")
                case .space: catalog.text("ask.key_space")
                case .erase: catalog.text("ask.key_erase")
                case .submit: catalog.text("ask.key_submit")
                }
                // Only the focused key is ever read from this list, never all forty.
                keys.append(Choice(label: label, action: .type(" ")))
            }
        }
        let error: String? = switch ask.notice {
        case .tooLong(let limit): catalog.text("ask.too_long", ["limit": String(limit)])
        case .empty: catalog.text("ask.empty")
        case nil: nil
        }
        let page = Page(
            title: catalog.text("ask.title"),
            items: [
                .text(catalog.text(hangul ? "ask.hint" : "ask.hint_latin")),
                .field(input: ask.composer.fullText, echo: "", error: error),
                .choices(keys),
            ],
            hints: [])
        return (page, focus)
    }
}
