/// A language the kiosk speaks. Korean is the reference every other locale is checked against.
public enum Language: String, CaseIterable, Sendable, Codable {
    case ko, en, zh, vi

    /// The language everything falls back to.
    public static let reference = Language.ko
}

/// A citizen-facing text from kiosk.conf, in Korean and optionally in the other languages.
///
/// The centre's name, counter and hours are data the city edits; a Vietnamese speaker asking
/// where to go should not be told only in Korean, so each may be a table keyed by language,
/// and any language left out shows the Korean.
public struct LocalizedText: Sendable, Equatable {
    public let korean: String
    public let translations: [Language: String]

    public init(korean: String, translations: [Language: String] = [:]) {
        self.korean = korean
        self.translations = translations
    }

    /// The text in `language`, or the Korean when that language was not given.
    public func text(in language: Language) -> String {
        translations[language] ?? korean
    }

    /// Accepts `"text"` or `{ ko = "…", en = "…" }` (with `ko` required).
    static func convert(_ node: TOMLNode) -> Result<LocalizedText, Expectation> {
        let expectation = Expectation("a non-empty string, or a table of them by language with ko required (ko, en, zh, vi)")
        switch node {
        case .string(let text) where !text.trimmingWhitespace().isEmpty:
            return .success(LocalizedText(korean: text.nfc))
        case .table(let table):
            var texts: [Language: String] = [:]
            for (code, value) in table {
                guard let language = Language(rawValue: code), case .string(let text) = value,
                      !text.trimmingWhitespace().isEmpty
                else { return .failure(expectation) }
                texts[language] = text.nfc
            }
            guard let korean = texts.removeValue(forKey: .ko) else { return .failure(expectation) }
            return .success(LocalizedText(korean: korean, translations: texts))
        default:
            return .failure(expectation)
        }
    }
}
