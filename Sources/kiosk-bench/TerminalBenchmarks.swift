import Glibc
import Terminal
import TextLayout

/// Terminal figures: what a full screen of Korean costs.
///
/// `tui.full_redraw_ms` draws a 200x60 screen of Korean text into a buffer and presents it to
/// the in-memory terminal (diff against the previous, different frame plus the escape
/// sequences a terminal would receive). Median of many runs. The kiosk's own screens are
/// measured in `AppBenchmarks.swift`.
func runTerminalBenchmarks() -> [BenchmarkResult] {
    [BenchmarkResult(name: "tui.full_redraw_ms", value: fullRedrawMilliseconds(), unit: "ms")]
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
