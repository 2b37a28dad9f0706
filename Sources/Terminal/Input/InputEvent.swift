/// Something the citizen did, or the screen changing size.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// A click or touch at a cell (column `x`, row `y`). A touchscreen arrives as mouse
    /// button 1; the press is reported, so a tap acts at once.
    case mouse(x: Int, y: Int)
    /// The screen now has this size; lay out again.
    case resize(Size)
}

/// A key, decoded from what the terminal sent.
public enum Key: Hashable, Sendable {
    /// A printable character, including Hangul and other non-ASCII text.
    case character(Character)
    case enter
    case backspace
    case delete
    case tab
    case backTab
    case escape
    case up, down, left, right
    case home, end, pageUp, pageDown, insert
    /// F1 is `.function(1)`.
    case function(Int)
    /// A numeric-keypad key that has no meaning of its own in the usual layout.
    case keypad(KeypadKey)
    /// Ctrl plus a key, e.g. `.control("c")` for ^C. The kiosk reads these as plain keys, so
    /// ^C, ^Z and ^\ cannot stop it.
    case control(Character)
}

/// Keys of the numeric keypad in application mode, named by their position.
///
/// Keypad digits with Num Lock arrive as `.character`, keypad Enter as `.enter`, and
/// arrows as arrows; these are the remaining keys a terminal reports separately.
public enum KeypadKey: Hashable, Sendable {
    /// 7 / Home position.
    case upperLeft
    /// 9 / PgUp position.
    case upperRight
    /// 5, the centre.
    case center
    /// 1 / End position.
    case lowerLeft
    /// 3 / PgDn position.
    case lowerRight
}
