import Glibc

/// A child process whose standard input and output are one end of a Unix socket pair.
///
/// Why a socket and not pipes: writing to a child that has died would raise SIGPIPE and end
/// the kiosk; `send` with `MSG_NOSIGNAL` reports EPIPE instead. The child gets default signal
/// handling and an empty signal mask whatever the kiosk set for itself, and its own process
/// group, so nothing meant for the kiosk's terminal reaches it.
final class ChildProcess {
    let pid: pid_t
    /// The kiosk's end of the socket. Closed only by `close()`.
    let socket: Int32
    private var reaped = false

    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    init(executable: String, arguments: [String], errors: WorkerErrors) throws(SpawnError) {
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw SpawnError(description: "socketpair: \(String(cString: strerror(errno)))")
        }
        let (mine, theirs) = (ends[0], ends[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, theirs, 0)
        posix_spawn_file_actions_adddup2(&actions, theirs, 1)
        switch errors {
        case .inherit: break
        case .discard: posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 2, path, O_WRONLY | O_APPEND | O_CREAT, 0o640)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        Glibc.close(theirs)
        guard result == 0 else {
            Glibc.close(mine)
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
        self.socket = mine
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
/// keyboard can also wake for it.
final class WakePipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        precondition(pipe(&ends) == 0, "pipe: \(errno)")
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        (readEnd, writeEnd) = (ends[0], ends[1])
    }

    func signal() {
        var byte: UInt8 = 1
        // A full pipe is already readable; nothing is lost by not writing.
        _ = write(writeEnd, &byte, 1)
    }

    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }

    deinit {
        Glibc.close(readEnd)
        Glibc.close(writeEnd)
    }
}
