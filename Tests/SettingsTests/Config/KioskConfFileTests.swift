import Foundation
import Testing
@testable import Settings

/// `set-pin`'s edit of kiosk.conf: one line changes, every other byte stays.
@Suite struct KioskConfFileTests {
    static let hash = StaffPinHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g")
    static let base = URL(fileURLWithPath: "/tmp")

    func set(_ text: String) throws -> String {
        try KioskConfFile.settingPinHash(in: text, to: Self.hash, baseDirectory: Self.base)
    }

    @Test func replacesTheExistingLineKeepingIndentAndComment() throws {
        let text = "# top\n[kiosk]\nid = \"a\"\n\n[staff]\n  pin_hash = \"\"   # set with set-pin\nidle_seconds = 60\n"
        let result = try set(text)
        #expect(result == "# top\n[kiosk]\nid = \"a\"\n\n[staff]\n  pin_hash = \"\(Self.hash.rawValue)\"   # set with set-pin\nidle_seconds = 60\n")
    }

    @Test func addsTheKeyUnderAnExistingTable() throws {
        let result = try set("[staff]\nidle_seconds = 60\n")
        #expect(result == "[staff]\npin_hash = \"\(Self.hash.rawValue)\"\nidle_seconds = 60\n")
    }

    @Test func appendsATableWhenMissing() throws {
        #expect(try set("[kiosk]\nid = \"a\"\n") == "[kiosk]\nid = \"a\"\n\n[staff]\npin_hash = \"\(Self.hash.rawValue)\"\n")
        #expect(try set("[kiosk]\nid = \"a\"") == "[kiosk]\nid = \"a\"\n\n[staff]\npin_hash = \"\(Self.hash.rawValue)\"\n")
        #expect(try set("") == "\n[staff]\npin_hash = \"\(Self.hash.rawValue)\"\n")
    }

    @Test func keepsWindowsLineEndings() throws {
        let result = try set("[kiosk]\r\nid = \"a\"\r\n[staff]\r\npin_hash = \"\"\r\n")
        #expect(result == "[kiosk]\r\nid = \"a\"\r\n[staff]\r\npin_hash = \"\(Self.hash.rawValue)\"\r\n")
    }

    @Test func theShippedFileChangesInOneLineOnly() throws {
        let shipped = try String(contentsOf: Fixtures.kioskConf, encoding: .utf8)
        let result = try KioskConfFile.settingPinHash(in: shipped, to: Self.hash, baseDirectory: Fixtures.repoRoot)
        let before = shipped.components(separatedBy: "\n"), after = result.components(separatedBy: "\n")
        #expect(before.count == after.count)
        let changed = zip(before, after).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.1 == "pin_hash = \"\(Self.hash.rawValue)\"")
    }

    @Test func refusesAFileThatIsAlreadyBroken() {
        #expect(throws: ConfigError.self) { try set("[kiosk]\nidle_seconds = \"soon\"\n") }
    }

    @Test func refusesAnInlineForm() {
        #expect(throws: ConfigError.self) { try set("staff = { pin_hash = \"\" }\n") }
    }

    @Test func theHashShapeIsChecked() throws {
        #expect(throws: ConfigError.self) {
            try KioskConfig.parse(text: "[staff]\npin_hash = \"2468\"\n", baseDirectory: Self.base)
        }
        let bcrypt = "$2b$12$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012"
        do {
            _ = try KioskConfig.parse(text: "[staff]\npin_hash = \"\(bcrypt)\"\n", baseDirectory: Self.base)
            Issue.record("a bcrypt hash was accepted")
        } catch {
            #expect(error.description.hasPrefix("kiosk.conf:2: [staff] pin_hash = "))
            #expect(error.description.contains("set-pin"))
        }
        let config = try KioskConfig.parse(text: "[staff]\npin_hash = \"\(Self.hash.rawValue)\"\nidle_seconds = 45\n", baseDirectory: Self.base)
        #expect(config.staff.pinHash == Self.hash)
        #expect(config.staff.idleTimeout == .seconds(45))
    }
}
