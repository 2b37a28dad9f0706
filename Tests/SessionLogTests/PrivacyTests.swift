import Foundation
import GRDB
import Testing

@testable import SessionLog

/// Runs sessions with values no band would produce and looks for them everywhere the log could
/// have put them: every cell of every table, and the bytes of the files, WAL included.
struct PrivacyTests {
    static let median = 2_564_238.0
    static let income = 1_234_567.0

    @Test func distinctiveValuesNeverReachTheDisk() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kiosk.sqlite")
        let database = try SessionDatabase.open(path: path)
        let writer = SessionLogWriter(database: database, anonymizer: testAnonymizer)
        let ratio = Self.income / Self.median
        for index in 0..<20 {
            var raw = summary(age: 83, household: 7, income: ratio, unknown: ["property_krw"])
            raw.explanationLatencyMs = 1_234_567
            raw.questionsAsked = 8
            raw.isDemo = index % 5 == 0
            writer.submit(raw)
        }
        writer.flush()
        #expect(writer.health.committed == 20)

        // Every cell, while the sessions are still in the WAL.
        let forbidden: Set<String> = ["83", "1234567", "1,234,567", "1234567.0", String(ratio), "7"]
        var cells = 0
        try database.pool.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            for table in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                    for (column, value) in row {
                        cells += 1
                        let text = value.description.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                        #expect(!forbidden.contains(text), "\(table).\(column) holds \(text)")
                        #expect(!text.contains("1234567") && !text.contains("1,234,567"), "\(table).\(column)")
                        if case .double = value.storage {
                            Issue.record("\(table).\(column) holds a real number: \(text)")
                        }
                    }
                }
            }
        }
        #expect(cells > 20 * 10)

        // The raw bytes: main file and WAL before the checkpoint, then the main file after it.
        let wal = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        #expect(!wal.isEmpty)
        try expectAbsent(in: wal, "WAL")
        try expectAbsent(in: Data(contentsOf: URL(fileURLWithPath: path)), "main file")
        try expectAbsent(in: Data(contentsOf: URL(fileURLWithPath: path + "-shm")), "shared-memory file")
        writer.close()
        try database.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try expectAbsent(in: Data(contentsOf: URL(fileURLWithPath: path)), "main file after checkpoint")
    }

    private func expectAbsent(in bytes: Data, _ what: String) throws {
        for needle in ["1234567", "1,234,567", String(Self.income / Self.median)] {
            #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(what) contains \(needle)")
        }
        // 1,234,567 as SQLite stores an integer (big-endian, 3 bytes would do; 4 with a sign).
        #expect(bytes.range(of: Data([0x00, 0x12, 0xD6, 0x87])) == nil, "\(what) holds 1234567 as an integer")
    }
}
