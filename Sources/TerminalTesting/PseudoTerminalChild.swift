import CNcursesw
import Foundation
import Glibc

/// A program started on a fresh pseudo-terminal of its own, as a kiosk is started on its
/// screen: the controller side reads what it draws and types keys at it.
///
/// Spawned in a new session (so the terminal becomes its controlling terminal and ^C would
/// raise SIGINT if raw mode did not stop it) and with no signals blocked: a test or benchmark
/// runs on a worker thread that blocks SIGTERM and others, and a child would inherit that.
public final class PseudoTerminalChild {
    public let pid: pid_t
    public let controller: Int32
    /// Everything the child has written so far.
    public private(set) var output: [UInt8] = []
    private var exitStatus: ChildStatus?

    /// How the child ended.
    public enum ChildStatus: Equatable, Sendable {
        case exited(Int)
        case signaled(Int32)
    }

    /// Starts `arguments[0]` (a path) with exactly `environment` on a `columns`x`rows` terminal.
    public init(_ arguments: [String], environment: [String], columns: Int = 80, rows: Int = 24) throws {
        var controller: Int32 = -1
        var follower: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&controller, &follower, nil, nil, &size) == 0 else { throw POSIXError(.ENOTTY) }
        let followerPath = String(cString: ttyname(follower))
        close(follower)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, controller)
        // Opened after setsid, the terminal becomes the child's controlling terminal.
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
        posix_spawnattr_setsigmask(&attributes, &noSignalsBlocked)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(controller)
            throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL)
        }
        self.pid = pid
        self.controller = controller
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(controller)
    }

    /// The output so far as text.
    public var text: String { String(decoding: output, as: UTF8.self) }

    /// Reads output until `needle` has arrived or `timeout` passes; whether it arrived.
    @discardableResult
    public func read(until needle: String, timeout: Duration = .seconds(10)) -> Bool {
        read(until: Array(needle.utf8), timeout: timeout)
    }

    /// Reads output until `needle` (bytes) has arrived or `timeout` passes.
    @discardableResult
    public func read(until needle: [UInt8], timeout: Duration = .seconds(10)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if !needle.isEmpty, output.firstRange(of: needle) != nil { return true }
            guard ContinuousClock.now < deadline else { return false }
            var poller = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(controller, $0.baseAddress, $0.count) }
            if count <= 0 { return false }  // the child closed its terminal
            output.append(contentsOf: chunk[0..<count])
        }
    }

    /// Waits for output to start, then reads until the child has been quiet for `quiet`;
    /// returns when the last byte arrived (nil if nothing came within `timeout`).
    ///
    /// A screen is drawn in one burst, so the end of the first burst is when the first frame
    /// was on the terminal — whatever that frame says.
    public func readFirstBurst(quiet: Duration = .milliseconds(30), timeout: Duration = .seconds(10)) -> ContinuousClock.Instant? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var lastByte: ContinuousClock.Instant?
        var chunk = [UInt8](repeating: 0, count: 65536)
        let quietMilliseconds = Int32(quiet.components.seconds * 1000 + quiet.components.attoseconds / 1_000_000_000_000_000)
        while clock.now < deadline {
            var poller = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, lastByte == nil ? 50 : quietMilliseconds) > 0 else {
                if lastByte != nil { return lastByte }
                continue
            }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(controller, $0.baseAddress, $0.count) }
            if count <= 0 { return lastByte }
            output.append(contentsOf: chunk[0..<count])
            lastByte = clock.now
        }
        return lastByte
    }

    /// Sends bytes as if typed on the keyboard.
    public func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
    }

    /// `nil` while the child runs; waits up to `timeout` for it to end, draining its output so
    /// it never blocks on a full terminal.
    public func status(waiting timeout: Duration = .zero) -> ChildStatus? {
        if let exitStatus { return exitStatus }
        let deadline = ContinuousClock.now + timeout
        repeat {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                // WIFEXITED and friends are macros Swift cannot import.
                let signal = status & 0x7F
                exitStatus = signal == 0 ? .exited(Int((status >> 8) & 0xFF)) : .signaled(signal)
                return exitStatus
            }
            read(until: [], timeout: .milliseconds(50))
        } while ContinuousClock.now < deadline
        return nil
    }
}
