import CSpawn
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Starting a helper program (a text-to-speech voice, a font-size command) beside the kiosk
/// without ever waiting for it.
///
/// posix_spawn rather than Foundation's `Process`: `Process` runs a thread to watch its child
/// and reaps on its own schedule, where the kiosk wants to kill and reap from its one event loop
/// thread and prove no zombie is left behind. No shell is involved: the arguments are passed as
/// they are, so nothing a citizen sees or hears can be read as a command.
public enum ChildProcess {
    /// Starts `arguments` (the program looked up in `PATH`) in a process group of its own, with
    /// `input` on its standard input and its output discarded. Returns at once.
    ///
    /// Standard input is one end of a socket pair rather than a pipe: `send` with
    /// `MSG_NOSIGNAL` lets a child that exits before reading its text fail the write quietly,
    /// where a pipe would raise SIGPIPE and end the kiosk.
    public static func spawn(_ arguments: [String], input: String = "") throws(SpawnError) -> pid_t {
        guard let program = arguments.first, !program.isEmpty else { throw SpawnError(program: "", code: EINVAL) }
        var sockets: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &sockets) == 0 else {
            throw SpawnError(program: program, code: errno)
        }
        let (childEnd, ourEnd) = (sockets[0], sockets[1])
        defer { close(ourEnd) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childEnd, STDIN_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        // The terminal, the session database and every other descriptor stay the kiosk's.
        cspawn_addclosefrom(&actions, STDERR_FILENO + 1)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own group, so stopping it also stops whatever it started (a shell's children),
        // and the signals the kiosk's terminal sends do not reach it. Signals the kiosk blocks
        // on its loop thread (SIGWINCH, SIGTERM…) are unblocked and defaulted in the child.
        let flags = Int32(POSIX_SPAWN_SETPGROUP) | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        posix_spawnattr_setpgroup(&attributes, 0)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGHUP, SIGINT, SIGWINCH] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(truncatingIfNeeded: flags))

        var pid: pid_t = 0
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let result = posix_spawnp(&pid, program, &actions, &attributes, cArguments, environ)
        close(childEnd)
        guard result == 0 else { throw SpawnError(program: program, code: result) }

        // A phrase is far below a socket's buffer; what does not fit at once is dropped rather
        // than waited for, so a stuck voice never stalls the screen.
        var bytes = Array(input.utf8)
        if !bytes.isEmpty {
            _ = fcntl(ourEnd, F_SETFL, fcntl(ourEnd, F_GETFL) | O_NONBLOCK)
            _ = bytes.withUnsafeMutableBytes { send(ourEnd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        bytes.removeAll()
        return pid
    }

    /// Ends the child and its group at once and reaps it.
    public static func kill(_ pid: pid_t) {
        _ = Glibc.kill(-pid, SIGKILL)
        _ = Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    }

    /// Whether `pid` has ended; an ended child is reaped, so it leaves no zombie.
    public static func hasEnded(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        return result == pid || (result == -1 && errno == ECHILD)
    }
}

/// A helper program that could not be started.
public struct SpawnError: Error, Equatable, CustomStringConvertible {
    public let program: String
    public let code: Int32

    public var description: String {
        "cannot start '\(program)': \(String(cString: strerror(code))) (check the command in kiosk.conf [accessibility] and that it is installed)"
    }
}
