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
    if let overhead = firstCharacterOverhead(evaluation: evaluation, locales: locales) {
        results.append(BenchmarkResult(name: "explain.first_char_overhead_ms", value: median(overhead), unit: "ms"))
        results.append(BenchmarkResult(name: "explain.first_char_overhead_p95_ms", value: percentile(overhead, 0.95), unit: "ms"))
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

private func firstCharacterOverhead(evaluation: Evaluation, locales: LocaleBundle) -> [Double]? {
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
    let samples = Samples()
    let done = DispatchSemaphore(value: 0)
    Task {
        let explainer = Explainer.connecting(settings: ExplainerSettings(endpoint: url, explainPrompt: ""), locales: locales)
        for _ in 0..<30 {
            var firstAt: UInt64?
            for await event in explainer.explain(evaluation, language: .ko) {
                if case .sentence = event, firstAt == nil { firstAt = monotonicNanoseconds() }
            }
            if let firstAt, let text = try? String(contentsOfFile: stamp, encoding: .utf8), let sent = UInt64(text), firstAt > sent {
                samples.values.withLock { $0.append(Double(firstAt - sent) / 1e6) }
            }
        }
        await explainer.shutdown()
        done.signal()
    }
    done.wait()
    let values = samples.values.withLock { $0 }
    return values.isEmpty ? nil : values
}
