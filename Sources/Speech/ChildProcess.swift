import ChildProcesses
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Starting a helper program (a text-to-speech voice, a font-size command) beside the kiosk
/// without ever waiting for it.
///
/// posix_spawn (through `SocketChild`) rather than Foundation's `Process`: `Process` runs a
/// thread to watch its child and reaps on its own schedule, where the kiosk wants to kill and
/// reap from its one event loop thread and prove no zombie is left behind.
public enum ChildProcess {
    /// Starts `arguments` (the program looked up in `PATH`) in a process group of its own, with
    /// `input` on its standard input and its output discarded. Returns at once.
    public static func spawn(_ arguments: [String], input: String = "") throws(SpawnError) -> pid_t {
        let child: SocketChild.Started
        do {
            child = try SocketChild.start(arguments, searchPath: true, output: .discard, errors: .discard)
        } catch {
            throw SpawnError(program: error.program, code: error.code)
        }
        defer { close(child.socket) }
        // A phrase is far below a socket's buffer; what does not fit at once is dropped rather
        // than waited for, so a stuck voice never stalls the screen.
        var bytes = Array(input.utf8)
        if !bytes.isEmpty {
            _ = fcntl(child.socket, F_SETFL, fcntl(child.socket, F_GETFL) | O_NONBLOCK)
            _ = bytes.withUnsafeMutableBytes { send(child.socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        bytes.removeAll()
        return child.pid
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
