import Foundation
import Testing
@testable import Settings

/// Checks over the real `locales/` folder: what the kiosk will actually show.
@Suite struct LocaleFilesTests {
    @Test func everyLocaleHasEveryKeyWithTheSamePlaceholders() throws {
        var tables: [Language: LocaleBundle.Table] = [:]
        for language in Language.allCases {
            let url = Fixtures.locales.appendingPathComponent("\(language.rawValue).toml")
            let document = try TOMLDocument(contentsOf: url, displayPath: "locales/\(language.rawValue).toml")
            tables[language] = try LocaleBundle.readTable(document, language: language)
        }
        let problems = LocaleBundle.problems(in: tables)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        // And the loader agrees.
        let bundle = try LocaleBundle.load(from: Fixtures.locales)
        #expect(bundle.keys.count > 30)
    }

    @Test func theFoundationsStringsArePresent() throws {
        let bundle = try LocaleBundle.load(from: Fixtures.locales)
        let korean = bundle.catalog(.ko)
        #expect(korean.text("too_small.title") == "화면이 너무 작습니다")
        for language in Language.allCases {
            let catalog = bundle.catalog(language)
            #expect(catalog.text("language.ko") == "한국어")
            #expect(catalog.text("language.en") == "English")
            #expect(catalog.text("language.zh") == "中文")
            #expect(catalog.text("language.vi") == "Tiếng Việt")
            for key in bundle.keys {
                #expect(catalog.contains(key), "\(language) lacks \(key)")
            }
        }
        // Translations are real: apart from language names (each written in its own language),
        // the machine-read "ok:" line and pure formats without words, no locale repeats the Korean.
        func hasWords(_ template: String) -> Bool {
            LocaleCatalog.fill(template, Dictionary(uniqueKeysWithValues: LocaleCatalog.placeholders(in: template).map { ($0, "") }))
                .contains { $0.isLetter }
        }
        for language in Language.allCases where language != .ko {
            let catalog = bundle.catalog(language)
            let copied = bundle.keys.filter { key in
                !key.rawValue.hasPrefix("language.") && key.rawValue != "cli.check_config.ok"
                    && hasWords(korean.text(key)) && catalog.text(key) == korean.text(key)
            }
            #expect(copied.isEmpty, "\(language) repeats the Korean for \(copied)")
        }
    }

    @Test func helpTextsTakeTheCentreFromKioskConf() throws {
        let bundle = try LocaleBundle.load(from: Fixtures.locales)
        let config = try KioskConfig.load(path: Fixtures.kioskConf.path, mustExist: true)
        for language in Language.allCases {
            let catalog = bundle.catalog(language)
            let args = config.centre.placeholders(in: language)
            let help = ["help.counter", "help.hours", "help.phone"].map { catalog.text(LocaleKey($0), args) }.joined()
            #expect(help.contains("129"))
            #expect(help.contains(config.centre.hours.text(in: language)))
            #expect(help.contains(config.centre.counter.text(in: language)))
            #expect(!help.contains("{"), "\(language): \(help)")
        }
    }

    /// Characters whose width terminals disagree on (East Asian Ambiguous), which the brief keeps
    /// out of UI strings: middle dot, reference mark, dagger, bullets and ellipsis, arrows, box
    /// drawing, blocks, geometric shapes and miscellaneous symbols.
    static func isAmbiguousChrome(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00B7, 0x00D7, 0x203B, 0x2020...0x2027, 0x2190...0x21FF, 0x2500...0x25FF, 0x2600...0x26FF:
            true
        default:
            false
        }
    }

    @Test func noStringUsesAmbiguousWidthSymbols() throws {
        let bundle = try LocaleBundle.load(from: Fixtures.locales)
        for language in Language.allCases {
            let catalog = bundle.catalog(language)
            for key in bundle.keys {
                let bad = catalog.text(key).unicodeScalars.filter(Self.isAmbiguousChrome)
                #expect(bad.isEmpty, "locales/\(language.rawValue).toml \(key): \(bad.map { "U+" + String($0.value, radix: 16, uppercase: true) })")
            }
        }
        #expect(Self.isAmbiguousChrome("→"))
        #expect(Self.isAmbiguousChrome("·"))
        #expect(!Self.isAmbiguousChrome("한"))
    }
}
