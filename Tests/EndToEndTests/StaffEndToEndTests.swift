import Foundation
import Testing

/// Staff mode in the shipped binary, in tmux: the key sequence, the PIN set with `set-pin`,
/// the menu, and the exit to maintenance that systemd must not restart.
@Suite("Staff mode, end to end in tmux", .serialized)
struct StaffEndToEndTests {
    static let menuTitle = localeString(language: "ko", section: "staff", key: "menu_title")
    static let exitTitle = localeString(language: "ko", section: "staff", key: "exit_title")
    static let pinTitle = localeString(language: "ko", section: "staff", key: "pin_title")

    /// The digit a screen numbers a button or item with ("3 지금 종료" → "3").
    static func digit(of label: String, on screen: String) -> String? {
        screen.components(separatedBy: "\n").lazy.compactMap { line -> String? in
            guard let range = line.range(of: " " + label) else { return nil }
            return line[..<range.lowerBound].last.map(String.init)
        }.first
    }

    @Test("/ - / - /, the PIN, Exit for maintenance, confirm: the process exits with status 3")
    func exitForMaintenance() throws {
        let folder = try StaffConfigFolder(pin: "2468")
        let kiosk = try TmuxKiosk(arguments: ["--config", folder.config.path])
        try kiosk.waitForScreen("the attract screen") { $0.contains(KioskShellTests.koreanTitle) }
        try kiosk.send("/-/-/")
        try kiosk.waitForScreen("the PIN screen") { $0.contains(Self.pinTitle) }
        try kiosk.send("2468", "Enter")
        let menu = try kiosk.waitForScreen("the staff menu") { $0.contains(Self.menuTitle) }
        // The digit the menu numbers "exit for maintenance" with, read off the screen, so items
        // added to the menu later do not break the test.
        let digit = try #require(Self.digit(of: localeString(language: "ko", section: "staff", key: "item_exit"), on: menu),
                                 "the exit item on the menu:\n\(menu)")
        try kiosk.send(digit)
        let confirmation = try kiosk.waitForScreen("the exit confirmation") { $0.contains(Self.exitTitle) }
        // Cancel comes first and has the focus; the confirm button's digit is read off the screen.
        let confirmDigit = try #require(Self.digit(of: localeString(language: "ko", section: "staff", key: "exit_confirm"), on: confirmation),
                                        "the confirm button:\n\(confirmation)")
        #expect(confirmDigit == "2")
        try kiosk.send(confirmDigit)
        #expect(try kiosk.waitForExit() == 3)
        // The marker deploy/welfare-kiosk.service reads, since cage drops the exit status.
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("var/maintenance-exit").path))
        // The next start clears it, so a later crash is not mistaken for a maintenance stop.
        let restarted = try TmuxKiosk(arguments: ["--config", folder.config.path])
        try restarted.waitForScreen("the attract screen after a restart") { $0.contains(KioskShellTests.koreanTitle) }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("var/maintenance-exit").path))
        // The log was opened and closed cleanly: the file exists and its WAL was checkpointed away
        // or left consistent (SQLite opens it either way).
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("var/kiosk.sqlite").path))
    }

    @Test("a wrong PIN stays on the PIN screen and says so; '.' returns to the attract screen")
    func wrongPin() throws {
        let folder = try StaffConfigFolder(pin: "2468")
        let kiosk = try TmuxKiosk(arguments: ["--config", folder.config.path])
        try kiosk.waitForScreen("the attract screen") { $0.contains(KioskShellTests.koreanTitle) }
        try kiosk.send("/-/-/")
        try kiosk.waitForScreen("the PIN screen") { $0.contains(Self.pinTitle) }
        try kiosk.send("1111", "Enter")
        try kiosk.waitForScreen("the wrong-PIN message") { $0.contains("4") && $0.contains(Self.pinTitle) }
        try kiosk.send(".")
        try kiosk.waitForScreen("the attract screen again") { $0.contains(KioskShellTests.koreanTitle) }
        #expect(try kiosk.exitStatus() == nil)
    }
}

/// A kiosk.conf in a scratch folder using the repository's packs, locales and themes, with its
/// PIN set by the real `welfare-kiosk set-pin`.
final class StaffConfigFolder {
    let url: URL
    var config: URL { url.appendingPathComponent("kiosk.conf") }

    init(pin: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-e2e-staff-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let root = TmuxKiosk.repositoryRoot.path
        try """
            [paths]
            rules = "\(root)/rules/kr-welfare"
            extra_rules = ["\(root)/rules/kr-culture"]
            locales = "\(root)/locales"
            themes = "\(root)/themes"
            database = "var/kiosk.sqlite"
            staff_lock = "var/staff-lock"

            [llm]
            explain_prompt = "\(root)/prompts/explain.ko.txt"
            answer_prompt = "\(root)/prompts/answer.ko.txt"

            """.write(to: config, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxKiosk.binary)
        process.arguments = ["set-pin", "--config", config.path]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("\(pin)\n\(pin)\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TmuxError("set-pin failed with status \(process.terminationStatus)") }
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
