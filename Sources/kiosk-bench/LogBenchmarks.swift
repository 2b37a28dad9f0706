import Foundation
import SessionLog

/// The session log's figures (issue 6): one durable commit, and a month's statistics over
/// 100,000 sessions. `log.simulate_10k_s` is measured by the lead once `simulate` exists;
/// `log.writer_10k_s` here is its lower bound, the writer alone.
func runLogBenchmarks() -> [BenchmarkResult] {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("kiosk-bench-log-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
        return [
            try measureCommit(path: folder.appendingPathComponent("commit.sqlite").path),
            try measureWriter(path: folder.appendingPathComponent("writer.sqlite").path),
            try measureStatistics(path: folder.appendingPathComponent("stats.sqlite").path),
        ]
    } catch {
        FileHandle.standardError.write(Data("kiosk-bench: log benchmarks failed: \(error)\n".utf8))
        return []
    }
}

// MARK: - Figures

/// `log.commit_ms`: one session, its own transaction, WAL with synchronous=FULL; median of 200.
private func measureCommit(path: String) throws -> BenchmarkResult {
    let database = try SessionDatabase.open(path: path)
    let anonymizer = benchAnonymizer()
    var samples: [Double] = []
    for index in 0..<200 {
        let session = anonymizer.anonymize(benchSummary(index))
        let start = DispatchTime.now().uptimeNanoseconds
        try database.commit([session])
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return BenchmarkResult(name: "log.commit_ms", value: median(samples), unit: "ms")
}

/// `log.writer_10k_s`: 10,000 sessions through `SessionLogWriter`, submitted as fast as a batch
/// tool can and flushed — the writer's share of `simulate`.
private func measureWriter(path: String) throws -> BenchmarkResult {
    let database = try SessionDatabase.open(path: path)
    let writer = SessionLogWriter(database: database, anonymizer: benchAnonymizer())
    let start = DispatchTime.now().uptimeNanoseconds
    for index in 0..<10_000 {
        writer.submitWaiting(benchSummary(index))
    }
    writer.flush()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    writer.close()
    return BenchmarkResult(name: "log.writer_10k_s", value: seconds, unit: "s")
}

/// `log.stats_100k_ms`: a month's statistics over 100,000 sessions with 17 programmes each;
/// the fixture goes in with large batches and is not timed. Median of 5.
private func measureStatistics(path: String) throws -> BenchmarkResult {
    let database = try SessionDatabase.open(path: path)
    let anonymizer = benchAnonymizer()
    var batch: [AnonymousSession] = []
    for index in 0..<100_000 {
        batch.append(anonymizer.anonymize(benchSummary(index)))
        if batch.count == 10_000 {
            try database.commit(batch)
            batch.removeAll(keepingCapacity: true)
        }
    }
    let month = LogMonth(containing: benchDate, timeZone: anonymizer.timeZone)
    var samples: [Double] = []
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        let statistics = try database.statistics(for: month, k: 5)
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        precondition(statistics.sessions == .count(100_000), "the fixture did not land in \(month)")
    }
    return BenchmarkResult(name: "log.stats_100k_ms", value: median(samples), unit: "ms")
}

// MARK: - Fixture

private let benchDate = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11

private let benchPrograms = [
    "basic_pension", "livelihood_benefit", "medical_benefit", "housing_benefit", "education_benefit",
    "near_poor", "child_allowance", "parental_benefit", "first_meeting_voucher", "single_parent_child_support",
    "disability_pension", "emergency_support", "youth_rent_support", "energy_voucher", "elderly_job",
    "culture_nuri_card", "siheung_youth_allowance",
]

private func benchAnonymizer() -> Anonymizer {
    Anonymizer(kioskID: "bench-kiosk")
}

private func benchSummary(_ index: Int) -> SessionSummary {
    SessionSummary(
        startedAt: benchDate.addingTimeInterval(Double(index % 86_400)),
        language: ["ko", "en", "zh", "vi"][index % 4],
        accessibility: index % 7 == 0 ? ["large_text"] : [],
        age: (index * 7) % 100,
        householdSize: 1 + index % 6,
        incomeRatioOfMedian: Double(index % 130) / 100,
        questionsAsked: 4 + index % 10,
        unknownFacts: index % 3 == 0 ? ["property_krw", "debt_krw"] : [],
        outcomes: Dictionary(uniqueKeysWithValues: benchPrograms.enumerated().map { offset, program in
            (program, ProgramOutcome.allCases[(index + offset) % 3])
        }),
        exitStep: index % 6 == 0 ? "question:income" : "results",
        reachedResults: index % 6 != 0,
        explainer: index % 4 == 0 ? .fallback("timeout") : .model("qwen2.5-3b"),
        explanationLatencyMs: Double(index % 4_000))
}
