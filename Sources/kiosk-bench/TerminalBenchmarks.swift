import CNcursesw
import Glibc
import Terminal
import TextLayout

/// Terminal figures: what a full Korean screen and a single focus move cost.
///
/// `tui.full_redraw_ms` draws a 200x60 screen of Korean text into a buffer and presents it to
/// the in-memory terminal (diff against the previous, different frame plus the escape
/// sequences a terminal would receive). `tui.focus_move_ms` does the same for one focus move on
/// an 80x24 menu. `tui.focus_move_bytes` is what real ncurses writes to a pseudo-terminal for
/// that move (the in-memory writer's count is reported beside it). Medians of many runs.
func runTerminalBenchmarks() -> [BenchmarkResult] {
    var results = [
        BenchmarkResult(name: "tui.full_redraw_ms", value: fullRedrawMilliseconds(), unit: "ms"),
    ]
    let memory = focusMoveInMemory()
    results.append(BenchmarkResult(name: "tui.focus_move_ms", value: memory.milliseconds, unit: "ms"))
    results.append(BenchmarkResult(name: "tui.focus_move_bytes_memory", value: Double(memory.bytes), unit: "bytes"))
    if let real = focusMoveOnNcurses() {
        results.append(BenchmarkResult(name: "tui.focus_move_bytes", value: Double(real.bytes), unit: "bytes"))
        results.append(BenchmarkResult(name: "tui.focus_move_ncurses_ms", value: real.milliseconds, unit: "ms"))
    } else {
        results.append(BenchmarkResult(name: "tui.focus_move_bytes", value: Double(memory.bytes), unit: "bytes"))
    }
    return results
}

// MARK: - Full redraw

private let koreanParagraph = nfc(
    "기초연금은 만 65세 이상이고 소득인정액이 선정기준액 이하인 어르신께 매달 드립니다. "
        + "생계급여는 가구의 소득인정액이 기준 중위소득의 32퍼센트 이하일 때 받을 수 있습니다. "
        + "주거급여와 교육급여, 아동수당과 부모급여도 함께 확인해 보세요. ")

/// The screen's lines for a frame: the paragraph rotated so every frame differs from the last.
/// Prepared before timing, because composing strings is the app's work, not the terminal's.
private func koreanLines(size: Size, frame: Int) -> [String] {
    let characters = Array(koreanParagraph)
    return (0..<size.height).map { row in
        let start = (row * 7 + frame * 3) % characters.count
        let line = String(characters[start...] + characters[..<start])
        return line + line
    }
}

private func koreanScreen(size: Size, lines: [String]) -> Buffer {
    var buffer = Buffer(size: size)
    for (row, line) in lines.enumerated() {
        let style = row == 0 ? Style(.accent, bold: true) : (row % 5 == 0 ? Style(.muted) : .plain)
        buffer.put(line, x: 0, y: row, style: style)
    }
    return buffer
}

private func fullRedrawMilliseconds() -> Double {
    let size = Size(width: 200, height: 60)
    let frames = (0..<8).map { koreanLines(size: size, frame: $0) }
    let terminal = MemoryTerminal(size: size, palette: benchmarkPalette)
    terminal.present(koreanScreen(size: size, lines: frames[0]))
    let clock = ContinuousClock()
    var times: [Double] = []
    for frame in 1...300 {
        let elapsed = clock.measure {
            terminal.present(koreanScreen(size: size, lines: frames[frame % frames.count]))
        }
        times.append(milliseconds(elapsed))
    }
    return median(times)
}

// MARK: - Focus move

private let menuItems = ["한국어", "English", "中文", "Tiếng Việt", "도움말", "처음으로"]

private func menuScreen(focus: Int) -> Buffer {
    var buffer = Buffer(size: Size(width: 80, height: 24))
    buffer.fill(Rect(x: 0, y: 0, width: 80, height: 1), style: Style(.accent, bold: true))
    buffer.put("시흥시 복지 안내", x: 2, y: 0, style: Style(.accent, bold: true))
    buffer.put("원하시는 언어를 고르세요", x: 4, y: 3)
    for (index, item) in menuItems.enumerated() {
        let focused = index == focus
        let style = focused ? Style(.focus, bold: true, reverse: true) : Style(.text)
        buffer.fill(Rect(x: 4, y: 5 + 2 * index, width: 24, height: 1), style: style)
        buffer.put(focused ? "\(UIChrome.focusMarker) \(item)" : "  \(item)", x: 5, y: 5 + 2 * index, style: style)
    }
    buffer.put("▸ 선택: Enter   ◂ 뒤로: Esc", x: 4, y: 22, style: Style(.muted))
    return buffer
}

private func focusMoveInMemory() -> (milliseconds: Double, bytes: Int) {
    let terminal = MemoryTerminal(size: Size(width: 80, height: 24), palette: benchmarkPalette)
    terminal.present(menuScreen(focus: 0))
    let clock = ContinuousClock()
    var times: [Double] = []
    var bytes: [Double] = []
    for move in 1...2000 {
        var stats = PresentStats(cellsWritten: 0, bytesWritten: 0)
        let elapsed = clock.measure {
            stats = terminal.present(menuScreen(focus: move % menuItems.count))
        }
        times.append(milliseconds(elapsed))
        bytes.append(Double(stats.bytesWritten ?? 0))
    }
    return (median(times), Int(median(bytes)))
}

/// One focus move through real ncurses onto a pseudo-terminal, counting the bytes it sends.
private func focusMoveOnNcurses() -> (milliseconds: Double, bytes: Int)? {
    var controller: Int32 = -1
    var follower: Int32 = -1
    var window = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&controller, &follower, nil, nil, &window) == 0 else { return nil }
    defer {
        close(controller)
        close(follower)
    }
    let device = TerminalDevice(inputDescriptor: follower, outputDescriptor: follower, type: "xterm-256color")
    guard let terminal = try? NcursesTerminal(palette: benchmarkPalette, device: device, kioskSignals: false) else {
        return nil
    }
    defer { terminal.shutdown() }
    terminal.present(menuScreen(focus: 0))
    _ = drain(controller)
    let clock = ContinuousClock()
    var times: [Double] = []
    var bytes: [Double] = []
    for move in 1...200 {
        let elapsed = clock.measure {
            terminal.present(menuScreen(focus: move % menuItems.count))
        }
        times.append(milliseconds(elapsed))
        bytes.append(Double(drain(controller)))
    }
    return (median(times), Int(median(bytes)))
}

/// Reads what is waiting on the pseudo-terminal and returns its length.
private func drain(_ descriptor: Int32) -> Int {
    var total = 0
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 20) > 0 else { return total }
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return total }
        total += count
    }
}

// MARK: - Helpers

/// Three-digit colour indexes, the longest escape sequences a theme can cause.
private let benchmarkPalette: Palette = {
    var colors: [ColorRole: RoleColors] = [:]
    for (index, role) in ColorRole.allCases.enumerated() {
        colors[role] = RoleColors(
            foreground: TerminalColor(index256: UInt8(230 + index), index8: 7),
            background: TerminalColor(index256: 255, index8: 0))
    }
    return try! Palette(colors)
}()

private func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
}

private func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}
