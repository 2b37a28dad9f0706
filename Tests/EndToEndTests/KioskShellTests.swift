import Foundation
import Testing

/// The shipped binary, driven in tmux exactly as a person at the kiosk would drive it.
@Suite("Kiosk shell, end to end in tmux", .serialized)
struct KioskShellTests {
    /// Read from the shipped locale, so a reworded screen does not break the test.
    static let koreanTitle = localeString(language: "ko", section: "attract", key: "title")
    static let englishTitle = localeString(language: "en", section: "privacy", key: "title")
    static let tooSmall = localeString(language: "ko", section: "too_small", key: "title")

    @Test("starts at 80x24 with the Korean attract screen")
    func startsInKorean() throws {
        let kiosk = try TmuxKiosk()
        let screen = try kiosk.waitForScreen("the Korean attract screen") { $0.contains(Self.koreanTitle) }
        #expect(screen.contains(localeString(language: "ko", section: "attract", key: "start")))
        #expect(try kiosk.exitStatus() == nil)
    }

    @Test("resizes to 40x12, 20x6 and back, laying out again each time")
    func resizes() throws {
        let kiosk = try TmuxKiosk()
        try kiosk.waitForScreen("the welcome") { $0.contains(Self.koreanTitle) }
        try kiosk.resize(width: 40, height: 12)
        try kiosk.waitForScreen("the compact welcome at 40x12") { $0.contains(Self.koreanTitle) && !$0.contains(Self.tooSmall) }
        try kiosk.resize(width: 20, height: 6)
        try kiosk.waitForScreen("the too-small notice at 20x6") { $0.contains(Self.tooSmall) }
        try kiosk.resize(width: 80, height: 24)
        let screen = try kiosk.waitForScreen("the welcome back at 80x24") { $0.contains(Self.koreanTitle) }
        #expect(!screen.contains(Self.tooSmall))
    }

    @Test("^C, ^Z and ^\\ leave it running on the same screen")
    func ignoresControlKeys() throws {
        let kiosk = try TmuxKiosk()
        try kiosk.waitForScreen("the welcome") { $0.contains(Self.koreanTitle) }
        try kiosk.send("C-c")
        try kiosk.send("C-z")
        try kiosk.send("C-\\")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try kiosk.exitStatus() == nil)
        #expect(kill(try kiosk.pid(), 0) == 0, "the process is still alive")
        #expect(try kiosk.screen().contains(Self.koreanTitle))
    }

    @Test("any key, then choosing English, shows the privacy notice in English")
    func switchesLanguage() throws {
        let kiosk = try TmuxKiosk()
        try kiosk.waitForScreen("the welcome") { $0.contains(Self.koreanTitle) }
        try kiosk.send("Enter")
        try kiosk.waitForScreen("the language choice") { $0.contains("English") }
        try kiosk.send("2")
        try kiosk.waitForScreen("the English privacy notice") { $0.contains(Self.englishTitle) }
    }

    @Test("SIGTERM restores the terminal and exits 0")
    func exitsOnSigterm() throws {
        let kiosk = try TmuxKiosk()
        try kiosk.waitForScreen("the welcome") { $0.contains(Self.koreanTitle) }
        #expect(kill(try kiosk.pid(), SIGTERM) == 0)
        #expect(try kiosk.waitForExit() == 0)
    }

    @Test("SIGHUP exits 0 too")
    func exitsOnSighup() throws {
        let kiosk = try TmuxKiosk()
        try kiosk.waitForScreen("the welcome") { $0.contains(Self.koreanTitle) }
        #expect(kill(try kiosk.pid(), SIGHUP) == 0)
        #expect(try kiosk.waitForExit() == 0)
    }

    @Test("a kiosk.conf error is one line naming file:line and key, and exit 2")
    func badConfig() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("kiosk.conf")
        try "[kiosk]\nidle_seconds = \"soon\"\n".write(to: config, atomically: true, encoding: .utf8)
        let kiosk = try TmuxKiosk(arguments: ["--config", config.path])
        #expect(try kiosk.waitForExit() == 2)
        let screen = try kiosk.screen()
        #expect(screen.contains("kiosk.conf:2:"))
        #expect(screen.contains("idle_seconds"))
    }
}

/// One string from `locales/<language>.toml` (a plain `key = "value"` line in `[section]`).
func localeString(language: String, section: String, key: String) -> String {
    let file = TmuxKiosk.repositoryRoot.appendingPathComponent("locales/\(language).toml")
    let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    var current = ""
    for line in text.split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("[") { current = String(trimmed.dropFirst().dropLast()); continue }
        guard current == section, trimmed.hasPrefix(key + " ") || trimmed.hasPrefix(key + "=") else { continue }
        if let start = trimmed.firstIndex(of: "\""), let end = trimmed.lastIndex(of: "\""), start < end {
            return String(trimmed[trimmed.index(after: start)..<end])
        }
    }
    return "\(language).\(section).\(key) not found"
}
