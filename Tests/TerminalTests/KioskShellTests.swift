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
    var buffer = Buffer(size: terminal.size)
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
        posix_spawnattr_setflags(&attributes, setSessionID)

        let executable = CommandLine.arguments[0]
        let arguments = [executable, "--testing-library", "swift-testing", "--filter", "kioskShellChild"]
        // No LANG or LC_ALL: the kiosk must fall back to C.UTF-8 by itself.
        let environment = [
            "\(childVariable)=1", "TERM=xterm-256color", "SWIFT_BACKTRACE=enable=no",
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

    @Test func crashRestoresTheTerminalBeforeDying() throws {
        let child = try KioskChild()
        #expect(child.read(until: "준비"), "never drew: \(child.text)")
        kill(child.pid, SIGSEGV)
        #expect(child.status(waiting: 5) == .signaled(SIGSEGV))
        _ = child.read(until: "\u{1B}[?1049l", seconds: 1)
        #expect(child.text.contains("\u{1B}[?1049l"), "alternate screen not left")
    }
}
