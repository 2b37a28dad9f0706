import CNcursesw
import Foundation
import Glibc
import KioskApp
import Settings
import Terminal

/// The kiosk's own screens: how fast it starts, how little a focus move costs, how much
/// memory it holds on its first screen.
///
/// - `tui.first_frame_ms`: exec of the real binary on a pseudo-terminal until the last of the
///   first frame's language buttons has arrived; median of 15 starts.
/// - `tui.rss_mb`: the running kiosk's resident memory on that first screen (VmRSS).
/// - `tui.focus_move_ms`: one arrow key on the welcome screen, handled, drawn and presented
///   to the in-memory terminal; median of 2,000.
/// - `tui.focus_move_bytes`: what real ncurses writes to a pseudo-terminal for that move.
func runAppBenchmarks() -> [BenchmarkResult] {
    var results: [BenchmarkResult] = []
    guard let resources = try? KioskResources.load(config: KioskConfig.load(path: "kiosk.conf", mustExist: true)) else {
        FileHandle.standardError.write(Data("kiosk-bench: run from the repository root (kiosk.conf not found)\n".utf8))
        return []
    }
    let palette = Palette(theme: resources.theme)
    results.append(BenchmarkResult(name: "tui.focus_move_ms", value: focusMoveInMemory(resources, palette), unit: "ms"))
    if let bytes = focusMoveBytesOnNcurses(resources, palette) {
        results.append(BenchmarkResult(name: "tui.focus_move_bytes", value: Double(bytes), unit: "bytes"))
    }
    if let start = firstFrame() {
        results.append(BenchmarkResult(name: "tui.first_frame_ms", value: start.milliseconds, unit: "ms"))
        results.append(BenchmarkResult(name: "tui.rss_mb", value: start.residentMegabytes, unit: "MB"))
    }
    return results
}

// MARK: - Focus move

/// The configured rule packs, as the kiosk loads them.
func benchRules(_ resources: KioskResources) -> RuleBook {
    try! RuleBook.load(config: resources.config, day: KioskLaunch.today(in: resources.config.log.timeZone))
}

private func focusMoveInMemory(_ resources: KioskResources, _ palette: Palette) -> Double {
    let terminal = MemoryTerminal(size: Size(width: 80, height: 24), palette: palette)
    let app = KioskApp(terminal: terminal, resources: resources, rules: benchRules(resources))
    app.start()
    app.handle(.key(.enter))  // from the attract screen to the language choice
    let clock = ContinuousClock()
    let times = (0..<2000).map { _ in milliseconds(clock.measure { app.handle(.key(.right)) }) }
    return median(times)
}

private func focusMoveBytesOnNcurses(_ resources: KioskResources, _ palette: Palette) -> Int? {
    var controller: Int32 = -1
    var follower: Int32 = -1
    var window = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&controller, &follower, nil, nil, &window) == 0 else { return nil }
    defer {
        close(controller)
        close(follower)
    }
    let device = TerminalDevice(inputDescriptor: follower, outputDescriptor: follower, type: "xterm-256color")
    guard let terminal = try? NcursesTerminal(palette: palette, device: device, kioskSignals: false) else { return nil }
    defer { terminal.shutdown() }
    let app = KioskApp(terminal: terminal, resources: resources, rules: benchRules(resources))
    app.start()
    app.handle(.key(.enter))  // from the attract screen to the language choice
    _ = drain(controller)
    let bytes = (0..<100).map { _ -> Double in
        app.handle(.key(.right))
        return Double(drain(controller).count)
    }
    return Int(median(bytes))
}

// MARK: - First frame

/// Starts the kiosk on a fresh pseudo-terminal 15 times; the median start and the memory of
/// the last one.
private func firstFrame() -> (milliseconds: Double, residentMegabytes: Double)? {
    var times: [Double] = []
    var resident = 0.0
    for _ in 0..<15 {
        guard let run = startKioskOnce() else { return nil }
        times.append(run.milliseconds)
        resident = run.residentMegabytes
    }
    return (median(times), resident)
}

/// The binary measured: `welfare-kiosk` beside this one (`make bench` builds both), else this
/// binary's `--kiosk-child` mode, which runs the same `KioskLaunch`.
private var kioskCommand: [String] {
    let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let sibling = own.deletingLastPathComponent().appendingPathComponent("welfare-kiosk").path
    if FileManager.default.isExecutableFile(atPath: sibling) {
        return [sibling, "--config", "kiosk.conf"]
    }
    return [own.path, "--kiosk-child", "kiosk.conf"]
}

private func startKioskOnce() -> (milliseconds: Double, residentMegabytes: Double)? {
    var controller: Int32 = -1
    var follower: Int32 = -1
    var window = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&controller, &follower, nil, nil, &window) == 0 else { return nil }
    let followerPath = String(cString: ttyname(follower))
    close(follower)
    defer { close(controller) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addclose(&actions, controller)
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

    let arguments = kioskCommand
    let environment = ["LANG=C.UTF-8", "TERM=xterm-256color", "PATH=/usr/bin:/bin"]
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    // The last button of the first frame; once it has arrived the frame is on screen.
    let marker = Array("Tiếng Việt".utf8)
    let clock = ContinuousClock()
    let started = clock.now
    var pid: pid_t = 0
    guard posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else { return nil }
    defer {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while clock.now - started < .seconds(10) {
        var poller = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 100) > 0 else { continue }
        let count = chunk.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        output.append(contentsOf: chunk[0..<count])
        if output.firstRange(of: marker) != nil {
            let elapsed = milliseconds(clock.now - started)
            return (elapsed, residentMegabytes(of: pid))
        }
    }
    return nil
}

/// VmRSS from /proc, in MB (2^20 bytes).
private func residentMegabytes(of pid: pid_t) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return .nan }
    return kilobytes / 1024
}
