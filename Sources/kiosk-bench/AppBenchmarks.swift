import CNcursesw
import Foundation
import Glibc
import KioskApp
import Settings
import Terminal
import TerminalTesting

/// The kiosk's own screens: how fast it starts, how little a focus move costs, how much
/// memory it holds on its first screen.
///
/// - `tui.first_frame_ms`: exec of the real binary on a pseudo-terminal until the last byte of
///   its first burst of output (the first frame, which must mention the kiosk); median of 15.
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

/// The binary measured: `welfare-kiosk` beside this one, built first when run from the
/// repository (`swift run -c release kiosk-bench` builds only the bench, and a stale or missing
/// kiosk would measure the wrong program); else this binary's `--kiosk-child` mode, which runs
/// the same `KioskLaunch` but carries the bench's own code besides.
private let kioskCommand: [String] = {
    let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let sibling = own.deletingLastPathComponent().appendingPathComponent("welfare-kiosk").path
    _ = siblingsBuilt
    if FileManager.default.isExecutableFile(atPath: sibling) {
        return [sibling, "--config", "kiosk.conf"]
    }
    FileHandle.standardError.write(Data(
        "kiosk-bench: measuring this binary's --kiosk-child mode; build welfare-kiosk for the real figure\n".utf8))
    return [own.path, "--kiosk-child", "kiosk.conf"]
}()

/// `welfare-kiosk` and `kiosk-explainer` built in this binary's configuration, once, when this
/// is the package's folder; the build's output goes to standard error, keeping standard output
/// JSON.
let siblingsBuilt: Void = {
    let configuration = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().lastPathComponent
    guard FileManager.default.fileExists(atPath: "Package.swift"), ["release", "debug"].contains(configuration) else { return }
    for product in ["welfare-kiosk", "kiosk-explainer"] {
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = ["swift", "build", "-c", configuration, "--product", product]
        build.standardOutput = FileHandle.standardError
        do {
            try build.run()
            build.waitUntilExit()
        } catch {
            FileHandle.standardError.write(Data("kiosk-bench: cannot build \(product): \(error)\n".utf8))
        }
    }
}()

private func startKioskOnce() -> (milliseconds: Double, residentMegabytes: Double)? {
    let clock = ContinuousClock()
    let started = clock.now
    guard let kiosk = try? PseudoTerminalChild(
        kioskCommand, environment: ["LANG=C.UTF-8", "TERM=xterm-256color", "PATH=/usr/bin:/bin"])
    else { return nil }
    defer {
        kill(kiosk.pid, SIGTERM)
        _ = kiosk.status(waiting: .seconds(5))
    }
    guard let framed = kiosk.readFirstBurst(), kiosk.text.contains("키오스크") else { return nil }
    return (milliseconds(framed - started), residentMegabytes(of: kiosk.pid))
}

/// VmRSS from /proc, in MB (2^20 bytes).
private func residentMegabytes(of pid: pid_t) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return .nan }
    return kilobytes / 1024
}
