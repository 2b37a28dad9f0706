import Foundation
import Testing

@testable import SessionLog

/// A fresh folder under the system's temp dir, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("session-log-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

let seoul = Anonymizer.koreaTimeZone
let testAnonymizer = Anonymizer(kioskID: "jeongwang-1", timeZone: seoul)

/// 2026-11-15 14:37:12 in Seoul.
let novemberAfternoon = Date(timeIntervalSince1970: 1_794_721_032)

/// A summary with ordinary values; tests change what they are about.
func summary(
    at date: Date = novemberAfternoon,
    age: Int? = 40,
    household: Int? = 2,
    income: Double? = 0.6,
    language: String = "ko",
    exit: String = "results",
    outcomes: [String: ProgramOutcome] = ["basic_pension": .ineligible, "housing_benefit": .eligible],
    unknown: [String] = [],
    demo: Bool = false
) -> SessionSummary {
    SessionSummary(
        startedAt: date, language: language, accessibility: ["large_text"], age: age, householdSize: household,
        incomeRatioOfMedian: income, questionsAsked: 7, unknownFacts: unknown, outcomes: outcomes,
        exitStep: exit, reachedResults: exit == "results", explainer: .model("qwen2.5-3b"),
        explanationLatencyMs: 1_200, isDemo: demo)
}

// MARK: - Child processes

/// The folder the package's executables are built into: the test binary's own.
var productsFolder: URL {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
}

/// What a finished child process left.
struct ProcessOutput {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs one of the package's executables to the end.
func runProduct(_ name: String, _ arguments: [String]) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = productsFolder.appendingPathComponent(name)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read before waiting, so a child that fills the pipe does not deadlock.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessOutput(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}

/// The helper's `result …` line, as numbers and text.
struct HelperResult {
    let committed: Int
    let dropped: Int
    let slowestSubmitMicroseconds: Int
    let error: String
    let committedIDs: [String]

    init?(_ output: String) {
        committedIDs = output.split(separator: "\n").compactMap { line in
            line.hasPrefix("committed ") ? String(line.dropFirst("committed ".count)) : nil
        }
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("result ") }) else { return nil }
        var fields: [String: String] = [:]
        for part in line.dropFirst("result ".count).split(separator: " ", maxSplits: 3) {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        guard let committed = fields["committed"].flatMap({ Int($0) }),
            let dropped = fields["dropped"].flatMap({ Int($0) }),
            let slowest = fields["max_submit_us"].flatMap({ Int($0) })
        else { return nil }
        self.committed = committed
        self.dropped = dropped
        slowestSubmitMicroseconds = slowest
        error = fields["error"] ?? ""
    }
}

extension SessionID {
    /// Parses the hexadecimal form the helper prints.
    init?(hex: String) {
        guard let value = Int64(hex, radix: 16) else { return nil }
        self.init(rawValue: value)
    }
}
