import Foundation
import KioskApp
import Settings
import Testing

/// `welfare-kiosk set-pin` run as staff run it: the built binary, on a copy of the shipped
/// kiosk.conf, with the PIN piped to standard input.
@Suite("set-pin command")
struct SetPinCommandTests {
    static let shipped = Fixture.repositoryRoot.appendingPathComponent("kiosk.conf")

    /// A copy of kiosk.conf in `folder`, and its bytes before set-pin.
    func copy(into folder: ScratchFolder) throws -> (URL, Data) {
        let file = folder.file("kiosk.conf")
        let original = try Data(contentsOf: Self.shipped)
        try original.write(to: file)
        return (file, original)
    }

    @Test("two matching PINs: both prompts, only the pin_hash line changes, the hash verifies")
    func setsTheHash() throws {
        let folder = try ScratchFolder()
        defer { withExtendedLifetime(folder) {} }
        let (file, original) = try copy(into: folder)
        let run = try setPin(config: file, input: "482913\n482913\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("New staff PIN (4 to 12 digits): "))
        #expect(run.stderr.contains("The same PIN again: "))
        #expect(run.stdout.contains("[staff] pin_hash set"))
        #expect(!run.stdout.contains("482913") && !run.stderr.contains("482913"), "the PIN is never printed")

        let before = String(decoding: original, as: UTF8.self).components(separatedBy: "\n")
        let after = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        #expect(before.count == after.count)
        let changed = before.indices.filter { before[$0] != after[$0] }
        #expect(changed.count == 1, "exactly one line differs")
        let config = try KioskConfig.load(path: file.path, mustExist: true)
        let hash = try #require(config.staff.pinHash)
        #expect(after[changed[0]] == "pin_hash = \"\(hash.rawValue)\"")
        #expect(StaffPin.verify("482913", against: hash))
        #expect(!StaffPin.verify("482914", against: hash))
    }

    @Test("bad input leaves the file byte for byte as it was, with a clear message and exit 2",
          arguments: [
              ("1234\n4321\n", "the two PINs differ"),
              ("123\n123\n", "the PIN has 3 digits; use at least 4"),
              ("12ab\n12ab\n", "digits 0-9 only"),
              ("1234567890123\n1234567890123\n", "use at most 12"),
              ("\n\n", "no PIN was typed"),
              ("2468\n", "standard input ended"),
          ])
    func refuses(input: String, message: String) throws {
        let folder = try ScratchFolder()
        defer { withExtendedLifetime(folder) {} }
        let (file, original) = try copy(into: folder)
        let run = try setPin(config: file, input: input)
        #expect(run.status == 2)
        #expect(run.stderr.contains("welfare-kiosk set-pin: "), "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try Data(contentsOf: file) == original)
    }

    @Test("a kiosk.conf with no [staff] table gets one; a missing file is named")
    func addsTableAndNamesMissingFile() throws {
        let folder = try ScratchFolder()
        let file = folder.file("site.conf")
        try Data("# our kiosk\n[kiosk]\nid = \"jeongwang-1\"\n".utf8).write(to: file)
        let run = try setPin(config: file, input: "2468\n2468\n")
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("# our kiosk\n[kiosk]\nid = \"jeongwang-1\"\n\n[staff]\npin_hash = \"$argon2id$v=19$m=19456,t=2,p=1$"))

        let missing = try setPin(config: folder.file("nowhere.conf"), input: "2468\n2468\n")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere.conf: file not found"))
    }
}

struct CommandRun {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the built `welfare-kiosk set-pin --config PATH` with `input` on standard input.
func setPin(config: URL, input: String) throws -> CommandRun {
    let process = Process()
    let environment = ProcessInfo.processInfo.environment
    process.executableURL = environment["KIOSK_BIN"].map(URL.init(fileURLWithPath:))
        ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("welfare-kiosk")
    process.arguments = ["set-pin", "--config", config.path]
    let stdin = Pipe(), out = Pipe(), err = Pipe()
    process.standardInput = stdin
    process.standardOutput = out
    process.standardError = err
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandRun(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
}
