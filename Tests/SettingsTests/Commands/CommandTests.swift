import Foundation
import Testing

/// `check-config` and `themes check` run as the real binary, as staff would run them.
@Suite struct CommandTests {
    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    /// The `welfare-kiosk` binary built beside this test bundle.
    static let binary: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("welfare-kiosk")

    func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> Run {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path),
                     "build welfare-kiosk first (swift build): \(Self.binary.path)")
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "KIOSK_CONFIG")
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   output: String(decoding: output, as: UTF8.self),
                   errors: String(decoding: errors, as: UTF8.self))
    }

    // MARK: - check-config

    /// What check-config adds when staff entry is off, as it is in the shipped kiosk.conf.
    static let noPinNote = "note: [staff] pin_hash is empty, so staff entry is disabled (set a PIN with welfare-kiosk set-pin)\n"

    @Test func checkConfigAcceptsTheShippedFiles() throws {
        let result = try run(["check-config"], in: Fixtures.repoRoot)
        #expect(result.status == 0)
        #expect(result.output == "ok: kiosk.conf\n" + Self.noPinNote)
        #expect(result.errors == "")
    }

    /// deploy/kiosk.conf, with /opt/welfare-kiosk standing for a folder laid out as the README's
    /// deployment lays it out (rules, locales, themes, prompts beside a writable var/).
    @Test func theDeploymentsConfigIsAccepted() throws {
        let opt = FileManager.default.temporaryDirectory.appendingPathComponent("opt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: opt.appendingPathComponent("var"), withIntermediateDirectories: true)
        for folder in ["rules", "locales", "themes", "prompts"] {
            try FileManager.default.createSymbolicLink(at: opt.appendingPathComponent(folder),
                                                       withDestinationURL: Fixtures.repoRoot.appendingPathComponent(folder))
        }
        let shipped = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("deploy/kiosk.conf"), encoding: .utf8)
        #expect(shipped.contains("enlarge_command = [\"kitty\""))
        let config = opt.appendingPathComponent("kiosk.conf")
        try shipped.replacingOccurrences(of: "/opt/welfare-kiosk", with: opt.path).write(to: config, atomically: true, encoding: .utf8)
        let result = try run(["check-config", "--config", config.path], in: opt)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("ok: "))
        // The unit starts kitty with deploy/kitty.conf, which listens where the commands talk.
        let unit = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("deploy/welfare-kiosk.service"), encoding: .utf8)
        #expect(unit.contains("/usr/bin/kitty --config /etc/welfare-kiosk/kitty.conf /opt/welfare-kiosk/bin/welfare-kiosk"))
        let kitty = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("deploy/kitty.conf"), encoding: .utf8)
        let socket = try #require(kitty.split(separator: "\n").first { $0.hasPrefix("listen_on ") }?.dropFirst("listen_on ".count))
        #expect(kitty.contains("allow_remote_control socket-only") && kitty.contains("clear_all_shortcuts yes"))
        #expect(shipped.contains("\"--to\", \"\(socket)\", \"set-font-size\", \"40\"]"))
        #expect(shipped.contains("\"--to\", \"\(socket)\", \"set-font-size\", \"0\"]"))
    }

    @Test func checkConfigPrintsOneLineAndExits2OnABrokenFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("kiosk.conf", "[kiosk]\nid = \"a\"\nidle_seconds = \"90s\"\n")
        let result = try run(["check-config", "--config", "kiosk.conf"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.errors == "kiosk.conf:3: [kiosk] idle_seconds = \"90s\": expected an integer from 15 to 3600\n")
        #expect(result.output == "")
    }

    @Test func checkConfigReadsKioskConfigFromTheEnvironment() throws {
        let folder = try TemporaryFolder()
        try folder.write("site.conf", "[kiosk]\nidle_secnds = 90\n")
        let result = try run(["check-config"], in: folder.url, environment: ["KIOSK_CONFIG": "site.conf"])
        #expect(result.status == 2)
        #expect(result.errors == "site.conf:2: [kiosk] idle_secnds: unknown key (did you mean 'idle_seconds'?)\n")
    }

    @Test func anExplicitMissingFileExits2() throws {
        let folder = try TemporaryFolder()
        let result = try run(["check-config", "--config", "nowhere.conf"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("nowhere.conf: file not found"))
        #expect(result.errors.filter { $0 == "\n" }.count == 1)
    }

    @Test func withoutKioskConfTheEmbeddedDefaultsAreChecked() throws {
        let folder = try TemporaryFolder()
        try folder.copy(Fixtures.themes, to: "themes")
        try folder.copy(Fixtures.locales, to: "locales")
        let result = try run(["check-config"], in: folder.url)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "ok: (built-in defaults)\n" + Self.noPinNote)
    }

    @Test func checkConfigChecksTheThemesAndLocalesItNames() throws {
        let folder = try TemporaryFolder()
        try folder.copy(Fixtures.themes, to: "themes")
        try folder.copy(Fixtures.locales, to: "locales")
        try folder.write("kiosk.conf", "[display]\ntheme = \"sepia\"\n")
        let missing = try run(["check-config"], in: folder.url)
        #expect(missing.status == 2)
        #expect(missing.errors == "themes/sepia.toml: file not found\n")

        try folder.write("kiosk.conf", "")
        let vi = try Fixtures.read(Fixtures.locales.appendingPathComponent("vi.toml"))
        try folder.write("locales/vi.toml", vi.replacingOccurrences(of: "{phone}", with: "129"))
        let placeholders = try run(["check-config"], in: folder.url)
        #expect(placeholders.status == 2)
        #expect(placeholders.errors.hasPrefix("locales/vi.toml:"))
        #expect(placeholders.errors.contains("help.phone: placeholders (none) differ from {phone} in locales/ko.toml:"))
    }

    // MARK: - themes check

    @Test func themesCheckPassesTheShippedThemes() throws {
        let result = try run(["themes", "check"], in: Fixtures.repoRoot)
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains("테마 default"))
        #expect(result.output.contains("테마 high-contrast: 모든 글자가 7:1 이상이어야 해요."))
        #expect(result.output.contains("256색 text: 13.04:1"))
        // Every text role in both palettes, for both themes.
        #expect(result.output.split(separator: "\n").filter { $0.hasPrefix("  ") }.count == 2 * 2 * 7)
    }

    @Test func themesCheckExits1WhenAThemeFallsShort() throws {
        let folder = try TemporaryFolder()
        try folder.copy(Fixtures.themes, to: "themes")
        try folder.copy(Fixtures.locales, to: "locales")
        try folder.write("kiosk.conf", "[kiosk]\nlanguage = \"en\"\n")
        // xterm 244 is #808080: 5.31:1 on black, enough for the default theme but not for 7:1.
        let hc = try Fixtures.read(Fixtures.themes.appendingPathComponent("high-contrast.toml"))
        try folder.write("themes/high-contrast.toml", hc.replacingOccurrences(of: "muted = 252", with: "muted = 244"))
        let result = try run(["themes", "check"], in: folder.url)
        #expect(result.status == 1, "\(result.output)\(result.errors)")
        #expect(result.output.contains("Theme high-contrast: every text role needs 7:1 or more."))
        #expect(result.output.contains("  256 colours muted: 5.31:1 (below 7:1)"))
        #expect(result.output.hasSuffix("1 role(s) fall short of the contrast requirement.\n"))
    }

    @Test func themesCheckExits2OnABrokenTheme() throws {
        let folder = try TemporaryFolder()
        try folder.copy(Fixtures.themes, to: "themes")
        try folder.copy(Fixtures.locales, to: "locales")
        let theme = try Fixtures.read(Fixtures.themes.appendingPathComponent("default.toml"))
        try folder.write("themes/default.toml", theme.replacingOccurrences(of: "text = 255", with: "txet = 255"))
        let result = try run(["themes", "check"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("themes/default.toml:"))
        #expect(result.errors.contains("[xterm256]: missing colour role 'text'") || result.errors.contains("txet: unknown colour role (did you mean 'text'?)"))
    }
}
