import Foundation
import Glibc
import Terminal
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

/// The child process and the controller side of its terminal.
private final class KioskChild {
    let pid: pid_t
    let controller: Int32
    private(set) var output: [UInt8] = []

    init() throws {
        var controller: Int32 = -1
        var follower: Int32 = -1
        var size = winsize(ws_row: 10, ws_col: 60, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&controller, &follower, nil, nil, &size) == 0 else { throw POSIXError(.ENOTTY) }
        let followerPath = String(cString: ttyname(follower))
        close(follower)
        self.controller = controller

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, controller)
        // Opened after setsid, the terminal becomes the child's controlling terminal, so ^C
        // would raise SIGINT there if raw mode did not stop it.
        posix_spawn_file_actions_addopen(&actions, 0, followerPath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let setSessionID: Int16 = 0x80  // POSIX_SPAWN_SETSID, hidden behind _GNU_SOURCE
        posix_spawnattr_setflags(&attributes, setSessionID | Int16(POSIX_SPAWN_SETSIGMASK))
        var noSignalsBlocked = sigset_t()
        sigemptyset(&noSignalsBlocked)
        // Like a kiosk started by systemd, not like this test thread (a dispatch worker that
        // blocks SIGTERM, SIGHUP and others, which a spawned process would inherit).
        posix_spawnattr_setsigmask(&attributes, &noSignalsBlocked)

        let executable = CommandLine.arguments[0]
        let arguments = [executable, "--testing-library", "swift-testing", "--filter", "kioskShellChild"]
        // No LANG or LC_ALL: the kiosk must fall back to C.UTF-8 by itself.
        let environment = [
            "\(childVariable)=1", "TERM=xterm-256color", "SWIFT_BACKTRACE=enable=yes",  // must not get the chance to go interactive
            "PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")",
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        self.pid = pid
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(controller)
    }

    var text: String { String(decoding: output, as: UTF8.self) }

    /// Reads output until `needle` appears or `seconds` pass.
    @discardableResult
    func read(until needle: String, seconds: Double = 10) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var chunk = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            if text.contains(needle) { return true }
            var poller = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(controller, $0.baseAddress, $0.count) }
            if count <= 0 { break }  // the child closed the terminal
            output.append(contentsOf: chunk[0..<count])
        }
        return text.contains(needle)
    }

    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
    }

    /// `nil` while running; otherwise `.exited(code)` or `.signaled(number)`.
    func status(waiting seconds: Double = 0) -> ChildStatus? {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        repeat {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                // WIFEXITED and friends are macros Swift cannot import.
                let signal = status & 0x7F
                return signal == 0 ? .exited(Int((status >> 8) & 0xFF)) : .signaled(signal)
            }
            _ = read(until: "\u{0}", seconds: 0.05)  // keep draining so the child never blocks
        } while ContinuousClock.now < deadline
        return nil
    }
}

private enum ChildStatus: Equatable {
    case exited(Int)
    case signaled(Int32)
}

@Suite(.serialized) struct KioskShellTests {
    @Test(arguments: [SIGTERM, SIGHUP])
    func exitSignalRestoresTheTerminalAndExitsZero(signal: Int32) throws {
        let child = try KioskChild()
        #expect(child.read(until: "준비"), "never drew: \(child.text)")
        #expect(child.text.contains("C.UTF-8") || child.text.contains("C.utf8"), "no UTF-8 fallback")

        // ^C, ^Z and ^\ arrive as keys; the kiosk keeps running.
        child.type("\u{03}\u{1A}\u{1C}")
        #expect(child.read(until: "event 3"))
        #expect(child.status(waiting: 0.3) == nil)

        kill(child.pid, signal)
        #expect(child.status(waiting: 5) == .exited(0))
        _ = child.read(until: "\u{1B}[?1049l", seconds: 1)
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
        let child = try KioskChild()
        #expect(child.read(until: "준비"), "never drew: \(child.text)")
        kill(child.pid, SIGSEGV)
        #expect(child.status(waiting: 5) == .signaled(SIGSEGV), "\(child.text.suffix(600))")
        _ = child.read(until: "\u{1B}[?1049l", seconds: 1)
        #expect(child.text.contains("\u{1B}[?1049l"), "alternate screen not left")
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
