import HangulInput
import Testing

/// Vietnamese typed the Telex way, as a Vietnamese citizen types on any Latin keyboard.
@Suite("Telex")
struct TelexTests {
    static func type(_ keys: String) -> String {
        keys.reduce("") { Telex.typing($1, into: $0) }
    }

    @Test(arguments: [
        // Vowel shapes and đ.
        ("aa", "â"), ("aw", "ă"), ("ee", "ê"), ("oo", "ô"), ("ow", "ơ"), ("uw", "ư"), ("dd", "đ"),
        ("nguoiw", "ngươi"), ("caan", "cân"), ("can" + "a", "cân"),
        // Tones, on the vowel the modern rule gives them.
        ("as", "á"), ("af", "à"), ("ar", "ả"), ("ax", "ã"), ("aj", "ạ"),
        ("hoaf", "hoà"), ("thuys", "thuý"), ("nguoiwf", "người"), ("quas", "quá"), ("gif", "gì"),
        ("tieengs", "tiếng"), ("vieetj", "việt"), ("ddaau", "đâu"), ("nopj", "nọp"), ("noopj", "nộp"),
        // A tone typed before the vowel's shape moves with it.
        ("nguoifw", "người"), ("muaf", "mùa"), ("hoasn", "hoán"), ("tiens" + "g", "tiéng"),
        // Pressed twice, a mark comes off and the letter is typed.
        ("ass", "as"), ("aaa", "aa"), ("ddd", "dd"), ("uww", "uw"),
        // z takes the tone off; with none, it is a z.
        ("asz", "a"), ("z", "z"),
        // Capitals keep their case.
        ("Vieetj Nam", "Việt Nam"), ("DDaau", "Đâu"),
        // Only the last word changes; other keys type as they are.
        ("khi naof ?", "khi nào ?"), ("xin chaof", "xin chào"),
    ])
    func types(keys: String, expected: String) {
        #expect(Self.type(keys) == expected, "\(keys)")
    }

    @Test func theKioskComposerTypesVietnameseInItsLatinMode() {
        let composer = HangulComposer(limit: 60, telex: true)
        composer.toggleMode()
        for key in "Khi naof thif noopj ddonw?" { composer.type(key) }
        #expect(composer.fullText == "Khi nào thì nộp đơn?")
        // Without Telex (an English session), letters are letters.
        let plain = HangulComposer(limit: 60)
        plain.toggleMode()
        for key in "naof" { plain.type(key) }
        #expect(plain.fullText == "naof")
    }
}
