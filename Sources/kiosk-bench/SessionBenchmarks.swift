import Foundation
import Glibc
import KioskApp
import Rules
import SessionLog
import Settings
import Terminal
import SeededRandom

/// The session model's figures (issues 4 and 6).
///
/// - `session.replay_cpu_ms`: one whole session, first question to results, replayed through
///   the kiosk app on an in-memory 80x24 terminal — every answer typed on the keypad, every
///   frame drawn and presented — on a household it has never seen (a fresh rule book, so no
///   plan is reused): thread CPU time, median of 41 households. `session.model_replay_cpu_ms`
///   is the session model alone.
/// - `session.questions_median`: questions those sessions asked (about one answer in seven is
///   "잘 모르겠어요"); `session.questions_all_known_median` the same over 101 households that know
///   every answer.
/// - `log.simulate_10k_s`: what `welfare-kiosk simulate --count 10000` does with a facts file of
///   100 households: 10,000 sessions replayed, summarised and committed through the writer
///   (WAL, synchronous=FULL), wall time including the close; `log.simulate_10k_cpu_s` is the
///   CPU time it took, all threads.
func runSessionBenchmarks() -> [BenchmarkResult] {
    guard let (config, rules, households) = sessionBenchFixture(),
          let resources = try? KioskResources.load(config: config)
    else { return [] }
    var modelCPU: [Double] = []
    var appCPU: [Double] = []
    var questions: [Double] = []
    for household in households.prefix(41).map(wholeManWon) {
        let cold = RuleBook(packs: rules.packs, day: rules.day)
        let start = threadCPUTime()
        let session = Session.replay(household, rules: cold, language: .ko)
        let results = session.results
        modelCPU.append(threadCPUTime() - start)
        questions.append(Double(session.history.count))
        precondition(results.items.count == rules.packs.map(\.programs.count).reduce(0, +))

        let (cpu, app) = replayThroughApp(household, resources: resources, rules: RuleBook(packs: rules.packs, day: rules.day))
        precondition(app.state.step == .results && app.state.session.history == session.history,
                     "the app asked \(app.state.session.history), the model \(session.history)")
        appCPU.append(cpu)
    }
    // The planner's own measure: households that know every answer, settled completely.
    var random = SplitMix(seed: 12)
    let known = (0..<101).map { _ in
        Double(Session.replay(RulesBenchmarkSupport.household(&random, pack: rules.packs[0], knownShare: 1), rules: rules,
                              language: .ko).history.count)
    }
    return [
        BenchmarkResult(name: "session.replay_cpu_ms", value: median(appCPU), unit: "ms"),
        BenchmarkResult(name: "session.model_replay_cpu_ms", value: median(modelCPU), unit: "ms"),
        BenchmarkResult(name: "session.questions_median", value: median(questions), unit: "questions"),
        BenchmarkResult(name: "session.questions_all_known_median", value: median(known), unit: "questions"),
    ]
}

func runSimulateBenchmarks() -> [BenchmarkResult] {
    guard let (config, rules, households) = sessionBenchFixture() else { return [] }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-bench-session-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let writer = SessionLogWriter.open(path: folder.appendingPathComponent("simulate.sqlite").path,
                                       anonymizer: Anonymizer(kioskID: "bench-kiosk", timeZone: config.log.timeZone),
                                       capacity: Simulation.writerCapacity)
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let cpuBefore = cpuSeconds(usage)
    let report = Simulation.run(households: households, count: 10_000, rules: RuleBook(packs: rules.packs, day: rules.day),
                                language: .ko, startedAt: Date(), writer: writer)
    precondition(report.committed == 10_000, "simulate lost sessions: \(report.dropped) dropped, \(report.lastError ?? "")")

    getrusage(RUSAGE_SELF.rawValue, &usage)
    return [
        BenchmarkResult(name: "log.simulate_10k_s", value: milliseconds(report.elapsed) / 1000, unit: "s"),
        // The same run's CPU time, every thread: what the wall time would be on one idle core,
        // and a figure the other builds on a shared machine do not move.
        BenchmarkResult(name: "log.simulate_10k_cpu_s", value: cpuSeconds(usage) - cpuBefore, unit: "s"),
    ]
}

/// A session by keypad, as a citizen at the kiosk gives it: the household's answers typed (amounts
/// in 만원, ages and durations as years then months), "잘 모르겠어요" where it has none. Returns
/// the thread CPU time from accepting the privacy notice to the results on screen.
private func replayThroughApp(_ household: Facts, resources: KioskResources, rules: RuleBook) -> (Double, KioskApp) {
    let terminal = MemoryTerminal(size: Size(width: 80, height: 24), palette: Palette(theme: resources.theme))
    let app = KioskApp(terminal: terminal, resources: resources, rules: rules)
    app.start()
    func press(_ keys: [Key]) { for key in keys { app.handle(.key(key)) } }
    func type(_ number: Int) { press(String(number).map { .character($0) } + [.enter]) }
    press([.enter, .character("1")])  // attract, then 한국어
    let start = threadCPUTime()
    press([.enter])  // the privacy notice accepted: the first question
    var asked = 0
    while app.state.step == .question, let question = app.state.session.question, asked < 40 {
        asked += 1
        let value = household[question.fact]
        switch (question.kind, value) {
        case (.yesNo, .bool(let yes)?): press([.character(yes ? "1" : "2")])
        case (.yesNo, _): press([.character("3")])
        case (.amount, .number(let won)?): type(won / 10_000)
        case (.number, .number(let n)?), (.age, .number(let n)?): type(n)
        case (.duration, .number(let months)?): type(months / 12); type(months % 12)
        case (.children, .list(let ages)?):
            for months in ages { type(months / 12); type(months % 12) }
            press([.right, .enter])
        case (.children, _): press([.right, .right, .enter])
        default: press([.right, .enter])
        }
    }
    // The review: down to its last button, "see the results".
    var moves = 0
    while app.state.step == .review, app.state.focus < app.state.session.history.count, moves < 60 {
        press([.down])
        moves += 1
    }
    press([.enter])
    return (threadCPUTime() - start, app)
}

/// Amounts rounded down to whole 만원, as the keypad types them.
private func wholeManWon(_ household: Facts) -> Facts {
    var rounded = household
    for (key, value) in household.values where key.rawValue.hasSuffix("_krw") {
        if case .number(let won) = value { rounded[key] = .number(won / 10_000 * 10_000) }
    }
    return rounded
}

/// kiosk.conf's packs on a fixed day, and 100 seeded households with most facts known.
private func sessionBenchFixture() -> (KioskConfig, RuleBook, [Facts])? {
    guard let config = try? KioskConfig.load(path: "kiosk.conf", mustExist: true),
          let rules = try? RuleBook.load(config: config, day: Day("2026-06-01")!)
    else {
        FileHandle.standardError.write(Data("kiosk-bench: run from the repository root (kiosk.conf or a rule pack did not load)\n".utf8))
        return nil
    }
    var random = SplitMix(seed: 4)
    let households = (0..<100).map { _ in RulesBenchmarkSupport.household(&random, pack: rules.packs[0], knownShare: 0.85) }
    return (config, rules, households)
}

private func cpuSeconds(_ usage: rusage) -> Double {
    Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// CPU time this thread has used, in milliseconds.
private func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}
