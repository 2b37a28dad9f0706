import CNcursesw

/// Translates what ncurses `wget_wch` returned into a `Key`.
///
/// Pure, so the mapping is tested without a screen.
enum KeyDecoding {
    /// A character `wget_wch` returned with `OK`: text, or a control byte in raw mode.
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code + 96))))  // ^A → "a"
        case 0, 28...31: return .control(Character(Unicode.Scalar(UInt8(code + 64))))  // ^\ → "\"
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A key code `wget_wch` returned with `KEY_CODE_YES` (mouse and resize handled apart).
    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_A1: return .keypad(.upperLeft)
        case KEY_A3: return .keypad(.upperRight)
        case KEY_B2: return .keypad(.center)
        case KEY_C1: return .keypad(.lowerLeft)
        case KEY_C3: return .keypad(.lowerRight)
        case cncurses_key_f(1)...cncurses_key_f(63): return .function(Int(code - cncurses_key_f(0)))
        default: return ApplicationKeypad.key(forCode: code)
        }
    }
}
