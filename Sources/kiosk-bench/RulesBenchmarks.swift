import Foundation
import Glibc
import Rules
import SeededRandom

/// Throughput and load time of the rules engine, and how many questions the planner needs.
///
/// Households are random but seeded, so every run measures the same mix: some facts known, some
/// unknown, children of every age, incomes around and far from the thresholds.
func runRulesBenchmarks(wanted: (String) -> Bool = { _ in true }) -> [BenchmarkResult] {
    let directory = RulesBenchmarkSupport.packDirectory()
    let loadStart = ContinuousClock.now
    guard let pack = try? RulePack.load(directory: directory) else {
        FileHandle.standardError.write(Data("rules benchmarks: cannot load \(directory)\n".utf8))
        return []
    }
    // Loading again measures a warm process the same way every time (the first load also pays
    // for Yams' and Foundation's one-off start-up).
    var loadTimes: [Double] = [RulesBenchmarkSupport.milliseconds(ContinuousClock.now - loadStart)]
    for _ in 0..<5 {
        let start = ContinuousClock.now
        _ = try? RulePack.load(directory: directory)
        loadTimes.append(RulesBenchmarkSupport.milliseconds(ContinuousClock.now - start))
    }
    let day = Day("2026-06-01")!
    var random = SplitMix(seed: 2026)
    let households = (0..<4096).map { _ in pack.prepare(RulesBenchmarkSupport.household(&random, pack: pack, knownShare: 0.7)) }

    func throughput(trace: Bool, materialize: Bool = false) -> Double {
        var checksum = 0
        // Warm the per-date parameter cache and the caches of the machine.
        for h in households.prefix(256) { checksum &+= pack.evaluate(h, on: day, trace: trace).programs.count }
        var evaluated = 0
        // The figures are per core: time is this thread's CPU time, so other work sharing the
        // machine does not count against the engine (wall time halves them on a busy 2-core box).
        let start = RulesBenchmarkSupport.threadCPUSeconds()
        var elapsed = 0.0
        while elapsed < 0.8 {
            for h in households {
                let e = pack.evaluate(h, on: day, trace: trace)
                checksum &+= e.programs[0].status == .eligible ? 1 : 0
                if materialize {
                    // Every entry is complete: its facts and parameters (table cells named) are
                    // there to read, as `eval` prints them.
                    for r in e.programs {
                        for entry in e.trace(r) { checksum &+= entry.facts.count &+ entry.parameters.count }
                    }
                }
            }
            evaluated += households.count
            elapsed = RulesBenchmarkSupport.threadCPUSeconds() - start
        }
        // Using the results keeps the optimiser from dropping the evaluations being timed.
        RulesBenchmarkSupport.blackHole(checksum)
        return Double(evaluated) / elapsed
    }

    /// `eval`'s planning: evaluation and the next question, as every `eval` and every kiosk
    /// answer pays for it.
    func planningThroughput() -> Double {
        var checksum = 0
        let start = RulesBenchmarkSupport.threadCPUSeconds()
        var evaluated = 0
        var elapsed = 0.0
        while elapsed < 0.8 {
            for h in households.prefix(1024) {
                checksum &+= pack.evaluate(h, on: day).nextQuestion?.rawValue.count ?? 0
            }
            evaluated += 1024
            elapsed = RulesBenchmarkSupport.threadCPUSeconds() - start
        }
        RulesBenchmarkSupport.blackHole(checksum)
        return Double(evaluated) / elapsed
    }

    var results: [BenchmarkResult] = []
    func measure(_ name: String, _ unit: String, _ figure: () -> Double) {
        if wanted(name) { results.append(BenchmarkResult(name: name, value: figure(), unit: unit)) }
    }
    measure("rules.eval_households_per_s", "households/s") { throughput(trace: false).rounded() }
    // Every value recorded, but no explanation built yet.
    measure("rules.eval_recorded_households_per_s", "households/s") { throughput(trace: true).rounded() }
    // The full trace: every programme's explanation entries (rule texts, facts with their
    // values, parameters with value, date, source and confidence), as `eval` prints them.
    measure("rules.eval_traced_households_per_s", "households/s") { throughput(trace: true, materialize: true).rounded() }
    measure("rules.next_question_households_per_s", "households/s") { planningThroughput().rounded() }
    measure("rules.pack_load_ms", "ms") { loadTimes.dropFirst().sorted()[loadTimes.count / 2 - 1] }
    // Questions the planner asks before nothing is left to ask, over the seeded households.
    if wanted("rules.planner_median_questions") || wanted("rules.planner_max_questions") {
        var questions: [Int] = []
        var plannerRandom = SplitMix(seed: 7)
        for _ in 0..<500 {
            let truth = RulesBenchmarkSupport.household(&plannerRandom, pack: pack, knownShare: 1)
            var known = Facts()
            var asked = 0
            while let next = pack.evaluate(known, on: day).nextQuestion, asked < pack.facts.count {
                known[next] = truth[next]
                asked += 1
            }
            questions.append(asked)
        }
        questions.sort()
        measure("rules.planner_median_questions", "questions") { Double(questions[questions.count / 2]) }
        measure("rules.planner_max_questions", "questions") { Double(questions.last!) }
    }
    return results
}

enum RulesBenchmarkSupport {
    /// Makes a value observable to the compiler without printing it.
    @inline(never) static func blackHole(_ value: Int) {
        if value == Int.min { FileHandle.standardError.write(Data("\(value)\n".utf8)) }
    }

    /// CPU time this thread has used, in seconds.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// `rules/kr-welfare` from the working directory, else beside this source file's repository.
    static func packDirectory() -> String {
        if FileManager.default.fileExists(atPath: "rules/kr-welfare/pack.yaml") { return "rules/kr-welfare" }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repo.appendingPathComponent("rules/kr-welfare").path
    }

    /// A plausible household (`PlausibleHousehold`): each fact known with probability `knownShare`.
    static func household(_ r: inout SplitMix, pack: RulePack, knownShare: Double) -> Facts {
        var facts = Facts()
        for (key, value) in PlausibleHousehold.make(&r).values.sorted(by: { $0.key < $1.key })
        where r.unit() < knownShare && pack.fact(key) != nil {
            facts[key] = value
        }
        return facts
    }
}
