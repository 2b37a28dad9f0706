import CNcursesw

/// The numeric keypad in application mode (DECKPAM, which ncurses' `keypad()` switches on):
/// each key sends ESC O and a letter. Terminfo entries name only some of them (xterm's has
/// the corners and centre; tmux-256color has none, not even keypad Enter), and ncurses splits
/// an unnamed sequence into Escape, "O" and a letter, so a keypad-only citizen pressing keypad
/// Enter would go back instead. Each sequence the terminal's entry leaves unnamed is taught to
/// ncurses here as a key code of our own, decoded like its main-keyboard twin.
enum ApplicationKeypad {
    /// The final letter of each key's ESC O sequence and the key it stands for.
    static let keys: [(final: Character, key: Key)] = [
        ("M", .enter), ("j", .character("*")), ("k", .character("+")), ("m", .character("-")),
        ("n", .character(".")), ("o", .character("/")), ("X", .character("=")),
        ("p", .character("0")), ("q", .character("1")), ("r", .character("2")), ("s", .character("3")),
        ("t", .character("4")), ("u", .character("5")), ("v", .character("6")), ("w", .character("7")),
        ("x", .character("8")), ("y", .character("9")),
    ]

    /// Key codes past ncurses' own (KEY_MAX), one per entry of `keys`.
    static let firstCode = KEY_MAX + 1

    /// Teaches ncurses every keypad sequence its terminfo entry does not already name.
    static func install() {
        for (index, entry) in keys.enumerated() {
            let sequence = "\u{1B}O\(entry.final)"
            if key_defined(sequence) == 0 {
                _ = define_key(sequence, firstCode + Int32(index))
            }
        }
    }

    /// The key for one of our codes.
    static func key(forCode code: Int32) -> Key? {
        let index = Int(code - firstCode)
        return keys.indices.contains(index) ? keys[index].key : nil
    }
}
