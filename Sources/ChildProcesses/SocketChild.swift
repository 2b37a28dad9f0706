import CSpawn
import Glibc

/// Starts a helper program beside the kiosk with one end of a Unix socket pair as its standard
/// input (and, if asked, its standard output), and returns at once: the one way the kiosk starts
/// a child, for the voice (`Speech`) and the explainer worker (`Explanations`).
///
/// - A socket, not a pipe: `send` with `MSG_NOSIGNAL` lets a child that has died fail the write
///   quietly, where a pipe would raise SIGPIPE and end the kiosk.
/// - posix_spawn, no shell: arguments are passed as they are, so nothing a citizen sees or hears
///   can be read as a command; and the kiosk kills and reaps from its own loop.
/// - Its own process group, so the kiosk's terminal signals do not reach it and a whole group can
///   be stopped; an empty signal mask and default handlers, whatever the kiosk set for itself.
/// - Every descriptor past standard error is closed in the child: the terminal, the session
///   database and other children's sockets stay the kiosk's.
public enum SocketChild {
    /// Where the child's standard output or error goes.
    public enum Sink: Sendable, Equatable {
        /// The socket, like its standard input (standard output only).
        case socket
        /// Nowhere.
        case discard
        /// Wherever the kiosk's own goes (a command-line tool's terminal).
        case inherit
        /// Appended to a file, created if missing.
        case file(String)
    }

    /// The started child and the kiosk's end of its socket (close-on-exec; the caller closes it).
    public struct Started: Sendable {
        public let pid: pid_t
        public let socket: Int32
    }

    /// `program`'s start failed with errno `code`.
    public struct Failure: Error, Equatable {
        public let program: String
        public let code: Int32
    }

    /// Starts `arguments`; `searchPath` looks the program up in `PATH`.
    public static func start(_ arguments: [String], searchPath: Bool, output: Sink, errors: Sink) throws(Failure) -> Started {
        guard let program = arguments.first, !program.isEmpty else { throw Failure(program: "", code: EINVAL) }
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw Failure(program: program, code: errno)
        }
        let (ours, theirs) = (ends[0], ends[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, theirs, STDIN_FILENO)
        for (descriptor, sink) in [(STDOUT_FILENO, output), (STDERR_FILENO, errors)] {
            switch sink {
            case .socket: posix_spawn_file_actions_adddup2(&actions, theirs, descriptor)
            case .discard: posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_WRONLY, 0)
            case .inherit: break
            case .file(let path): posix_spawn_file_actions_addopen(&actions, descriptor, path, O_WRONLY | O_APPEND | O_CREAT, 0o640)
            }
        }
        cspawn_addclosefrom(&actions, STDERR_FILENO + 1)

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

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = searchPath
            ? posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
            : posix_spawn(&pid, program, &actions, &attributes, argv, environ)
        close(theirs)
        guard result == 0 else {
            close(ours)
            throw Failure(program: program, code: result)
        }
        return Started(pid: pid, socket: ours)
    }
}
