import Foundation

/// The real `welfare-kiosk` binary in a real tmux pane: what a person at the screen would
/// see and do, through `send-keys`, `capture-pane` and `resize-window`.
///
/// Each instance has its own tmux server (`-L`), so tests run in parallel without meeting.
final class TmuxKiosk {
    let socket = "kiosk-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    let target = "kiosk"
    let statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-e2e-\(UUID().uuidString).status").path

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$KIOSK_BIN` (set by `make test`), else the debug build.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["KIOSK_BIN"], !path.isEmpty { return path }
        return repositoryRoot.appendingPathComponent(".build/debug/welfare-kiosk").path
    }

    /// Starts the kiosk on its embedded defaults (run from the repository, as `make run` does).
    init(width: Int = 80, height: Int = 24, arguments: [String] = []) throws {
        // tmux's own #{pane_dead_status} is sometimes never filled in (the pane's terminal
        // closes, and the zombie is not reaped), so a shell in the pane runs the kiosk in the
        // foreground and writes its exit status to a file.
        let command = ["sh", "-c", "\"$@\"; echo $? > '\(statusFile)'", "sh",
                       "env", "LANG=C.UTF-8", "TERM=tmux-256color", Self.binary] + arguments
        // remain-on-exit is set before the session starts, so a kiosk that exits at once
        // (a bad kiosk.conf) still leaves its pane, its last words and its exit status.
        try tmux(["-f", "/dev/null", "start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
                  "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", target,
                  "-c", Self.repositoryRoot.path] + command)
    }

    deinit {
        _ = try? tmux("kill-server")
        unlink(statusFile)
    }

    /// The screen as text, one line per row.
    func screen() throws -> String {
        // -J joins a line the pane wrapped; -S - includes what scrolled into the history.
        try tmux("capture-pane", "-p", "-J", "-S", "-", "-t", target)
    }

    /// Sends tmux key names (`Enter`, `C-c`, `Right`, `F1`) or literal text.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    func resize(width: Int, height: Int) throws {
        try tmux("resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)")
    }

    /// The kiosk's process id: the only child of the pane's shell.
    func pid() throws -> pid_t {
        let shell = try tmux("display-message", "-p", "-t", target, "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        guard let pid = children.split(separator: " ").first.flatMap({ pid_t($0) }) else {
            throw TmuxError("the kiosk is not running under the pane's shell \(shell)")
        }
        return pid
    }

    /// `nil` while running, else the exit status (128 + n after a death by signal n).
    func exitStatus() throws -> Int32? {
        guard let text = try? String(contentsOfFile: statusFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Polls until `condition` holds for the screen, or throws after `timeout` with what was seen.
    @discardableResult
    func waitForScreen(timeout: Duration = .seconds(10), _ description: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var last = ""
        while ContinuousClock.now < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxError("timed out waiting for \(description); the screen was:\n\(last)")
    }

    func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = try exitStatus() { return status }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxError("the kiosk did not exit within \(timeout)")
    }

    // MARK: - Running tmux

    @discardableResult
    private func tmux(_ arguments: String...) throws -> String {
        try tmux(arguments)
    }

    /// Runs one tmux client command and returns what it printed.
    ///
    /// Spawned with `posix_spawn` and an empty signal mask: a test runs on a worker thread that
    /// blocks SIGTERM and others, and the tmux server (and so the kiosk) would inherit that.
    /// Output goes to a file, not a pipe: the daemonised server would keep a pipe open forever.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("tmux-\(socket)-\(UUID().uuidString).out").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var noSignalsBlocked = sigset_t()
        sigemptyset(&noSignalsBlocked)
        posix_spawnattr_setsigmask(&attributes, &noSignalsBlocked)

        let argv = (["tmux", "-L", socket, "-u"] + arguments).map { strdup($0) } + [nil]
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw TmuxError("cannot start tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED && WEXITSTATUS == 0, spelled out: the macros are not imported.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw TmuxError("tmux \(arguments.joined(separator: " ")) failed (status \(status)): \(output)")
        }
        return output
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
