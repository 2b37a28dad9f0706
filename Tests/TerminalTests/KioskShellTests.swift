import Foundation
import Glibc
import Terminal
import TerminalTesting
import Testing

// The kiosk shell mechanics (raw keys, SIGTERM/SIGHUP, crashes) need a process of their own:
// a signal that ends the kiosk would end the test runner. So the test runner starts itself
// again on a pseudo-terminal, running only `kioskShellChild`, and signals that child.

private let childVariable = "KIOSK_SHELL_CHILD"

/// Runs only inside the child process: a tiny kiosk that shows what it received.
@Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] == "1"))
func kioskShellChild() throws {
    let terminal = try NcursesTerminal(palette: testPalette())
    var buffer = demoScreen(size: terminal.size)
    buffer.put("준비 \(try UTF8Locale.activate())", x: 0, y: 0)
    terminal.present(buffer)
    let deadline = ContinuousClock.now + .seconds(20)
    var events = 0
    while ContinuousClock.now < deadline {
        guard let event = terminal.nextEvent(timeout: .milliseconds(100)) else { continue }
        events += 1
        buffer.put("event \(events): \(event)", x: 0, y: 1 + events % 8)
        terminal.present(buffer)
    }
    terminal.shutdown()
}

/// What the child draws below its first row: the cases a terminal most often gets wrong.
func demoScreen(size: Size) -> Buffer {
    var buffer = Buffer(size: size)
    buffer.put("기초연금 · 생계급여 ※ 안내", x: 0, y: 2, style: Style(.accent, bold: true))
    buffer.put("Tiếng Việt: Trợ cấp 中文：基础养老金", x: 0, y: 3)
    buffer.put("e\u{301}한 😀 끝", x: 2, y: 4, style: Style(.focus, reverse: true))
    buffer.put("가나다라마바사아자차카타파하", x: size.width - 7, y: 5)  // last column stays narrow
    return buffer
}

/// The test runner itself, on a pseudo-terminal, running only `kioskShellChild`.
private func kioskChild() throws -> PseudoTerminalChild {
    let executable = CommandLine.arguments[0]
    // No LANG or LC_ALL: the kiosk must fall back to C.UTF-8 by itself.
    return try PseudoTerminalChild(
        [executable, "--testing-library", "swift-testing", "--filter", "kioskShellChild"],
        environment: [
            "\(childVariable)=1", "TERM=xterm-256color", "SWIFT_BACKTRACE=enable=yes",  // must not get the chance to go interactive
            "PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")",
        ],
        columns: 60, rows: 10)
}

extension RealScreens {
@Suite(.serialized) struct KioskShellTests {
    @Test(arguments: [SIGTERM, SIGHUP])
    func exitSignalRestoresTheTerminalAndExitsZero(signal: Int32) throws {
        let child = try kioskChild()
        #expect(child.read(until: "준비"), "never drew: \(child.text)")
        #expect(child.text.contains("C.UTF-8") || child.text.contains("C.utf8"), "no UTF-8 fallback")

        // ^C, ^Z and ^\ arrive as keys; the kiosk keeps running.
        child.type("\u{03}\u{1A}\u{1C}")
        #expect(child.read(until: "event 3"))
        #expect(child.status(waiting: .milliseconds(300)) == nil)

        kill(child.pid, signal)
        #expect(child.status(waiting: .seconds(5)) == .exited(0))
        _ = child.read(until: "\u{1B}[?1049l", timeout: .seconds(1))
        #expect(child.text.contains("\u{1B}[?1049l"), "alternate screen not left")
        #expect(child.text.contains("\u{1B}[?25h") || child.text.contains("\u{1B}[?12l\u{1B}[?25h"), "cursor not shown")
    }

    /// tmux is a real terminal emulator: what it shows is what a kiosk screen shows.
    @Test func aRealTerminalEmulatorShowsWhatTheBufferHolds() throws {
        let size = Size(width: 60, height: 10)
        let server = "kiosk-term-test-\(getpid())"
        let command = "env \(childVariable)=1 SWIFT_BACKTRACE=enable=no '\(CommandLine.arguments[0])' --testing-library swift-testing --filter kioskShellChild"
        try tmux(server, capture: false, ["-u", "new-session", "-d", "-x", "\(size.width)", "-y", "\(size.height)", command])
        defer { _ = try? tmux(server, ["kill-server"]) }
        var screen = ""
        for _ in 0..<100 {
            usleep(50_000)
            screen = try tmux(server, ["capture-pane", "-p"])
            if screen.contains("준비") { break }
        }
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let expected = demoScreen(size: size)
        for y in 2...5 {
            let want = expected.text(row: y).replacingOccurrences(of: " +$", with: "", options: .regularExpression)
            #expect(rows.count > y && rows[y] == want, "row \(y) in tmux: \(rows.count > y ? rows[y] : "(missing)")")
        }
    }

    @Test func crashRestoresTheTerminalBeforeDying() throws {
        let child = try kioskChild()
        #expect(child.read(until: "준비"), "never drew: \(child.text)")
        kill(child.pid, SIGSEGV)
        #expect(child.status(waiting: .seconds(5)) == .signaled(SIGSEGV), "\(child.text.suffix(600))")
        _ = child.read(until: "\u{1B}[?1049l", timeout: .seconds(1))
        #expect(child.text.contains("\u{1B}[?1049l"), "alternate screen not left")
    }
}
}

/// Runs tmux on a private server and returns what it printed.
///
/// `capture: false` for the command that starts the server. It is spawned directly and
/// waited for by pid: Foundation's `Process` would wait for the daemonised server as well.
@discardableResult
private func tmux(_ server: String, capture: Bool = true, _ arguments: [String]) throws -> String {
    let all = ["tmux", "-L", server] + arguments
    guard capture else {
        let argv = all.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_WRONLY, 0)
        }
        // The server must not inherit this test thread's blocked signals: `kill-server` works
        // by sending the server SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var noSignalsBlocked = sigset_t()
        sigemptyset(&noSignalsBlocked)
        posix_spawnattr_setsigmask(&attributes, &noSignalsBlocked)
        var pid: pid_t = 0
        var status: Int32 = 0
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ) == 0,
              waitpid(pid, &status, 0) == pid, status == 0
        else { throw TmuxFailed(arguments: arguments, status: status) }
        return ""
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = all
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw TmuxFailed(arguments: arguments, status: process.terminationStatus)
    }
    return String(decoding: data, as: UTF8.self)
}

private struct TmuxFailed: Error, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    var description: String {
        "tmux \(arguments.joined(separator: " ")) exited \(status); these tests need tmux installed (apt-get install tmux)"
    }
}
