import Rules
import Settings

/// Amounts as each language says them (`LocalNumbers`, which the packs' texts use too):
/// Korean groups by 만 (10,000), as notices and people do ("82만 556원"); Chinese does the same
/// with 万; English and Vietnamese group digits by three.
enum MoneyText {
    static func format(_ won: Int, in language: Language) -> String {
        LocalNumbers.money(Double(won), language: language.rawValue)
    }

    /// What a citizen typed in 만원, echoed in words: "150" → "150만 원"; nothing while it is
    /// not yet an amount.
    static func echo(manWon text: String, in language: Language) -> String {
        AnswerInput.preview(text).map { format($0.value, in: language) } ?? ""
    }
}

/// The Korean subject particle after a word: 이 after a final consonant, 가 after a vowel.
///
/// Figures end in digits, read aloud as 일, 이, 삼…, so a digit's reading decides; a Hangul
/// syllable decides by its final consonant.
enum Josa {
    static func subject(after text: String) -> String {
        guard let last = text.unicodeScalars.last(where: { !$0.properties.isWhitespace && $0 != ")" }) else { return "이" }
        if (0xAC00...0xD7A3).contains(last.value) {
            return (last.value - 0xAC00) % 28 == 0 ? "가" : "이"
        }
        if let digit = Int(String(last)) {
            // 영 일 이 삼 사 오 육 칠 팔 구: 2, 4, 5 and 9 end in a vowel.
            return [2, 4, 5, 9].contains(digit) ? "가" : "이"
        }
        return "이"
    }
}
