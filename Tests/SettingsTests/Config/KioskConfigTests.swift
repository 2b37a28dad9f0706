import Foundation
import Testing
@testable import Settings

@Suite struct KioskConfigTests {
    let base = URL(fileURLWithPath: "/srv/kiosk", isDirectory: true)

    func parse(_ text: String) throws(ConfigError) -> KioskConfig {
        try KioskConfig.parse(text: text, displayPath: "kiosk.conf", baseDirectory: base)
    }

    /// The one line a broken kiosk.conf produces.
    func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    // MARK: - Defaults

    @Test func anEmptyFileGivesTheEmbeddedDefaults() throws {
        let config = try parse("")
        #expect(config.kiosk.id == KioskID("kiosk-1"))
        #expect(config.kiosk.language == .ko)
        #expect(config.kiosk.idleTimeout == .seconds(90))
        #expect(config.kiosk.idleWarning == .seconds(20))
        #expect(config.kiosk.accessibility == false)
        #expect(config.paths.rules.path == "/srv/kiosk/rules/kr-welfare")
        #expect(config.paths.extraRules.map(\.path) == ["/srv/kiosk/rules/kr-culture"])
        #expect(config.paths.locales.path == "/srv/kiosk/locales")
        #expect(config.paths.themes.path == "/srv/kiosk/themes")
        #expect(config.paths.database.path == "/srv/kiosk/var/kiosk.sqlite")
        #expect(config.display.theme == ThemeName("default"))
        #expect(config.display.highContrastTheme == ThemeName("high-contrast"))
        #expect(config.centre.phone == "129")
        #expect(config == KioskConfig.defaults(baseDirectory: base).withSource(config.source, displayPath: "kiosk.conf"))
    }

    @Test func theShippedFileStatesExactlyTheDefaults() throws {
        let shipped = try KioskConfig.load(path: Fixtures.kioskConf.path, mustExist: true)
        let defaults = KioskConfig.defaults(baseDirectory: Fixtures.repoRoot)
        #expect(shipped.kiosk == defaults.kiosk)
        #expect(shipped.paths == defaults.paths)
        #expect(shipped.display == defaults.display)
        #expect(shipped.log == defaults.log)
        #expect(shipped.llm == defaults.llm)
        #expect(shipped.staff == defaults.staff)
        #expect(shipped.centre.name == defaults.centre.name)
        #expect(shipped.centre.phone == defaults.centre.phone)
        // The shipped file adds translations; its Korean is the default's.
        #expect(shipped.centre.counter.korean == defaults.centre.counter.korean)
        #expect(shipped.centre.hours.korean == defaults.centre.hours.korean)
        #expect(shipped.centre.counter.translations.count == 3)
    }

    @Test func everyKeyInTheShippedFileHasACommentAboveIt() throws {
        let lines = try Fixtures.read(Fixtures.kioskConf).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let text = line.trimmingWhitespace()
            guard !text.isEmpty, !text.hasPrefix("#"), !text.hasPrefix("[") else { continue }
            let above = index > 0 ? lines[index - 1].trimmingWhitespace() : ""
            #expect(above.hasPrefix("#"), "kiosk.conf:\(index + 1): '\(text)' has no comment above it")
        }
    }

    // MARK: - Values

    @Test func readsEveryKind() throws {
        let config = try parse("""
            [kiosk]
            id = "siheung-jeongwang.2"
            language = "vi"
            idle_seconds = 120
            idle_warning_seconds = 30
            accessibility = true
            [paths]
            rules = "/opt/rules/main"
            extra_rules = []
            database = "../data/kiosk.sqlite"
            [centre]
            name = "시흥시 정왕본동 행정복지센터"
            hours = { ko = "평일", vi = "Ngày thường" }
            phone = "031-310-2114"
            """)
        #expect(config.kiosk.id.rawValue == "siheung-jeongwang.2")
        #expect(config.kiosk.language == .vi)
        #expect(config.kiosk.idleTimeout == .seconds(120))
        #expect(config.kiosk.idleWarning == .seconds(30))
        #expect(config.kiosk.accessibility)
        #expect(config.paths.rules.path == "/opt/rules/main")
        #expect(config.paths.extraRules.isEmpty)
        #expect(config.paths.database.path == "/srv/data/kiosk.sqlite")
        #expect(config.centre.name.text(in: .en) == "시흥시 정왕본동 행정복지센터")
        #expect(config.centre.hours.text(in: .vi) == "Ngày thường")
        #expect(config.centre.hours.text(in: .zh) == "평일")
        #expect(config.centre.phone == "031-310-2114")
    }

    @Test func centreTextsAreNormalisedToNFC() throws {
        let decomposed = "\u{1112}\u{1161}\u{11AB}"  // 한 as three jamo
        let config = try parse("[centre]\nname = \"\(decomposed)\"\n")
        #expect(config.centre.name.korean.unicodeScalars.count == 1)
        #expect(config.centre.placeholders(in: .en)["centre"] == "한")
    }

    // MARK: - Errors, each naming file:line and key

    @Test func wrongTypeNamesTheLineTheKeyAndWhatWouldDo() {
        #expect(error("[kiosk]\nid = \"a\"\n\nidle_seconds = \"90s\"\n")
            == #"kiosk.conf:4: [kiosk] idle_seconds = "90s": expected an integer from 15 to 3600"#)
        #expect(error("[kiosk]\naccessibility = \"yes\"\n")
            == #"kiosk.conf:2: [kiosk] accessibility = "yes": expected true or false"#)
        #expect(error("[paths]\nextra_rules = \"rules/kr-culture\"\n")
            == #"kiosk.conf:2: [paths] extra_rules = "rules/kr-culture": expected a list of non-empty paths"#)
        #expect(error("[display]\ntheme = \"Default.toml\"\n")
            == #"kiosk.conf:2: [display] theme = "Default.toml": expected a theme file name without .toml (lowercase letters, digits, '-', '_')"#)
    }

    @Test func outOfRangeNamesTheLimits() throws {
        #expect(error("[kiosk]\nidle_seconds = 10 # too short\n")
            == "kiosk.conf:2: [kiosk] idle_seconds = 10: expected an integer from 15 to 3600")
        #expect(error("[kiosk]\nlanguage = \"jp\"\n")
            == #"kiosk.conf:2: [kiosk] language = "jp": expected one of "ko", "en", "zh", "vi""#)
        #expect(error("[kiosk]\nid = \"kiosk 1\"\n")
            == #"kiosk.conf:2: [kiosk] id = "kiosk 1": expected 1 to 64 letters, digits, '-', '_' or '.'"#)
        #expect(error("[staff]\npin_hash = \"\"\ndemo_step_seconds = 0.1\n")
            == "kiosk.conf:3: [staff] demo_step_seconds = 0.1: expected a number from 0.2 to 10.0")
        #expect(try parse("[staff]\ndemo_step_seconds = 3\n").staff.demoStep == .seconds(3))
        #expect(error("[centre]\nphone = \"129 ext\"\n")
            == #"kiosk.conf:2: [centre] phone = "129 ext": expected a phone number of digits and '-'"#)
    }

    @Test func keysThatContradictEachOtherBlameTheOneWritten() {
        #expect(error("[kiosk]\nidle_seconds = 90\nidle_warning_seconds = 90\n")
            == "kiosk.conf:3: [kiosk] idle_warning_seconds = 90: must be less than idle_seconds (90)")
        #expect(error("[kiosk]\nidle_seconds = 20\n")
            == "kiosk.conf:2: [kiosk] idle_seconds = 20: must be more than idle_warning_seconds (20)")
    }

    @Test func unknownKeysAndSectionsSuggestTheClosestName() {
        #expect(error("[kiosk]\nidle_secnds = 90\n")
            == "kiosk.conf:2: [kiosk] idle_secnds: unknown key (did you mean 'idle_seconds'?)")
        #expect(error("[kiosk]\nfavourite_colour = 1\n") == "kiosk.conf:2: [kiosk] favourite_colour: unknown key")
        #expect(error("# settings\n[dispaly]\ntheme = \"default\"\n")
            == "kiosk.conf:2: [dispaly]: unknown section (did you mean [display]?)")
        #expect(error("idle_seconds = 90\n[kiosk]\n")
            == "kiosk.conf:1: idle_seconds: key outside any [section] (did you mean [kiosk] idle_seconds?)")
        #expect(error("[centre]\ncounter = { ko = \"창구\", jp = \"窓口\" }\n")
            == #"kiosk.conf:2: [centre] counter = { ko = "창구", jp = "窓口" }: expected a non-empty string, or a table of them by language with ko required (ko, en, zh, vi)"#)
    }

    @Test func syntaxErrorsUseTOMLKitsLineAndColumn() {
        let message = error("[kiosk]\nlanguage = \n")
        #expect(message?.hasPrefix("kiosk.conf:2:12: not valid TOML: ") == true, "\(message ?? "no error")")
        let header = error("[kiosk\n")
        #expect(header?.hasPrefix("kiosk.conf:1:7: not valid TOML: ") == true, "\(header ?? "no error")")
    }

    @Test func theEarliestProblemInTheFileIsReportedFirst() {
        #expect(error("[kiosk]\nlanguage = \"xx\"\n[display]\ntheme = 3\n[kiosk.extra]\n")
            == #"kiosk.conf:2: [kiosk] language = "xx": expected one of "ko", "en", "zh", "vi""#)
    }

    @Test func aByteOrderMarkDoesNotHideTheFirstHeader() {
        #expect(error("\u{FEFF}[kiosk]\nidle_secnds = 90\n")
            == "kiosk.conf:2: [kiosk] idle_secnds: unknown key (did you mean 'idle_seconds'?)")
    }

    // MARK: - Files

    @Test func aFolderInPlaceOfTheFileSaysSo() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("kiosk.conf")
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        #expect(throws: ConfigError(file: KioskConfig.displayName(for: path), message: "is a folder, expected a TOML file")) {
            try KioskConfig.load(path: path.path, mustExist: true)
        }
    }

    @Test func aMissingFileIsAnErrorOnlyWhenNamed() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("kiosk.conf").path
        #expect(throws: ConfigError.self) { try KioskConfig.load(path: path, mustExist: true) }
        let defaults = try KioskConfig.load(path: path, mustExist: false)
        #expect(defaults.source == nil)
        #expect(defaults.displayPath == "(built-in defaults)")
        // On the defaults, paths resolve against the current directory.
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        #expect(defaults.paths.locales == cwd.appendingPathComponent("locales").standardizedFileURL)
    }

    @Test func relativePathsResolveAgainstTheFolderHoldingTheFile() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("etc/kiosk.conf", "[paths]\nthemes = \"../share/themes\"\n")
        let config = try KioskConfig.load(path: file.path, mustExist: true)
        #expect(config.paths.themes == folder.url.appendingPathComponent("share/themes").standardizedFileURL)
        #expect(config.paths.locales == folder.url.appendingPathComponent("etc/locales").standardizedFileURL)
        #expect(config.source == file.standardizedFileURL)
    }
}

extension KioskConfig {
    /// The same settings as if read from another file, to compare values regardless of origin.
    func withSource(_ source: URL?, displayPath: String) -> KioskConfig {
        KioskConfig(kiosk: kiosk, paths: paths, display: display, accessibility: accessibility, centre: centre, log: log, llm: llm, staff: staff, source: source, displayPath: displayPath)
    }
}
