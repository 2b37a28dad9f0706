import Testing
@testable import Settings

@Suite struct LocaleCatalogTests {
    static let ko = """
        [welcome]
        title = "안녕하세요"
        start = "{seconds}초 뒤에 시작해요"
        [help]
        phone = "전화 {phone}"
        """
    static let en = """
        [welcome]
        title = "Hello"
        start = "Starts in {seconds} seconds"
        [help]
        phone = "Call {phone}"
        """

    func bundle(en: String = en, vi: String? = nil) throws(ConfigError) -> LocaleBundle {
        try LocaleBundle.parse([.ko: Self.ko, .en: en, .zh: Self.ko, .vi: vi ?? Self.ko])
    }

    func error(en: String) -> String? {
        do {
            _ = try bundle(en: en)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func fillsPlaceholders() throws {
        let english = try bundle().catalog(.en)
        #expect(english.text("welcome.start", ["seconds": "20"]) == "Starts in 20 seconds")
        #expect(english.text("help.phone", ["phone": "129", "unused": "x"]) == "Call 129")
    }

    @Test func aPlaceholderWithoutAnArgumentStaysVisible() {
        #expect(LocaleCatalog.fill("Call {phone} {or} {}", ["or": "or"]) == "Call {phone} or {}")
        #expect(LocaleCatalog.fill("{a}{b}", ["a": "{b}", "b": "x"]) == "{b}x")
        #expect(LocaleCatalog.fill("{ not a placeholder }", [:]) == "{ not a placeholder }")
    }

    @Test func findsPlaceholderNames() {
        #expect(LocaleCatalog.placeholders(in: "{counter} {hours} {counter} {9x} { x } {a_1}") == ["counter", "hours", "a_1"])
        #expect(LocaleCatalog.placeholders(in: "unclosed {brace") == [])
    }

    @Test func fallsBackToKoreanThenToTheKey() {
        let catalog = LocaleCatalog(
            language: .vi,
            strings: ["welcome.title": "Xin chào"],
            reference: ["welcome.title": "안녕하세요", "help.title": "도움말"])
        #expect(catalog.text("welcome.title") == "Xin chào")
        #expect(catalog.text("help.title") == "도움말")
        #expect(catalog.text("no.such.key") == "no.such.key")
        #expect(!catalog.contains("help.title"))
    }

    @Test func stringsAreNormalisedToNFCAtLoad() throws {
        let decomposed = "\u{1112}\u{1161}\u{11AB}"  // 한 as three jamo
        let ko = Self.ko.replacingOccurrences(of: "안녕하세요", with: decomposed)
        let bundle = try LocaleBundle.parse([.ko: ko, .en: Self.en, .zh: Self.ko, .vi: Self.ko])
        let title = bundle.catalog(.ko).text("welcome.title")
        #expect(title == "한")
        #expect(title.unicodeScalars.count == 1)
    }

    // MARK: - Checks between locales

    @Test func aMissingKeyFails() {
        #expect(error(en: Self.en.replacingOccurrences(of: "title = \"Hello\"\n", with: ""))
            == "locales/en.toml:1: welcome.title: missing (locales/ko.toml:2 has it)")
    }

    @Test func differentPlaceholdersFail() {
        #expect(error(en: Self.en.replacingOccurrences(of: "{phone}", with: "{number}"))
            == "locales/en.toml:5: help.phone: placeholders {number} differ from {phone} in locales/ko.toml:5")
        #expect(error(en: Self.en.replacingOccurrences(of: "{seconds}", with: "twenty"))
            == "locales/en.toml:3: welcome.start: placeholders (none) differ from {seconds} in locales/ko.toml:3")
    }

    @Test func anExtraKeyFailsWithASuggestion() {
        #expect(error(en: Self.en + "\ntitel = \"Help\"\n")
            == "locales/en.toml:6: help.titel: not in locales/ko.toml")
        #expect(error(en: Self.en.replacingOccurrences(of: "start =", with: "strat ="))
            == "locales/en.toml:3: welcome.strat: not in locales/ko.toml (did you mean 'welcome.start'?)")
    }

    @Test func aValueThatIsNotAStringFails() {
        #expect(error(en: Self.en.replacingOccurrences(of: "\"Hello\"", with: "42"))
            == "locales/en.toml:2: welcome.title = 42: expected a string")
    }
}
