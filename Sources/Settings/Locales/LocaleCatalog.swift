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
    private let strings: [LocaleKey: String]
    private let reference: [LocaleKey: String]

    init(language: Language, strings: [LocaleKey: String], reference: [LocaleKey: String]) {
        self.language = language
        self.strings = strings
        self.reference = reference
    }

    /// The string for `key` with each `{name}` replaced by `args[name]`.
    ///
    /// A placeholder without an argument stays as written, so a missing argument shows up on
    /// screen instead of silently vanishing.
    public func text(_ key: LocaleKey, _ args: [String: String] = [:]) -> String {
        let template = strings[key] ?? reference[key] ?? key.rawValue
        return args.isEmpty ? template : Self.fill(template, args)
    }

    /// Whether this language itself has `key` (without falling back).
    public func contains(_ key: LocaleKey) -> Bool { strings[key] != nil }

    static func fill(_ template: String, _ args: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
               isPlaceholderName(rest[afterOpen..<close]),
               let value = args[String(rest[afterOpen..<close])] {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// The `{name}` placeholders in `template`, in order of first appearance.
    static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = rest[afterOpen..<close]
            if isPlaceholderName(name) {
                if !names.contains(String(name)) { names.append(String(name)) }
                rest = rest[rest.index(after: close)...]
            } else {
                rest = rest[afterOpen...]
            }
        }
        return names
    }

    private static func isPlaceholderName(_ name: Substring) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
