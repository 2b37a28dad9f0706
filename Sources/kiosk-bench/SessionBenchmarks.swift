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
///   (WAL, synchronous=FULL), wall time including the close; `log.simulate_10k_cpu_s` is the
///   CPU time it took, all threads.
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

private func cpuSeconds(_ usage: rusage) -> Double {
    Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// CPU time this thread has used, in milliseconds.
private func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}
