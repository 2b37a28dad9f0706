import Foundation
import KioskApp
import SessionLog

/// A real SQLite session log holding `sessions` sessions from June 2026, with a writer and a
/// recorder over it as the kiosk has, and a wall clock in that month.
struct SeededLog {
    let database: SessionDatabase
    let writer: SessionLogWriter
    let recorder: LogSessionRecorder
    let wall = WallClock()
    let path: String

    /// Ages, households, incomes and languages cycle at different rates, so some cells are large
    /// and a few fall under k = 5.
    init(folder: ScratchFolder, sessions count: Int) throws {
        path = folder.file("var/kiosk.sqlite").path
        database = try SessionDatabase.open(path: path)
        let zone = Fixture.resources.config.log.timeZone
        let anonymizer = Anonymizer(kioskID: "test-kiosk", timeZone: zone)
        let ages = [78, 71, 45, 31, 27, 3]
        let languages = ["ko", "ko", "ko", "en", "zh", "ko", "vi", "ko"]
        let programs = ["basic_pension", "housing_benefit", "youth_rent_support", "child_allowance"]
        let start = wall.now.addingTimeInterval(-10 * 86_400)
        let sessions = (0..<count).map { index -> AnonymousSession in
            var outcomes: [String: ProgramOutcome] = [:]
            for (offset, program) in programs.enumerated() {
                outcomes[program] = [.eligible, .ineligible, .ineligible, .undetermined][(index + offset) % 4]
            }
            let summary = SessionSummary(
                startedAt: start.addingTimeInterval(Double(index) * 3_600), language: languages[index % languages.count],
                accessibility: [], age: index % 23 == 0 ? nil : index % 40 == 1 ? 10 : ages[index % ages.count], householdSize: 1 + index % 3,
                incomeRatioOfMedian: [0.3, 0.45, 0.6, 0.9, 1.2][index % 5], questionsAsked: 8, unknownFacts: [],
                outcomes: outcomes, exitStep: index % 10 == 0 ? "question" : "results", reachedResults: index % 10 != 0,
                explainer: .none, explanationLatencyMs: nil, isDemo: false)
            return anonymizer.anonymize(summary)
        }
        try database.commit(sessions)
        writer = SessionLogWriter(database: database, anonymizer: anonymizer)
        let wall = self.wall
        recorder = LogSessionRecorder(writer: writer, retention: RetentionPolicy(timeZone: zone), clock: { wall.now })
        writer.flush()
    }

    func close() {
        writer.close()
    }
}
