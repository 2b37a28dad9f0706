import Explainer
import Foundation
import PropertyBased
import Rules
import Settings
import Testing

/// No input crashes the engine: random and extreme households through `eval`'s own path, the
/// planner and the template explainer, and a smaller number through the real binary.
///
/// In-process, each household goes the way the binary takes it (`RulePack.evaluate(json:on:)`,
/// then `EvaluationJSON`), so 100,000 of them run in seconds; a crash there kills the test
/// runner, which fails the run as surely as an assertion. Through the binary, a crash is a
/// signal instead of exit 0 or 2.
@Suite("Fuzz: random households never crash eval, the planner or the explainer")
struct EngineFuzzTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { url.deleteLastPathComponent() }
        return url
    }()
    static let packDirectories = ["rules/kr-welfare", "rules/kr-culture"].map { root.appendingPathComponent($0).path }
    static let packs = packDirectories.map { try! RulePack.load(directory: $0) }
    static let locales = try! LocaleBundle.load(from: root.appendingPathComponent("locales"))
    static let days = ["2025-01-01", "2026-06-01", "2027-12-31"].map { Day($0)! }

    static let batchSize = 500
    static let inProcessBatches = 200

    @Test("100,000 random households in-process: exit 0 with contract JSON, or one line naming the problem")
    func inProcess() async {
        let clock = ContinuousClock()
        let started = clock.now
        var households = 0, rejected = 0, explained = 0
        for (p, pack) in Self.packs.enumerated() {
            let batches = p == 0 ? Self.inProcessBatches * 9 / 10 : Self.inProcessBatches / 10
            await propertyCheck(count: batches, input: Households.batches(pack.facts, count: Self.batchSize)) { batch in
                for (n, text) in batch.enumerated() {
                    households += 1
                    let day = Self.days[n % Self.days.count]
                    let facts: Facts
                    do {
                        facts = try FactsJSON.parse(text, vocabulary: pack.facts)
                    } catch {
                        rejected += 1
                        let message = String(describing: error)
                        if message.isEmpty || message.contains("\n") { Issue.record("\(text) → \(message)") }
                        continue
                    }
                    // Every household is evaluated, every 5th planned for; every 25th also goes the whole
                    // way of `eval` (the trace and the contract JSON, checked) and is explained.
                    let quick = pack.evaluate(facts, on: day)
                    if quick.programs.count != pack.programs.count { Issue.record("\(text): programmes missing") }
                    guard n % 5 == 0 else { continue }
                    // The planner never asks what is already known.
                    if let q = quick.nextQuestion, facts[q] != nil { Issue.record("\(text) asks \(q) again") }
                    guard n % 25 == 0 else { continue }
                    let evaluation = pack.evaluate(facts, on: day, trace: true)
                    let problems = Contract.problems(EvaluationJSON.render(evaluation), pack: pack)
                    #expect(problems.isEmpty, "\(text) → \(problems)")
                    do {
                        explained += 1
                        let language = Language.allCases[(n / 25) % Language.allCases.count]
                        let sheet = FactSheet(evaluation)
                        let text = TemplateExplainer(catalog: Self.locales.catalog(language)).text(sheet)
                        #expect(!text.isEmpty)
                    }
                }
            }
        }
        print("fuzz: \(households) random households in-process (\(rejected) rejected as bad input, \(explained) explained) in \(clock.now - started)")
        #expect(households >= 100_000)
    }

    @Test("Random households through the real welfare-kiosk binary: exit 0 or 2, never a signal")
    func throughTheBinary() async throws {
        let binary = try Self.binary()
        let clock = ContinuousClock()
        let started = clock.now
        var runs = 0
        let pack = Self.packs[0]
        await propertyCheck(count: 4, input: Households.batches(pack.facts, count: 15)) { batch in
            for text in batch {
                runs += 1
                let run = Self.eval(binary, text)
                #expect(run.reason == .exit && (run.status == 0 || run.status == 2), "\(text) → status \(run.status), \(run.stderr)")
                if run.status == 0 {
                    #expect(Contract.problems(run.stdout, pack: pack).isEmpty, "\(text)")
                } else {
                    let lines = run.stderr.split(separator: "\n")
                    #expect(lines.count == 1 && lines[0].hasPrefix("error: "), "\(text) → \(run.stderr)")
                }
            }
        }
        print("fuzz: \(runs) random households through the welfare-kiosk binary in \(clock.now - started)")
    }

    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["KIOSK_BIN"], FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates: [URL] = []
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("welfare-kiosk"))
            dir.deleteLastPathComponent()
        }
        candidates.append(root.appendingPathComponent(".build/debug/welfare-kiosk"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw BinaryMissing()
        }
        return found
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        var description: String { "welfare-kiosk is not built; run swift build --product welfare-kiosk first" }
    }

    struct Run {
        let reason: Process.TerminationReason
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func eval(_ binary: URL, _ input: String) -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["eval", "--rules", packDirectories[0], "--date", "2026-06-01", "-"]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch { return Run(reason: .uncaughtSignal, status: -1, stdout: "", stderr: "\(error)") }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(reason: process.terminationReason, status: process.terminationStatus,
                   stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
