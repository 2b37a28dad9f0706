import Foundation
import KioskApp
import Rules
import Settings
import Terminal

/// The journey's responsiveness.
///
/// - `tui.keypress_p99_ms`: one key, handled, the page laid out and drawn, and the frame
///   presented on an in-memory 80x24 terminal; the 99th percentile over a whole session that
///   visits every screen (attract, language, privacy, each question, review, results, every
///   detail page, goodbye) with focus moves and scrolling on each. Goal ≤ 5 ms.
func runJourneyBenchmarks() -> [BenchmarkResult] {
    let resources: KioskResources
    do {
        resources = try KioskResources.load(config: KioskConfig.load(path: "kiosk.conf", mustExist: false))
    } catch {
        FileHandle.standardError.write(Data("kiosk-bench: journey: \(error)\n".utf8))
        return []
    }
    let rules = benchRules(resources)
    var samples: [Double] = []
    for _ in 0..<5 {
        samples += journeyKeypresses(resources, rules)
    }
    return [BenchmarkResult(name: "tui.keypress_p99_ms", value: percentile(samples, 0.99), unit: "ms")]
}

/// One session by keypad, every key timed from `handle` to the presented frame.
private func journeyKeypresses(_ resources: KioskResources, _ rules: RuleBook) -> [Double] {
    let terminal = MemoryTerminal(size: Size(width: 80, height: 24), palette: Palette(theme: resources.theme))
    let app = KioskApp(terminal: terminal, resources: resources, rules: rules)
    app.start()
    let clock = ContinuousClock()
    var samples: [Double] = []
    func press(_ keys: Key...) {
        for key in keys {
            samples.append(milliseconds(clock.measure { app.handle(.key(key)) }))
        }
    }
    // Arrival, with a look around each screen.
    press(.enter, .right, .left, .character("1"), .right, .left, .character("+"), .character("-"), .character("1"))
    // Questions: an older person's answers where a yes/no or figure fits, else "잘 모르겠어요".
    var asked = 0
    while app.state.step == .question, asked < 40, let question = app.state.session.question {
        asked += 1
        press(.right, .left)
        switch question.kind {
        case .yesNo: press(.character(asked % 2 == 0 ? "1" : "2"))
        case .choice: press(.character("1"))
        case .amount: press(.character("4"), .character("5"), .backspace, .character("0"), .enter)
        case .number, .age: press(.character(question.fact == "age" ? "7" : "1"), question.fact == "age" ? .character("2") : .character("0"))
            press(.backspace, .enter)
        case .duration: press(.character("2"), .enter, .character("3"), .enter)
        case .children: press(.character("1"), .enter, .character("6"), .enter, .right, .enter)
        }
    }
    // Review, results, then every detail page and back.
    press(.down, .up, .character("+"), .character("-"), .left, .left, .left, .enter)
    let programmes = app.state.results?.evaluations.reduce(0) { $0 + $1.programs.count } ?? 0
    for index in 0..<programmes where app.state.step == .results {
        // Back from a detail page the focus is on the first programme again.
        for _ in 0..<index { press(.right) }
        press(.enter, .character("+"), .character("+"), .character("-"), .character("."))
    }
    press(.function(1), .character("x"), .left, .left, .enter, .enter)
    return samples
}
