import Foundation
import KioskApp
import SessionLog
import Settings
import Testing

/// The kiosk's recorder on a real SQLite file: sessions land, retention runs at start and then
/// daily, and closing writes what is pending.
@Suite("Session recorder")
struct SessionRecorderTests {
    @Test func aRecordedSessionIsCommittedByClose() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recorder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("var/kiosk.sqlite").path
        let config = try KioskConfig.parse(
            text: "[kiosk]\nid = \"jeongwang-1\"\n[paths]\ndatabase = \"var/kiosk.sqlite\"\n[log]\nretention_days = 30\n",
            baseDirectory: folder)
        let recorder = LogSessionRecorder.open(config: config)
        var session = SessionFixture.asking()
        SessionFixture.answerAll(&session, from: SessionFixture.olderAlone)
        session.showResults()
        session.goodbye()
        recorder.record(SessionSummary(session))
        recorder.close()
        #expect(recorder.writer.health.committed == 1)
        #expect(recorder.writer.health.dropped == 0)

        let database = try SessionDatabase.open(path: path)
        #expect(try database.sessionCount() == 1)
        #expect(try database.lastRetentionRun() != nil, "retention ran when the kiosk started")
        try database.close()
    }

    @Test func retentionRunsAgainOnceADayHasPassed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recorder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kiosk.sqlite").path
        let start = Date(timeIntervalSince1970: 1_794_721_032)  // 2026-11-15, afternoon in Seoul
        let clock = Clock(start)
        let writer = SessionLogWriter(database: try SessionDatabase.open(path: path), anonymizer: Anonymizer(kioskID: "k"))
        let recorder = LogSessionRecorder(writer: writer, retention: RetentionPolicy(keepDays: 30, timeZone: Anonymizer.koreaTimeZone),
                                          clock: { clock.now })
        // Three sessions, the first dated 40 days back: kept until retention runs again.
        func summary(daysAgo: Double) -> SessionSummary {
            var summary = SessionSummary(SessionFixture.asking())
            summary.startedAt = start.addingTimeInterval(-daysAgo * 86_400)
            return summary
        }
        recorder.record(summary(daysAgo: 40))
        recorder.record(summary(daysAgo: 0))
        writer.flush()
        #expect(try writer.database?.sessionCount() == 2, "the same day: no second retention run")
        clock.now = start.addingTimeInterval(86_400 + 60)
        recorder.record(summary(daysAgo: 0))
        recorder.close()
        let database = try SessionDatabase.open(path: path)
        #expect(try database.sessionCount() == 2, "the 40-day-old session was rolled up a day later")
        try database.close()
    }
}

/// A clock a test moves by hand.
private final class Clock: @unchecked Sendable {
    // @unchecked: set by the test between calls, read by the recorder on the same thread.
    var now: Date
    init(_ now: Date) { self.now = now }
}
