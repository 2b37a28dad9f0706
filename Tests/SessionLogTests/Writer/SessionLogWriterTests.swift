import Foundation
import GRDB
import Testing

@testable import SessionLog

struct SessionLogWriterTests {
    @Test func commitsEverySessionAndReportsIt() throws {
        let folder = try TemporaryFolder()
        let database = try SessionDatabase.open(path: folder.path("kiosk.sqlite"))
        let reported = Reported()
        let writer = SessionLogWriter(database: database, anonymizer: testAnonymizer) { ids in
            reported.append(ids)
        }
        let queued = (0..<50).compactMap { _ in writer.submit(summary()) }
        writer.close()

        #expect(queued.count == 50)
        #expect(writer.health == .init(committed: 50, dropped: 0, pending: 0, lastError: nil))
        #expect(Set(reported.ids) == Set(queued))
        for id in queued {
            #expect(try database.contains(id))
        }
    }

    @Test func aLockedDatabaseDropsSessionsWithoutBlockingTheCaller() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kiosk.sqlite")
        let database = try SessionDatabase.open(path: path, busyTimeout: 1)
        let writer = SessionLogWriter(database: database, anonymizer: testAnonymizer, capacity: 4)

        // Another program holds the write lock for the whole test.
        let intruder = try holdWriteLock(path)

        let clock = ContinuousClock()
        var slowest = Duration.zero
        for _ in 0..<40 {
            let elapsed = clock.measure { writer.submit(summary()) }
            slowest = max(slowest, elapsed)
        }
        // Each failing write waits out the 1 s busy timeout; the caller must not.
        #expect(slowest < .milliseconds(100))
        writer.flush()
        let health = writer.health
        #expect(health.committed == 0)
        #expect(health.dropped == 40)
        #expect(health.lastError?.contains("locked") == true)

        // Once the lock goes, the log works again and records what was lost.
        try intruder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        writer.submit(summary())
        writer.close()
        #expect(writer.health.committed == 1)
        let dropped = try database.events().filter { $0.kind == "dropped" }
        #expect(dropped.count == 1)
        #expect(dropped.first?.detail.hasPrefix("40 session(s) dropped") == true)
    }

    @Test func aFullQueueDropsAndCounts() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kiosk.sqlite")
        let database = try SessionDatabase.open(path: path, busyTimeout: 1)
        let intruder = try holdWriteLock(path)
        let writer = SessionLogWriter(database: database, anonymizer: testAnonymizer, capacity: 2)

        let accepted = (0..<10).map { _ in writer.submit(summary()) != nil }
        // The writer takes at most one batch off the queue; the queue then holds 2 more.
        #expect(accepted.filter { $0 }.count <= 4)
        #expect(writer.health.dropped >= 6)
        try intruder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        writer.close()
    }

    @Test func aLogThatCannotBeOpenedDropsEverySession() throws {
        let folder = try TemporaryFolder()
        // A folder where the file should be: no database can be opened there.
        let path = folder.path("kiosk.sqlite")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let writer = SessionLogWriter.open(path: path, anonymizer: testAnonymizer)
        // Submitted while the log is still opening: queued, then dropped when the open fails.
        writer.submit(summary())
        writer.flush()
        #expect(writer.database == nil)
        #expect(writer.submit(summary()) == nil)
        #expect(writer.submitWaiting(summary()) == nil)
        #expect(!writer.scheduleRetention(RetentionPolicy(timeZone: seoul)))
        writer.close()
        #expect(writer.health.dropped == 3)
        #expect(writer.health.pending == 0)
        #expect(writer.health.lastError?.contains("cannot open the session log") == true)
    }

    @Test func openReturnsAtOnceAndSessionsWaitForTheLog() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("var/kiosk.sqlite")
        let writer = SessionLogWriter.open(path: path, anonymizer: testAnonymizer)
        let ids = (0..<5).compactMap { _ in writer.submit(summary()) }
        writer.close()
        #expect(ids.count == 5)
        let database = try #require(writer.database)
        for id in ids {
            #expect(try database.contains(id))
        }
        #expect(writer.health.committed == 5)
    }

    @Test func submitWaitingNeverDrops() throws {
        let folder = try TemporaryFolder()
        let database = try SessionDatabase.open(path: folder.path("kiosk.sqlite"))
        let writer = SessionLogWriter(database: database, anonymizer: testAnonymizer, capacity: 3)
        for _ in 0..<500 {
            writer.submitWaiting(summary())
        }
        writer.close()
        #expect(writer.health.committed == 500)
        #expect(writer.health.dropped == 0)
        #expect(try database.sessionCount() == 500)
    }
}

/// A second connection that takes the write lock and keeps it until `ROLLBACK`.
private func holdWriteLock(_ path: String) throws -> DatabaseQueue {
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    try queue.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
    return queue
}

/// The ids `onCommit` reported, collected from the writer's thread.
private final class Reported: @unchecked Sendable {
    // @unchecked: `stored` is only touched while `lock` is held.
    private let lock = NSLock()
    private var stored: [SessionID] = []

    func append(_ ids: [SessionID]) {
        lock.withLock { stored += ids }
    }

    var ids: [SessionID] { lock.withLock { stored } }
}
