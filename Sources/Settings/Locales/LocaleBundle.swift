import Foundation

/// All four languages' strings, loaded from `locales/` and checked against each other.
///
/// Korean is the reference: every other language must have exactly its keys, with exactly its
/// placeholders, so switching language can never leave a word untranslated or a `{phone}` unfilled.
public struct LocaleBundle: Sendable {
    /// One file's strings, with the line of each key for messages.
    struct Table: Sendable {
        let language: Language
        let displayPath: String
        let strings: [LocaleKey: String]
        let templates: [LocaleKey: Template]
        let document: TOMLDocument

        func line(of key: LocaleKey) -> Int { document.line(of: key.rawValue.split(separator: ".").map(String.init)) }
    }

    private let tables: [Language: Table]

    /// Every key, sorted.
    public var keys: [LocaleKey] {
        (tables[.reference]?.strings.keys.map { $0 } ?? []).sorted { $0.rawValue < $1.rawValue }
    }

    /// The catalog for `language`.
    public func catalog(_ language: Language) -> LocaleCatalog {
        LocaleCatalog(
            language: language,
            templates: tables[language]?.templates ?? [:],
            reference: tables[.reference]?.templates ?? [:])
    }

    /// Loads `ko.toml`, `en.toml`, `zh.toml` and `vi.toml` from `folder` and checks them.
    public static func load(from folder: URL) throws(ConfigError) -> LocaleBundle {
        var tables: [Language: Table] = [:]
        for language in Language.allCases {
            let url = folder.appendingPathComponent("\(language.rawValue).toml")
            let document = try TOMLDocument(contentsOf: url, displayPath: KioskConfig.displayName(for: url))
            tables[language] = try readTable(document, language: language)
        }
        if let first = problems(in: tables).first { throw first }
        return LocaleBundle(tables: tables)
    }

    /// Builds a bundle from texts already in memory (for tests and tools); checked like `load`.
    public static func parse(_ texts: [Language: String]) throws(ConfigError) -> LocaleBundle {
        var tables: [Language: Table] = [:]
        for (language, text) in texts {
            let document = try TOMLDocument(text: text, displayPath: "locales/\(language.rawValue).toml")
            tables[language] = try readTable(document, language: language)
        }
        if let first = problems(in: tables).first { throw first }
        return LocaleBundle(tables: tables)
    }

    // MARK: - Reading and checking

    /// Flattens nested tables into dotted keys, NFC-normalising every string.
    static func readTable(_ document: TOMLDocument, language: Language) throws(ConfigError) -> Table {
        var strings: [LocaleKey: String] = [:]
        var problems: [ConfigError] = []
        func walk(_ table: [String: TOMLNode], path: [String]) {
            for (key, node) in table {
                let keyPath = path + [key]
                switch node {
                case .table(let inner):
                    walk(inner, path: keyPath)
                case .string(let text):
                    strings[LocaleKey(keyPath.joined(separator: "."))] = text.nfc
                default:
                    problems.append(ConfigError(
                        file: document.displayPath, line: document.line(of: keyPath),
                        message: "\(keyPath.joined(separator: ".")) = \(document.rawValue(of: keyPath, fallback: node)): expected a string"))
                }
            }
        }
        walk(document.root, path: [])
        if let first = problems.min(by: { ($0.line ?? 0) < ($1.line ?? 0) }) { throw first }
        return Table(
            language: language, displayPath: document.displayPath, strings: strings,
            templates: strings.mapValues(Template.init), document: document)
    }

    /// Every disagreement between the reference (Korean) and the others, reference first.
    static func problems(in tables: [Language: Table]) -> [ConfigError] {
        guard let reference = tables[.reference] else {
            return [ConfigError(file: "locales/\(Language.reference.rawValue).toml", message: "file not found")]
        }
        var problems: [ConfigError] = []
        let referenceKeys = reference.strings.keys.map(\.rawValue)
        for language in Language.allCases where language != .reference {
            guard let table = tables[language] else {
                problems.append(ConfigError(file: "locales/\(language.rawValue).toml", message: "file not found"))
                continue
            }
            // Keys the reference lacks come first: a renamed key shows up both as unknown here
            // and as missing below, and the unknown one carries the "did you mean".
            var found: [ConfigError] = []
            var missing: [ConfigError] = []
            for (key, text) in table.strings {
                guard let referenceText = reference.strings[key] else {
                    let hint = didYouMean(key.rawValue, in: referenceKeys)
                    found.append(ConfigError(
                        file: table.displayPath, line: table.line(of: key),
                        message: "\(key): not in \(reference.displayPath)\(hint)"))
                    continue
                }
                let mine = table.templates[key, default: Template(text)].placeholderNames.sorted()
                let theirs = reference.templates[key, default: Template(referenceText)].placeholderNames.sorted()
                if mine != theirs {
                    found.append(ConfigError(
                        file: table.displayPath, line: table.line(of: key),
                        message: "\(key): placeholders \(listed(mine)) differ from \(listed(theirs)) in \(reference.displayPath):\(reference.line(of: key))"))
                }
            }
            for key in reference.strings.keys where table.strings[key] == nil {
                let section = key.rawValue.split(separator: ".").dropLast().map(String.init)
                let sectionLine = section.isEmpty ? nil : table.document.line(of: section)
                missing.append(ConfigError(
                    file: table.displayPath, line: sectionLine,
                    message: "\(key): missing (\(reference.displayPath):\(reference.line(of: key)) has it)"))
            }
            let byLine = { (a: ConfigError, b: ConfigError) in (a.line ?? 0, a.message) < (b.line ?? 0, b.message) }
            problems += found.sorted(by: byLine) + missing.sorted(by: byLine)
        }
        return problems
    }

    private static func listed(_ names: [String]) -> String {
        names.isEmpty ? "(none)" : names.map { "{\($0)}" }.joined(separator: ", ")
    }
}
