/// A dotted `section.key` naming one user-visible string in `locales/*.toml`.
public struct LocaleKey: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

/// The strings of one language, with Korean behind them.
///
/// A screen asks for text by key and never crashes: a key missing in this language shows the
/// Korean, and a key missing everywhere shows the key itself, which a snapshot test will catch.
/// `LocaleBundle.load` refuses incomplete folders, so in a running kiosk neither fallback
/// should ever be taken.
public struct LocaleCatalog: Sendable {
    public let language: Language
    private let templates: [LocaleKey: Template]
    private let reference: [LocaleKey: Template]

    init(language: Language, templates: [LocaleKey: Template], reference: [LocaleKey: Template]) {
        self.language = language
        self.templates = templates
        self.reference = reference
    }

    /// A catalog over plain strings (parsed here), for tests and tools.
    init(language: Language, strings: [LocaleKey: String], reference: [LocaleKey: String]) {
        self.init(language: language, templates: strings.mapValues(Template.init), reference: reference.mapValues(Template.init))
    }

    /// The string for `key` with each `{name}` replaced by `args[name]`.
    ///
    /// A placeholder without an argument stays as written, so a missing argument shows up on
    /// screen instead of silently vanishing.
    public func text(_ key: LocaleKey, _ args: [String: String] = [:]) -> String {
        guard let template = templates[key] ?? reference[key] else { return key.rawValue }
        return template.render(args)
    }

    /// Whether this language itself has `key` (without falling back).
    public func contains(_ key: LocaleKey) -> Bool { templates[key] != nil }

    static func fill(_ template: String, _ args: [String: String]) -> String {
        Template(template).render(args)
    }

    /// The `{name}` placeholders in `template`, in order of first appearance.
    static func placeholders(in template: String) -> [String] {
        Template(template).placeholderNames
    }
}
