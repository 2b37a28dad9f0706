import Foundation
import KioskApp
import Rules
import Settings
import Terminal

/// The plain explanation and the Hangul keyboard, in memory at 80x24.
///
/// - `ask.keystroke_ms`: one jamo key on the question keyboard (a physical keyboard's `r`, ㄱ),
///   composed by libhangul, the screen drawn with the new preedit and presented; median of
///   2,000 (each followed by an untimed backspace, so the question never grows).
/// - `explain.local_template_ms`: from the key that opens the results to the presented frame
///   that shows the template explanation, with the in-process `LocalExplanationService`
///   (the results page drawn, the request sent, evaluated again and explained on the
///   service's queue, the event polled and the page drawn again); median of 50.
func runAskBenchmarks() -> [BenchmarkResult] {
    guard let app = kioskOnReview() else { return [] }
    return keystroke(app).map { [BenchmarkResult(name: "ask.keystroke_ms", value: $0, unit: "ms")] } ?? []
}

func runLocalTemplateBenchmarks() -> [BenchmarkResult] {
    guard let app = kioskOnReview() else { return [] }
    return localTemplate(app).map { [BenchmarkResult(name: "explain.local_template_ms", value: $0, unit: "ms")] } ?? []
}

/// A kiosk on an in-memory 80x24 screen, on the review of a whole session.
private func kioskOnReview() -> KioskApp? {
    let resources: KioskResources
    do {
        resources = try KioskResources.load(config: KioskConfig.load(path: "kiosk.conf", mustExist: false))
    } catch {
        FileHandle.standardError.write(Data("kiosk-bench: ask: \(error)\n".utf8))
        return nil
    }
    let terminal = MemoryTerminal(size: Size(width: 80, height: 24), palette: Palette(theme: resources.theme))
    let app = KioskApp(terminal: terminal, resources: resources, rules: benchRules(resources))
    app.start()
    reachReview(app)
    return app.state.step == .review ? app : nil
}

/// Arrival and every question answered "잘 모르겠어요" or with a small figure, up to the review.
private func reachReview(_ app: KioskApp) {
    for key in [Key.enter, .character("1"), .character("1")] { app.handle(.key(key)) }
    var asked = 0
    while app.state.step == .question, asked < 40, let question = app.state.session.question {
        asked += 1
        let keys: [Key] = switch question.kind {
        case .yesNo: [.character("2")]
        case .choice: [.character("1")]
        case .amount: [.character("5"), .character("0"), .enter]
        case .number, .age: question.fact == "age" ? [.character("7"), .character("2"), .enter] : [.character("1"), .enter]
        case .duration: [.character("2"), .enter, .character("3"), .enter]
        case .children: [.right, .right, .enter]
        }
        for key in keys { app.handle(.key(key)) }
    }
}

private func localTemplate(_ app: KioskApp) -> Double? {
    guard app.state.step == .review else { return nil }
    let clock = ContinuousClock()
    var samples: [Double] = []
    for _ in 0..<50 {
        // On the review, focus wraps from the first answer to "결과 보기".
        app.handle(.key(.left))
        app.handle(.key(.left))
        app.handle(.key(.left))
        let start = clock.now
        app.handle(.key(.enter))
        while app.state.explanation?.lines.isEmpty ?? true, clock.now - start < .seconds(10) {
            if app.pollExplanations() == nil { usleep(50) }
        }
        guard app.state.explanation?.lines.isEmpty == false else { return nil }
        samples.append(milliseconds(clock.now - start))
        app.handle(.key(.character(".")))  // back to the review
    }
    return median(samples)
}

private func keystroke(_ app: KioskApp) -> Double? {
    // From the review: to the results, then the keyboard by its button.
    app.handle(.key(.left))
    app.handle(.key(.left))
    app.handle(.key(.left))
    app.handle(.key(.enter))
    guard app.state.step == .results else { return nil }
    // Focus wraps from the first programme past help, finish and review to "직접 물어보기",
    // the last question button.
    for _ in 0..<4 { app.handle(.key(.left)) }
    app.handle(.key(.enter))
    guard app.state.step == .ask else { return nil }
    let clock = ContinuousClock()
    var samples: [Double] = []
    for _ in 0..<2000 {
        samples.append(milliseconds(clock.measure { app.handle(.key(.character("r"))) }))
        app.handle(.key(.backspace))
    }
    return median(samples)
}
