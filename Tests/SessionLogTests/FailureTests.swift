import Foundation
import GRDB
import Testing

@testable import SessionLog

/// The kiosk's disk fills, its power goes, its file turns read-only. These run the writer in a
/// child process (`session-log-helper`) so the failure is real and the test runner survives it.
@Suite(.serialized)
struct FailureTests {
    @Test func sigkillMidBatchNeverLosesACommittedSession() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kiosk.sqlite")
        var reported: [String] = []
        for round in 0..<12 {
            let process = Process()
            process.executableURL = productsFolder.appendingPathComponent("session-log-helper")
            process.arguments = ["--db", path, "--forever"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Let it get going, then kill it at a different point in its work each round.
            let reader = output.fileHandleForReading
            var seen = Data()
            while seen.count < 2_000 + round * 700 {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                seen.append(chunk)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            seen.append(reader.readDataToEndOfFile())
            // Only whole lines: the last one may have been cut by the kill.
            let text = String(decoding: seen, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            reported += lines.compactMap { $0.hasPrefix("committed ") ? String($0.dropFirst(10)) : nil }
        }
        #expect(reported.count > 1_000)

        let database = try SessionDatabase.open(path: path)
        #expect(try database.integrityCheck() == ["ok"])
        #expect(try database.events().isEmpty, "no recovery was needed")
        let stored = try database.pool.read { Set(try Int64.fetchAll($0, sql: "SELECT id FROM session")) }
        let missing = reported.filter { SessionID(hex: $0).map { !stored.contains($0.rawValue) } ?? true }
        #expect(missing.count == 0, "\(missing.count) of \(reported.count) reported sessions are missing, e.g. \(missing.prefix(3))")
    }

    @Test func aFullDiskDropsSessionsAndTheKioskCarriesOn() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kiosk.sqlite")
        // Enough for the schema and some sessions, not for 3,000 of them. `--wait` keeps the queue
        // from overflowing first on a busy machine, so every drop here is the disk's doing; that
        // a failing log never makes `submit` wait is the read-only test's job.
        let output = try runProduct("session-log-helper", ["--db", path, "--count", "3000", "--fsize", "262144", "--wait"])
        #expect(output.status == 0, "the writer must not die of SIGXFSZ: \(output.stderr)")
        let result = try #require(HelperResult(output.stdout))
        #expect(result.committed > 0, "the limit should stop the log part-way, not at the start")
        #expect(result.dropped > 0)
        #expect(result.committed + result.dropped == 3_000)
        #expect(result.error.contains("full") || result.error.contains("I/O") || result.error.contains("disk"), "\(result.error)")

        let database = try SessionDatabase.open(path: path)
        #expect(try database.integrityCheck() == ["ok"])
        let stored = try database.pool.read { Set(try Int64.fetchAll($0, sql: "SELECT id FROM session")) }
        #expect(stored.count == result.committed)
        #expect(result.committedIDs.allSatisfy { SessionID(hex: $0).map { stored.contains($0.rawValue) } ?? false })
    }

    @Test func aReadOnlyFileDropsSessionsAndTheKioskCarriesOn() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kiosk.sqlite")
        let database = try SessionDatabase.open(path: path)
        try database.commit([testAnonymizer.anonymize(summary())])
        try database.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try database.close()
        for file in [path, path + "-wal", path + "-shm", folder.url.path] where FileManager.default.fileExists(atPath: file) {
            let mode: Int16 = file == folder.url.path ? 0o555 : 0o444
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.path) }

        // As root a mode is no obstacle, so the helper drops to nobody first.
        let output = try runProduct("session-log-helper", ["--db", path, "--count", "200", "--as-nobody"])
        #expect(output.stderr.isEmpty)
        #expect(output.status == 0, "\(output.stderr)")
        let result = try #require(HelperResult(output.stdout))
        #expect(result.committed == 0)
        #expect(result.dropped == 200)
        #expect(result.slowestSubmitMicroseconds < 100_000)
        #expect(!result.error.isEmpty && result.error != "none")

        let reopened = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        #expect(try reopened.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM session") } == 1)
    }
}
