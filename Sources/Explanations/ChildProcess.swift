import ChildProcesses
import Glibc

/// A child process whose standard input and output are one end of a Unix socket pair
/// (`SocketChild`: no SIGPIPE from a dead child, its own process group and signal defaults,
/// none of the kiosk's descriptors).
final class ChildProcess {
    let pid: pid_t
    /// The kiosk's end of the socket. Closed only by `close()`.
    let socket: Int32
    private var reaped = false

    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    init(executable: String, arguments: [String], errors: WorkerErrors) throws(SpawnError) {
        let sink: SocketChild.Sink = switch errors {
        case .inherit: .inherit
        case .discard: .discard
        case .file(let path): .file(path)
        }
        do {
            let child = try SocketChild.start([executable] + arguments, searchPath: false, output: .socket, errors: sink)
            (pid, socket) = (child.pid, child.socket)
        } catch {
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(error.code)))")
        }
    }

    /// Sends all of `bytes` without blocking for long; false when the child is gone or stuck
    /// (its socket buffer full).
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
            if sent < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += sent
        }
        return true
    }

    /// Tells the child no more requests will come; it exits when it has read that.
    func closeInput() {
        shutdown(socket, Int32(SHUT_WR))
    }

    func kill(_ signal: Int32 = SIGKILL) {
        if !reaped { Glibc.kill(pid, signal) }
    }

    /// Collects the exit status if the child has ended; true once it has.
    @discardableResult
    func reap(waiting: Bool = false) -> Bool {
        guard !reaped else { return true }
        var status: Int32 = 0
        let result = waitpid(pid, &status, waiting ? 0 : WNOHANG)
        if result == pid || (result < 0 && errno == ECHILD) { reaped = true }
        return reaped
    }

    func close() {
        Glibc.close(socket)
    }
}

/// Where a worker's standard error goes.
public enum WorkerErrors: Sendable, Equatable {
    /// To this process's own standard error (a command-line tool).
    case inherit
    /// Nowhere: the kiosk's standard error is its screen, which the worker must never touch.
    case discard
    /// Appended to a file.
    case file(String)
}

/// A self-pipe: written when there is news, readable until drained, so a `poll` on the
/// keyboard can also wake for it. Both ends are non-blocking: a full pipe already means "wake
/// up". Nil when no pipe can be had (no descriptors left): a service then still works through
/// `poll()`, paced by the loop's own timeout.
public final class WakePipe: Sendable {
    public let readEnd: Int32
    private let writeEnd: Int32

    public init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        (readEnd, writeEnd) = (ends[0], ends[1])
    }

    public func signal() {
        var byte: UInt8 = 1
        // A full pipe is already readable; nothing is lost by not writing.
        _ = write(writeEnd, &byte, 1)
    }

    public func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }

    deinit {
        Glibc.close(readEnd)
        Glibc.close(writeEnd)
    }
}
