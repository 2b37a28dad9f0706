import Dispatch
import Explainer
import ExplainerHTTP
import Explanations
import Foundation
import Glibc
import Rules
import Settings
import Synchronization

/// Explainer figures (issue 5): the template for a full result, and what the client, the
/// safety filter and the grounding guard add between the server's first content byte and the
/// first character a citizen could see.
///
/// The second figure runs scripts/scripted-openai-server.py on 127.0.0.1, which stamps
/// CLOCK_MONOTONIC just before it writes each answer's first content byte; the bench reads the
/// same clock when the first checked sentence arrives. Run from the repository root.
func runExplainerBenchmarks() -> [BenchmarkResult] {
    let path = ProcessInfo.processInfo.environment["KIOSK_CONFIG"] ?? "kiosk.conf"
    let pack: RulePack, locales: LocaleBundle
    do {
        let config = try KioskConfig.load(path: path, mustExist: false)
        pack = try RulePack.load(directory: config.paths.rules.path)
        locales = try LocaleBundle.load(from: config.paths.locales)
    } catch {
        FileHandle.standardError.write(Data("explain benchmarks skipped: \(error)\n".utf8))
        return []
    }
    let facts = Facts([
        "age": .number(67), "has_spouse": .bool(false), "household_size": .number(1), "earned_income_krw": .number(0),
        "other_income_krw": .number(300_000), "property_krw": .number(0), "financial_assets_krw": .number(0),
        "debt_krw": .number(0), "car_value_krw": .number(0),
        // Without it 기초연금 is undetermined (2026.2) and the guard rightly refuses the answer.
        "nationality": .choice("korean"),
    ])
    let day = Day("2026-06-01")!
    let evaluation = pack.evaluate(facts, on: day, trace: true)
    let template = TemplateExplainer(catalog: locales.catalog(.ko))

    // The template of a full result: the fact sheet from the trace, then the sentences.
    let clock = ContinuousClock()
    var times: [Double] = []
    var text = ""
    for _ in 0..<200 {
        times.append(milliseconds(clock.measure { text = template.text(FactSheet(evaluation)) }))
    }
    precondition(!text.isEmpty)
    var results = [BenchmarkResult(name: "explain.template_ms", value: median(times), unit: "ms")]
    var worker: [Double] = []
    if let overhead = firstCharacterOverhead(evaluation: evaluation, locales: locales, worker: &worker) {
        // The figure the issue names is the kiosk's real path, through the worker process.
        let kiosk = worker.isEmpty ? overhead : worker
        results.append(BenchmarkResult(name: "explain.first_char_overhead_ms", value: median(kiosk), unit: "ms"))
        results.append(BenchmarkResult(name: "explain.first_char_overhead_p95_ms", value: percentile(kiosk, 0.95), unit: "ms"))
        results.append(BenchmarkResult(name: "explain.first_char_overhead_in_process_ms", value: median(overhead), unit: "ms"))
    }
    return results
}

private func monotonicNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

private final class Samples: Sendable {
    let values = Mutex<[Double]>([])
}

/// From the server's first content byte to the first checked sentence in this process, and the
/// same through the worker (`worker`), which is the kiosk's real path.
private func firstCharacterOverhead(evaluation: Evaluation, locales: LocaleBundle, worker: inout [Double]) -> [Double]? {
    let stamp = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-bench-stamp-\(getpid())").path
    let server = Process()
    server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    server.arguments = ["python3", "scripts/scripted-openai-server.py"]
    server.environment = ProcessInfo.processInfo.environment.merging(["KIOSK_STAMP_FILE": stamp]) { $1 }
    let input = Pipe(), output = Pipe()
    server.standardInput = input
    server.standardOutput = output
    do { try server.run() } catch {
        FileHandle.standardError.write(Data("explain.first_char_overhead_ms skipped: cannot start python3: \(error)\n".utf8))
        return nil
    }
    defer { try? input.fileHandleForWriting.close(); server.waitUntilExit(); unlink(stamp) }
    var line = Data()
    while let byte = try? output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line.append(byte) }
    guard let port = Int(String(decoding: line, as: UTF8.self)) else { return nil }

    let pension = evaluation.programs.first { $0.id == "basic_pension" }
    let amount = pension?.monthlyAmount.map { KoreanMoney.format(Double($0.value)) } ?? "0원"
    let answer = "기초연금은 받을 수 있어요. 한 달에 \(amount)을 받을 수 있어요."
    let encoded = Data(answer.utf8).base64EncodedString()
        .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    let url = URL(string: "http://127.0.0.1:\(port)/ok/\(encoded)")!
    let values = inProcess(url: url, evaluation: evaluation, locales: locales, stamp: stamp)
    worker = throughWorker(url: url, evaluation: evaluation, stamp: stamp)
    if values.isEmpty {
        FileHandle.standardError.write(Data("explain.first_char_overhead_ms skipped: no sentence of the scripted answer was shown\n".utf8))
        return nil
    }
    return values
}

/// The client, the filter and the guard in this process.
private func inProcess(url: URL, evaluation: Evaluation, locales: LocaleBundle, stamp: String) -> [Double] {
    let samples = Samples()
    let done = DispatchSemaphore(value: 0)
    Task {
        let explainer = Explainer.connecting(settings: ExplainerSettings(endpoint: url, explainPrompt: ""), locales: locales)
        for _ in 0..<30 {
            var firstAt: UInt64?
            for await event in explainer.explain(evaluation, language: .ko) {
                if case .sentence = event, firstAt == nil { firstAt = monotonicNanoseconds() }
            }
            if let firstAt, let sent = stamped(stamp), firstAt > sent {
                samples.values.withLock { $0.append(Double(firstAt - sent) / 1e6) }
            }
        }
        await explainer.shutdown()
        done.signal()
    }
    done.wait()
    return samples.values.withLock { $0 }
}

/// The kiosk's real path: kiosk-explainer (built beside this binary) does the above and sends
/// each checked sentence over its socket; the kiosk's side waits on the wake descriptor as its
/// event loop does.
private func throughWorker(url: URL, evaluation: Evaluation, stamp: String) -> [Double] {
    _ = siblingsBuilt
    guard let executable = WorkerLocation.beside(CommandLine.arguments[0]) else {
        FileHandle.standardError.write(Data("explain.first_char_overhead_ms: kiosk-explainer is not built beside kiosk-bench; measuring in-process only\n".utf8))
        return []
    }
    let service = WorkerExplanationService(
        configuration: .init(executable: executable, arguments: ["--config", "kiosk.conf", "--llm", url.absoluteString],
                             watchdog: .seconds(30)),
        fallback: { _ in "" })
    defer { service.shutdown() }
    let request = ExplanationRequest(subject: .result, facts: FactsJSON.encode(evaluation.facts.facts),
                                     day: evaluation.day.description, language: "ko")
    var values: [Double] = []
    for _ in 0..<30 {
        let ticket = service.begin(request)
        var firstAt: UInt64?
        var finished = false
        while !finished {
            var descriptor = pollfd(fd: service.wakeDescriptor!, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 1000)
            for (from, event) in service.poll() where from == ticket {
                if case .sentence = event, firstAt == nil { firstAt = monotonicNanoseconds() }
                if case .finished = event { finished = true }
            }
        }
        if let firstAt, let sent = stamped(stamp), firstAt > sent { values.append(Double(firstAt - sent) / 1e6) }
    }
    return values
}

private func stamped(_ path: String) -> UInt64? {
    (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { UInt64($0) }
}

/// The guard on its adversarial corpus (issue 15): the share of true sentences kept (precision,
/// target ≥ 90%), of false ones refused (recall, target 100%), and its cost per sentence
/// (target ≤ 0.2 ms), from the repository's Tests/ExplainerTests/Corpus/guard.jsonl.
func runGuardBenchmarks() -> [BenchmarkResult] {
    let path = ProcessInfo.processInfo.environment["KIOSK_CONFIG"] ?? "kiosk.conf"
    let corpus: GuardCorpus
    do {
        let config = try KioskConfig.load(path: path, mustExist: false)
        let pack = try RulePack.load(directory: config.paths.rules.path)
        let text = try String(contentsOfFile: "Tests/ExplainerTests/Corpus/guard.jsonl", encoding: .utf8)
        corpus = try GuardCorpus(jsonLines: text, pack: pack, day: Day("2026-06-01")!)
    } catch {
        FileHandle.standardError.write(Data("guard benchmarks skipped: \(error)\n".utf8))
        return []
    }
    let score = GuardCorpus.score(corpus.verdicts())
    // The cost of one check alone: the guards are built once per household, as a request does.
    let checks: [(GroundingGuard, String)] = corpus.households.flatMap { household in
        let sheet = FactSheet(household.evaluation)
        return corpus.sentences.filter { $0.truth[household.name] != nil }.map { (GroundingGuard(sheet: sheet, language: $0.language), $0.text) }
    }
    let clock = ContinuousClock()
    var perSentence: [Double] = []
    for _ in 0..<20 {
        var refused = 0
        let elapsed = clock.measure { for (grounding, text) in checks where grounding.check(text) != nil { refused += 1 } }
        precondition(refused > 0)
        perSentence.append(milliseconds(elapsed) / Double(checks.count))
    }
    return [
        BenchmarkResult(name: "explain.guard_true_kept_pct", value: score.trueKept * 100, unit: "%"),
        BenchmarkResult(name: "explain.guard_false_refused_pct", value: score.falseRefused * 100, unit: "%"),
        BenchmarkResult(name: "explain.guard_ms_per_sentence", value: median(perSentence), unit: "ms"),
    ]
}
