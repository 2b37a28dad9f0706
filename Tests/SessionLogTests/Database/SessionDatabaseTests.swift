import Foundation
import GRDB
import Testing

@testable import SessionLog

struct SessionDatabaseTests {
    @Test func aNewLogIsTunedForPowerLoss() throws {
        let folder = try TemporaryFolder()
        let database = try SessionDatabase.open(path: folder.path("var/kiosk.sqlite"))
        let settings = try database.pool.writeWithoutTransaction { db in
            (
                autoVacuum: try Int.fetchOne(db, sql: "PRAGMA auto_vacuum"),
                journal: try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                synchronous: try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                secureDelete: try Int.fetchOne(db, sql: "PRAGMA secure_delete"),
                busyTimeout: try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
            )
        }
        #expect(settings.autoVacuum == 2, "INCREMENTAL")
        #expect(settings.journal == "wal")
        #expect(settings.synchronous == 2, "FULL")
        #expect(settings.secureDelete == 1)
        #expect(settings.busyTimeout == 2_000)
    }

    @Test func healthFiguresDescribeTheFile() throws {
        let folder = try TemporaryFolder()
        let database = try SessionDatabase.open(path: folder.path("kiosk.sqlite"))
        let empty = database.sizeInBytes()
        try database.commit((0..<200).map { _ in testAnonymizer.anonymize(summary()) })
        #expect(database.sizeInBytes() > empty)
        #expect((database.freeDiskSpace() ?? 0) > 0)
        #expect(try database.lastRetentionRun() == nil)
    }

    @Test func autoVacuumIsWrittenIntoTheFileItself() throws {
        // Checked from a plain connection that sets nothing, so it reads the file's header.
        let folder = try TemporaryFolder()
        let path = folder.path("kiosk.sqlite")
        try SessionDatabase.open(path: path).close()
        let plain = try DatabaseQueue(path: path)
        #expect(try plain.read { try Int.fetchOne($0, sql: "PRAGMA auto_vacuum") } == 2)
    }

    @Test func migrationsRunOnceAndReopenKeepsSessions() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kiosk.sqlite")
        let first = try SessionDatabase.open(path: path)
        let session = testAnonymizer.anonymize(summary())
        try first.commit([session])
        try first.close()

        let second = try SessionDatabase.open(path: path)
        #expect(try second.contains(session.id))
        let applied = try second.pool.read { try Schema.migrator.appliedIdentifiers($0) }
        #expect(applied == ["v1: sessions, outcomes, aggregates, events"])
        let tables = try second.pool.read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(tables.contains("session") && tables.contains("monthly_aggregate") && tables.contains("event"))
        #expect(try second.events().isEmpty)
    }

    @Test func aGarbageFileIsMovedAsideAndAFreshLogStarted() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kiosk.sqlite")
        let garbage = Data((0..<8_192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        try Data("stale wal".utf8).write(to: URL(fileURLWithPath: path + "-wal"))

        let database = try SessionDatabase.open(path: path, now: novemberAfternoon)
        let aside = path + ".corrupt-20261115T053712Z"
        #expect(try Data(contentsOf: URL(fileURLWithPath: aside)) == garbage)
        #expect(FileManager.default.fileExists(atPath: aside + "-wal"))
        #expect(try database.integrityCheck() == ["ok"])
        let events = try database.events()
        #expect(events.count == 1)
        #expect(events.first?.kind == "recovered")
        #expect(events.first?.detail.contains(aside) == true)

        try database.commit([testAnonymizer.anonymize(summary())])
        #expect(try database.sessionCount() == 1)
    }

    @Test func aDamagedPageFailsQuickCheckAndIsMovedAside() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kiosk.sqlite")
        let database = try SessionDatabase.open(path: path)
        try database.commit((0..<300).map { _ in testAnonymizer.anonymize(summary()) })
        try database.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try database.close()

        // Scribble over the middle of the file, past the header, where b-tree pages live.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        handle.write(Data(repeating: 0xA5, count: 8_192))
        try handle.close()

        let reopened = try SessionDatabase.open(path: path)
        #expect(try reopened.sessionCount() == 0)
        #expect(try reopened.events().map(\.kind) == ["recovered"])
        let moved = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
            .filter { $0.hasPrefix("kiosk.sqlite.corrupt-") }
        #expect(!moved.isEmpty)
    }
}
