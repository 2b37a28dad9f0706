import Foundation
import GRDB
import Testing

@testable import SessionLog

struct RetentionTests {
    private let day: TimeInterval = 86_400

    @Test func oldSessionsBecomeMonthlyCountsAndStatisticsDoNotChange() throws {
        let folder = try TemporaryFolder()
        let database = try SessionDatabase.open(path: folder.path("kiosk.sqlite"))
        let august = novemberAfternoon.addingTimeInterval(-92 * day)  // 2026-08-15
        var old: [AnonymousSession] = []
        for index in 0..<45 {
            old.append(testAnonymizer.anonymize(summary(
                at: august, age: 20 + index, income: Double(index) / 50,
                language: index % 3 == 0 ? "en" : "ko", exit: index % 4 == 0 ? "question:income" : "results",
                outcomes: ["basic_pension": ProgramOutcome.allCases[index % 3]],
                unknown: index % 2 == 0 ? ["debt_krw"] : [])))
        }
        let demos = (0..<3).map { _ in testAnonymizer.anonymize(summary(at: august, demo: true)) }
        let recent = (0..<6).map { _ in testAnonymizer.anonymize(summary(at: novemberAfternoon)) }
        try database.commit(old + demos + recent)
        let augustMonth = LogMonth("2026-08")!
        let before = try database.monthlyCounts(augustMonth)

        let report = try database.applyRetention(
            RetentionPolicy(keepDays: 90, batchSize: 7, timeZone: seoul), now: novemberAfternoon)

        #expect(report == .init(rolledUp: 45, demosDeleted: 3, keptFrom: "2026-08-17"))
        #expect(try database.sessionCount() == 6)
        for session in old + demos {
            #expect(try !database.contains(session.id))
        }
        // The rows are gone from every table, the counts are not.
        let orphans = try database.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM outcome WHERE session NOT IN (SELECT id FROM session))
                     + (SELECT COUNT(*) FROM unknown_answer WHERE session NOT IN (SELECT id FROM session))
                """)
        }
        #expect(orphans == 0)
        #expect(try database.monthlyCounts(augustMonth) == before)
        #expect(before.sessions == 45)
        #expect(try database.monthlyCounts(LogMonth("2026-11")!).sessions == 6)
        #expect(try database.months().map(\.description) == ["2026-11", "2026-08"])

        // The run is on record for the health screen, and a second run finds nothing to do.
        #expect(try database.lastRetentionRun() != nil)
        let again = try database.applyRetention(RetentionPolicy(timeZone: seoul), now: novemberAfternoon)
        #expect(again.rolledUp == 0)
        #expect(try database.monthlyCounts(augustMonth) == before)
    }

    @Test func retentionLeavesAnEmptyWALAndFreesPages() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kiosk.sqlite")
        let database = try SessionDatabase.open(path: path)
        let longAgo = novemberAfternoon.addingTimeInterval(-400 * day)
        var outcomes: [String: ProgramOutcome] = [:]
        for index in 0..<17 { outcomes["programme_\(index)"] = .eligible }
        try database.commit((0..<3_000).map { _ in
            testAnonymizer.anonymize(summary(at: longAgo, outcomes: outcomes))
        })
        let pagesBefore = try database.pool.read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }

        try database.applyRetention(RetentionPolicy(timeZone: seoul), now: novemberAfternoon)

        let walSize = (try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.intValue
        #expect(walSize == 0)
        let (pagesAfter, freePages) = try database.pool.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0, try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0)
        }
        #expect(pagesAfter < pagesBefore / 4, "before \(pagesBefore), after \(pagesAfter)")
        #expect(freePages == 0)
    }

    @Test func theWriterRunsRetentionBetweenSessions() throws {
        let folder = try TemporaryFolder()
        let database = try SessionDatabase.open(path: folder.path("kiosk.sqlite"))
        let writer = SessionLogWriter(database: database, anonymizer: testAnonymizer)
        writer.submit(summary(at: novemberAfternoon.addingTimeInterval(-200 * day)))
        #expect(writer.scheduleRetention(RetentionPolicy(timeZone: seoul), now: novemberAfternoon))
        writer.submit(summary())
        writer.close()
        #expect(try database.sessionCount() == 1)
        #expect(try database.events().map(\.kind) == ["retention"])
    }
}
