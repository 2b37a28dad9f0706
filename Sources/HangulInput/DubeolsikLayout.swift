/// The standard 두벌식 keyboard: which QWERTY key types which jamo.
///
/// The on-screen keyboard shows jamo and sends the QWERTY key under each, so both keyboards go
/// through the same libhangul composition. Rows follow the physical keyboard, so a citizen who
/// knows it finds every jamo where they expect; the doubled consonants and ㅒ ㅖ (Shift on a
/// physical keyboard) get a row of their own rather than a Shift state, one press fewer.
public enum DubeolsikLayout {
    /// One key: the jamo shown and the QWERTY letter libhangul reads for it.
    public struct Key: Sendable, Equatable, Hashable {
        public let jamo: Character
        public let ascii: Character
    }

    public static let rows: [[Key]] = [
        keys("ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ", "qwertyuiop"),
        keys("ㅁㄴㅇㄹㅎㅗㅓㅏㅣ", "asdfghjkl"),
        keys("ㅋㅌㅊㅍㅠㅜㅡ", "zxcvbnm"),
        keys("ㅃㅉㄸㄲㅆㅒㅖ", "QWERTOP"),
    ]

    /// The QWERTY letter for a jamo, for typing jamo directly (tests, a jamo from the touch keyboard).
    public static func ascii(for jamo: Character) -> Character? {
        rows.lazy.flatMap { $0 }.first { $0.jamo == jamo }?.ascii
    }

    private static func keys(_ jamo: String, _ ascii: String) -> [Key] {
        precondition(jamo.count == ascii.count)
        return zip(jamo, ascii).map { Key(jamo: $0, ascii: $1) }
    }
}
