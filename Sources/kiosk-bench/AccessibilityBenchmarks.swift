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
/// - `a11y.big_glyph_frame_ms`: the age question in Korean at 120x40 in the mode with no
///   `enlarge_command`, its title drawn in Unifont big glyphs: a full render (page built, laid
///   out, drawn) and presented, in memory; median of 500 after the font's glyphs are looked up.
///   Absent when `/usr/share/unifont/unifont.hex` is not installed.
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
    var results = [
        BenchmarkResult(name: "a11y.toggle_ms", value: median(toggles), unit: "ms"),
        BenchmarkResult(name: "a11y.speech_start_ms", value: median(starts), unit: "ms"),
    ]
    if let frame = bigGlyphFrame(silent) {
        results.append(BenchmarkResult(name: "a11y.big_glyph_frame_ms", value: frame, unit: "ms"))
    }
    return results
}

/// Median milliseconds of rendering and presenting a question page with a big title.
private func bigGlyphFrame(_ resources: KioskResources) -> Double? {
    let clock = ContinuousClock()
    let terminal = MemoryTerminal(size: Size(width: 120, height: 40), palette: Palette(theme: resources.theme))
    let app = KioskApp(terminal: terminal, resources: resources, rules: benchRules(resources))
    app.start()
    // The mode, then attract, Korean, privacy accepted; then "잘 모르겠어요" to each question
    // until the age question, whose title ("만 나이가 몇 세이신가요?") fits in two big lines.
    for key: Key in [.character("*"), .enter, .character("1"), .character("1")] { app.handle(.key(key)) }
    for _ in 0..<40 {
        guard let question = app.state.session.question else { break }
        let keys: [Key]
        switch question.kind {
        case .age: keys = []
        case .yesNo: keys = [.character("3")]
        case .children: keys = [.right, .right, .enter]
        default: keys = [.right, .enter]
        }
        if keys.isEmpty { break }
        for key in keys { app.handle(.key(key)) }
    }
    // Half blocks on the screen's top rows show the big title is really there.
    guard (0..<10).contains(where: { app.render().text(row: $0).contains("█") }) else {
        FileHandle.standardError.write(Data("kiosk-bench: no big title drawn (is the unifont package installed?)\n".utf8))
        return nil
    }
    var frames: [Double] = []
    for _ in 0..<500 {
        frames.append(milliseconds(clock.measure { _ = terminal.present(app.render()) }))
    }
    return median(frames)
}

/// The shipped kiosk.conf's defaults with accessibility's voice replaced.
private func resources(voice: String) -> KioskResources? {
    let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    guard let config = try? KioskConfig.parse(text: "[accessibility]\nspeech_command = \(voice)\n", baseDirectory: base) else { return nil }
    return try? KioskResources.load(config: config)
}
