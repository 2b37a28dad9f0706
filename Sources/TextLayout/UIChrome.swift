/// Non-ASCII characters the interface may use for its own chrome (markers, separators,
/// ellipsis), each verified one column wide in glibc and *not* East Asian Ambiguous.
///
/// Why a closed set: the familiar choices — · ※ ○ ● → … and every box-drawing line — are
/// Ambiguous, so a terminal configured for CJK draws them two columns wide and the layout
/// shifts. TextLayoutTests proves each character here is narrow and unambiguous.
public enum UIChrome {
    /// Marks the focused item in a list.
    public static let focusMarker: Character = "▸"
    /// Points backwards, e.g. "previous question".
    public static let backMarker: Character = "◂"
    /// Forward marker, e.g. "next".
    public static let forwardAngle: Character = "›"
    /// Backward angle quotation mark.
    public static let backAngle: Character = "‹"
    /// Ends truncated text. U+2026 "…" is Ambiguous; this midline ellipsis is not.
    public static let ellipsis: Character = "⋯"
    /// A condition that holds.
    public static let check: Character = "✓"
    /// A condition that fails.
    public static let cross: Character = "✗"
    /// A small list bullet (U+2022 "•" is Ambiguous).
    public static let bullet: Character = "▪"
    /// Half-cell horizontal rule pieces; full box-drawing lines are Ambiguous.
    public static let ruleLeft: Character = "╴"
    public static let ruleRight: Character = "╶"

    /// Every chrome character above, for verification.
    public static let all: [Character] = [
        focusMarker, backMarker, forwardAngle, backAngle, ellipsis, check, cross, bullet,
        ruleLeft, ruleRight,
    ]

    /// Whether every character of `text` is printable and not East Asian Ambiguous, i.e.
    /// safe to use where alignment matters (labels of keys, markers, separators).
    public static func isSafe(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalarWidth(scalar) != nil && !isEastAsianAmbiguous(scalar)
        }
    }
}
