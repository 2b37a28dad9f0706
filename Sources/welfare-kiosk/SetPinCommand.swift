import ArgumentParser
import Foundation
import KioskApp
import Settings

/// `welfare-kiosk set-pin`: asks for a new staff PIN twice and writes its Argon2id hash as
/// `[staff] pin_hash` in kiosk.conf, changing nothing else in the file.
///
/// Why standard input and not an option: a PIN on the command line lands in the shell history
/// and in `ps` for every user of the machine. On a terminal the PIN is not echoed; piped input
/// (`printf '2468\n2468\n' | welfare-kiosk set-pin`) works for scripts and tests.
struct SetPinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-pin",
        abstract: "Set the staff PIN: asks for it twice, writes only its hash to kiosk.conf.",
        discussion: "The PIN is 4 to 12 digits. Only the [staff] pin_hash line of kiosk.conf changes (a [staff] table is added if missing); the file is replaced atomically. Restart the kiosk to use the new PIN."
    )

    @OptionGroup var configOption: ConfigOption

    func run() throws {
        let url = URL(fileURLWithPath: configOption.path).standardizedFileURL
        let shown = configOption.path
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw fail("\(shown): file not found (pass --config PATH to the kiosk.conf to change)")
        }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw fail("\(shown): cannot be read as UTF-8 text")
        }

        let first = try readPIN(prompt: "New staff PIN (4 to 12 digits): ")
        if let problem = StaffPin.problem(with: first) { throw fail(Self.describe(problem, first)) }
        let second = try readPIN(prompt: "The same PIN again: ")
        guard first == second else {
            throw fail("the two PINs differ; nothing was changed. Run set-pin again.")
        }

        let hash: StaffPinHash
        do {
            hash = try StaffPin.hash(StaffPin(first)!)
        } catch {
            throw fail("cannot hash the PIN: \(error)")
        }
        let updated: String
        do {
            updated = try KioskConfFile.settingPinHash(in: text, to: hash, displayPath: shown,
                                                       baseDirectory: url.deletingLastPathComponent())
        } catch {
            throw fail("\(error.description) (fix kiosk.conf first; nothing was changed)")
        }
        do {
            try AtomicFile.write(Data(updated.utf8), to: url)
        } catch {
            throw fail("\(error.description); nothing was changed")
        }
        print("\(shown): [staff] pin_hash set. Restart the kiosk to use the new PIN.")
    }

    static func describe(_ problem: StaffPin.PinProblem, _ text: String) -> String {
        switch problem {
        case .empty: "no PIN was typed; type 4 to 12 digits"
        case .notDigits: "the PIN must be digits 0-9 only: the kiosk's keypad has no letters or signs"
        case .tooShort: "the PIN has \(text.count) digit\(text.count == 1 ? "" : "s"); use at least \(StaffPin.lengths.lowerBound)"
        case .tooLong: "the PIN has \(text.count) digits; use at most \(StaffPin.lengths.upperBound)"
        }
    }

    /// One line from standard input, without echo when it is a terminal. The prompt goes to
    /// standard error, so standard output carries only the result.
    private func readPIN(prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        let isTerminal = isatty(STDIN_FILENO) == 1
        var saved = termios()
        if isTerminal {
            tcgetattr(STDIN_FILENO, &saved)
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        let line = readLine(strippingNewline: true)
        if isTerminal {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            // The Enter that ended the PIN was not echoed either.
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line else { throw fail("standard input ended before a PIN was given; nothing was changed") }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    private func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("welfare-kiosk set-pin: \(message)\n".utf8))
        return ExitCode(2)
    }
}
