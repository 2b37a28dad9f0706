/// Korean initial-consonant (초성) search: "ㄱㅊㅇㄱ" finds 기초연금.
///
/// Staff on a keypad type the first consonant of each syllable, the way Korean phones search
/// contacts. A precomposed syllable is `0xAC00 + (initial × 21 + medial) × 28 + final`, so its
/// initial is `(s − 0xAC00) / 588`; no table of syllables is needed.
///
/// ```swift
/// HangulInitials.matches("ㄱㅊㅇㄱ", in: "기초연금")   // true
/// HangulInitials.matches("기초ㅇ", in: "기초연금")      // true: syllables and consonants mix
/// HangulInitials.matches("pension", in: "basic_pension_max")  // true: plain substring
/// ```
public enum HangulInitials {
    /// The 19 initial consonants in syllable order, as compatibility jamo (what a keyboard or
    /// the on-screen pad types): ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ.
    public static let consonants: [Character] = [
        "ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ",
    ]

    private static let syllables: ClosedRange<UInt32> = 0xAC00...0xD7A3

    /// The initial consonant of a precomposed Hangul syllable (기 → ㄱ, 까 → ㄲ); nil otherwise.
    public static func initial(of character: Character) -> Character? {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
              syllables.contains(scalar.value) else { return nil }
        return consonants[Int((scalar.value - 0xAC00) / 588)]
    }

    /// The text's initials: syllables become their initial consonant, anything else is kept.
    public static func initials(of text: String) -> String {
        String(text.map { initial(of: $0) ?? $0 })
    }

    /// Whether `query` is found in `text`: as a plain substring (case-insensitive), or with each
    /// consonant of the query standing for any syllable starting with it. A double consonant
    /// (ㄲ) matches only its own syllables (까), never the single one's (가). Spaces are ignored on
    /// both sides, since staff do not type them on the pad.
    public static func matches(_ query: String, in text: String) -> Bool {
        let needle = Array(query.lowercased().filter { $0 != " " })
        guard !needle.isEmpty else { return true }
        let hay = Array(text.lowercased().filter { $0 != " " })
        guard needle.count <= hay.count else { return false }
        for start in 0...(hay.count - needle.count) {
            var all = true
            for offset in needle.indices where !same(needle[offset], hay[start + offset]) {
                all = false
                break
            }
            if all { return true }
        }
        return false
    }

    private static func same(_ wanted: Character, _ found: Character) -> Bool {
        if wanted == found { return true }
        guard consonants.contains(wanted) else { return false }
        return initial(of: found) == wanted
    }
}
