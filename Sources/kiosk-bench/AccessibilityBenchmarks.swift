import Foundation
import KioskApp
import Settings
import Terminal

/// Accessibility mode, in memory on the repository's kiosk.conf defaults.
///
/// - `a11y.toggle_ms`: the `*` key turning the mode on (palette switched, page re-laid out)
///   until the next frame is presented; voice off, so only the screen is timed; median of 500.
/// - `a11y.speech_start_ms`: a key that changes the screen (language choice and back) until
///   the voice's child process has been spawned with the new page's words, the frame drawn
///   first; the voice is `true`, so the figure is the kiosk's cost and not a synthesiser's;
///   median of 300.
func runAccessibilityBenchmarks() -> [BenchmarkResult] {
    guard let silent = resources(voice: "[]"), let voiced = resources(voice: #"["true"]"#) else {
        FileHandle.standardError.write(Data("kiosk-bench: run from the repository root (locales/ and themes/ not found)\n".utf8))
        return []
    }
    let clock = ContinuousClock()

    let terminal = MemoryTerminal(size: Size(width: 80, height: 24), palette: Palette(theme: silent.theme))
    let app = KioskApp(terminal: terminal, resources: silent, rules: benchRules(silent))
    app.start()
    var toggles: [Double] = []
    for _ in 0..<500 {
        toggles.append(milliseconds(clock.measure { app.handle(.key(.character("*"))) }))
        app.handle(.key(.character("*")))  // off again, untimed
    }

    let speaking = KioskApp(terminal: MemoryTerminal(size: Size(width: 80, height: 24)), resources: voiced, rules: benchRules(voiced))
    speaking.start()
    speaking.handle(.key(.character("*")))
    var starts: [Double] = []
    for index in 0..<600 {
        // Enter opens the language choice, "." goes back to the attract screen: each a new page.
        let key: Key = index % 2 == 0 ? .enter : .character(".")
        let time = milliseconds(clock.measure { speaking.handle(.key(key)) })
        if index >= 100 { starts.append(time) }
    }
    speaking.wipe()
    return [
        BenchmarkResult(name: "a11y.toggle_ms", value: median(toggles), unit: "ms"),
        BenchmarkResult(name: "a11y.speech_start_ms", value: median(starts), unit: "ms"),
    ]
}

/// The shipped kiosk.conf's defaults with accessibility's voice replaced.
private func resources(voice: String) -> KioskResources? {
    let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    guard let config = try? KioskConfig.parse(text: "[accessibility]\nspeech_command = \(voice)\n", baseDirectory: base) else { return nil }
    return try? KioskResources.load(config: config)
}
