import Foundation
import Glibc
import KioskApp
import Rules
import SessionLog
import Settings

/// The session model's figures (issues 4 and 6).
///
/// - `session.replay_cpu_ms`: one whole session, first question to results, replayed through
///   the session model on a household it has never seen (a fresh rule book, so no plan is
///   reused): thread CPU time, median of 41 households.
/// - `session.questions_median`: questions those sessions asked.
/// - `log.simulate_10k_s`: what `welfare-kiosk simulate --count 10000` does with a facts file of
///   100 households: 10,000 sessions replayed, summarised and committed through the writer
///   (WAL, synchronous=FULL), wall time including the close.
func runSessionBenchmarks() -> [BenchmarkResult] {
    guard let (_, rules, households) = sessionBenchFixture() else { return [] }
    var cpu: [Double] = []
    var questions: [Double] = []
    for household in households.prefix(41) {
        let cold = RuleBook(packs: rules.packs, day: rules.day)
        let start = threadCPUTime()
        let session = Session.replay(household, rules: cold, language: .ko)
        let results = session.results
        cpu.append(threadCPUTime() - start)
        questions.append(Double(session.history.count))
        precondition(results.items.count == rules.packs.map(\.programs.count).reduce(0, +))
    }
    return [
        BenchmarkResult(name: "session.replay_cpu_ms", value: median(cpu), unit: "ms"),
        BenchmarkResult(name: "session.questions_median", value: median(questions), unit: "questions"),
    ]
}

func runSimulateBenchmarks() -> [BenchmarkResult] {
    guard let (config, rules, households) = sessionBenchFixture() else { return [] }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-bench-session-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let writer = SessionLogWriter.open(path: folder.appendingPathComponent("simulate.sqlite").path,
                                       anonymizer: Anonymizer(kioskID: "bench-kiosk", timeZone: config.log.timeZone))
    let report = Simulation.run(households: households, count: 10_000, rules: RuleBook(packs: rules.packs, day: rules.day),
                                language: .ko, startedAt: Date(), writer: writer)
    precondition(report.committed == 10_000, "simulate lost sessions: \(report.dropped) dropped, \(report.lastError ?? "")")

    return [BenchmarkResult(name: "log.simulate_10k_s", value: milliseconds(report.elapsed) / 1000, unit: "s")]
}

/// kiosk.conf's packs on a fixed day, and 100 seeded households with most facts known.
private func sessionBenchFixture() -> (KioskConfig, RuleBook, [Facts])? {
    guard let config = try? KioskConfig.load(path: "kiosk.conf", mustExist: true),
          let rules = try? RuleBook.load(config: config, day: Day("2026-06-01")!)
    else {
        FileHandle.standardError.write(Data("kiosk-bench: run from the repository root (kiosk.conf or a rule pack did not load)\n".utf8))
        return nil
    }
    var random = SeededRandom(seed: 4)
    let households = (0..<100).map { _ in RulesBenchmarkSupport.household(&random, pack: rules.packs[0], knownShare: 0.85) }
    return (config, rules, households)
}

/// CPU time this thread has used, in milliseconds.
private func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}
