import Foundation
import GRDB

/// The session log's SQLite file: opened, checked, migrated and tuned for a kiosk that loses
/// power.
///
/// Why these settings, in SQLite's words:
/// - WAL with `synchronous=FULL`: "a transaction committed in WAL mode with synchronous=FULL is
///   durable across a power loss" — NORMAL may lose the last transactions, and a lost session is
///   a lost figure. GRDB's pool switches WAL on with NORMAL; we raise it again on the writer.
/// - `auto_vacuum=INCREMENTAL`: "auto-vacuuming must be turned on before any tables are created";
///   it lets retention hand freed pages back to the disk with `incremental_vacuum`.
/// - `secure_delete`: deleted rows are overwritten with zeros, so retention really forgets.
/// - A busy timeout, so a staff tool reading at the same moment makes the writer wait briefly
///   instead of failing at once.
public final class SessionDatabase: Sendable {
    /// Where the file is.
    public let path: String
    let pool: DatabasePool

    /// How long a write waits on another connection's lock before giving up.
    public static let defaultBusyTimeout: TimeInterval = 2

    private init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Opens the log at `path`, creating it and its folder if needed.
    ///
    /// A file that fails `PRAGMA quick_check`, or is not a database at all, is moved aside as
    /// `PATH.corrupt-YYYYMMDDTHHMMSSZ` (with its `-wal` and `-shm`), a fresh log is created, and
    /// a `recovered` event records it. Other failures (permissions, a lock held for longer than
    /// the busy timeout) throw: they are not the file's fault, and moving it would lose sessions.
    public static func open(
        path: String,
        busyTimeout: TimeInterval = defaultBusyTimeout,
        now: Date = Date()
    ) throws -> SessionDatabase {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }

        var recovery: String?
        let pool: DatabasePool
        do {
            // A file that is not SQLite at all goes aside before SQLite opens it: SQLite would
            // otherwise discard the -wal beside it, which may hold the last sessions.
            if let header = firstBytes(of: path, count: 16), !header.isEmpty, header != Data("SQLite format 3\0".utf8) {
                throw CorruptDatabase(reason: "not an SQLite database (its header is wrong)")
            }
            pool = try openChecked(path: path, busyTimeout: busyTimeout)
        } catch let failure as CorruptDatabase {
            let movedTo = try moveAside(path: path, now: now)
            recovery = "moved \(path) aside to \(movedTo): \(failure.reason)"
            pool = try openChecked(path: path, busyTimeout: busyTimeout)
        }

        try Schema.migrator.migrate(pool)
        let database = SessionDatabase(path: path, pool: pool)
        if let recovery {
            try database.recordEvent(kind: .recovered, detail: recovery, at: now)
        }
        return database
    }

    /// Closes the connections; later calls on this value throw.
    public func close() throws {
        try pool.close()
    }

    // MARK: - Opening

    private struct CorruptDatabase: Error {
        let reason: String
    }

    private static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "SessionLog"
        configuration.prepareDatabase { db in
            if !db.configuration.readonly {
                // A no-op once the file has tables; effective only on a new, empty file.
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            }
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // 8 MiB of page cache instead of SQLite's 2: inserts at random ids touch pages all
            // over the b-trees, and each miss is a read(2).
            try db.execute(sql: "PRAGMA cache_size = -8192")
        }
        return configuration
    }

    private static func openChecked(path: String, busyTimeout: TimeInterval) throws -> DatabasePool {
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout))
        } catch let error as DatabaseError where isCorruption(error) {
            throw CorruptDatabase(reason: "SQLite says: \(error.message ?? error.description)")
        }
        do {
            let verdict = try pool.writeWithoutTransaction { db -> [String] in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                return try String.fetchAll(db, sql: "PRAGMA quick_check")
            }
            if verdict != ["ok"] {
                try? pool.close()
                throw CorruptDatabase(reason: "quick_check: " + verdict.prefix(3).joined(separator: "; "))
            }
        } catch let error as DatabaseError where isCorruption(error) {
            try? pool.close()
            throw CorruptDatabase(reason: "SQLite says: \(error.message ?? error.description)")
        }
        return pool
    }

    private static func isCorruption(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    private static func firstBytes(of path: String, count: Int) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return try? handle.read(upToCount: count)
    }

    /// Moves the file and its companions aside under one timestamped name; returns that name.
    private static func moveAside(path: String, now: Date) throws -> String {
        let stamp = CivilTime.utcTimestamp(now, basic: true)
        let manager = FileManager.default
        var target = "\(path).corrupt-\(stamp)"
        var attempt = 1
        while manager.fileExists(atPath: target) {
            attempt += 1
            target = "\(path).corrupt-\(stamp)-\(attempt)"
        }
        // The -wal first: if we stop half-way, the main file must not meet a stranger's WAL.
        for suffix in ["-wal", "-shm", ""] where manager.fileExists(atPath: path + suffix) {
            try manager.moveItem(atPath: path + suffix, toPath: target + suffix)
        }
        return target
    }

    // MARK: - Events

    /// What the log records about itself.
    public enum EventKind: String, Sendable {
        /// A damaged file was moved aside and a fresh log started.
        case recovered
        /// Retention rolled up and deleted old sessions.
        case retention
        /// Sessions were dropped while the log could not be written.
        case dropped
    }

    /// One line of the log's own history.
    public struct Event: Sendable, Equatable {
        public let at: String
        public let kind: String
        public let detail: String
    }

    func recordEvent(kind: EventKind, detail: String, at date: Date) throws {
        try pool.write { db in
            try Self.insertEvent(db, kind: kind, detail: detail, at: date)
        }
    }

    static func insertEvent(_ db: Database, kind: EventKind, detail: String, at date: Date) throws {
        try db.execute(
            sql: "INSERT INTO event (at, kind, detail) VALUES (?, ?, ?)",
            arguments: [CivilTime.utcTimestamp(date), kind.rawValue, detail])
    }

    /// The log's history, oldest first.
    public func events() throws -> [Event] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT at, kind, detail FROM event ORDER BY id").map {
                Event(at: $0["at"], kind: $0["kind"], detail: $0["detail"])
            }
        }
    }

    /// When retention last ran, for the staff health screen; `nil` if never.
    public func lastRetentionRun() throws -> String? {
        try pool.read { db in
            try String.fetchOne(
                db, sql: "SELECT at FROM event WHERE kind = ? ORDER BY id DESC LIMIT 1",
                arguments: [EventKind.retention.rawValue])
        }
    }

    /// Bytes free for the log on its file system, for the staff health screen; `nil` if the
    /// system will not say.
    public func freeDiskSpace() -> Int? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let attributes = try? FileManager.default.attributesOfFileSystem(forPath: folder.isEmpty ? "." : folder)
        return (attributes?[.systemFreeSize] as? NSNumber)?.intValue
    }

    /// The size of the file and its WAL in bytes, for the staff health screen.
    public func sizeInBytes() -> Int {
        ["", "-wal"].reduce(0) { total, suffix in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix)
            return total + ((attributes?[.size] as? NSNumber)?.intValue ?? 0)
        }
    }
}
