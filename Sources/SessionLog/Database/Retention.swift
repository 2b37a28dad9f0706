import Foundation
import GRDB

/// How long session rows are kept before they become monthly counts.
public struct RetentionPolicy: Sendable, Equatable {
    /// Sessions that began more than this many days before today (on the kiosk's clock) are
    /// rolled up and deleted. kiosk.conf's `[log] retention_days`, default 90.
    public var keepDays: Int
    /// Sessions per transaction, so a long backlog never holds the write lock for long.
    public var batchSize: Int
    /// The kiosk's clock, for "today".
    public var timeZone: TimeZone

    public init(keepDays: Int = 90, batchSize: Int = 200, timeZone: TimeZone) {
        self.keepDays = keepDays
        self.batchSize = batchSize
        self.timeZone = timeZone
    }
}

/// A dimension a session is counted along, with the column that holds it.
enum SessionDimension: String, CaseIterable {
    case age, household, income, language, exit

    var column: String {
        switch self {
        case .age: "age_band"
        case .household: "household_band"
        case .income: "income_band"
        case .language: "language"
        case .exit: "exit_step"
        }
    }
}

extension SessionDatabase {
    /// What one retention run did.
    public struct RetentionReport: Sendable, Equatable {
        /// Sessions folded into monthly counts and deleted.
        public var rolledUp: Int
        /// Demo sessions deleted (never counted, so never rolled up).
        public var demosDeleted: Int
        /// The first day kept, `YYYY-MM-DD`.
        public var keptFrom: String
    }

    /// Rolls sessions older than the policy allows into `monthly_aggregate` and deletes them,
    /// a batch per transaction; then hands the freed pages back and empties the WAL.
    ///
    /// Why the order at the end: `incremental_vacuum` frees pages through the WAL, and the WAL
    /// still holds images of the pages as they were before the delete; `wal_checkpoint(TRUNCATE)`
    /// last leaves the WAL empty, so the deleted rows are gone from every file (with
    /// `secure_delete` zeroing them in the main file).
    @discardableResult
    public func applyRetention(_ policy: RetentionPolicy, now: Date = Date()) throws -> RetentionReport {
        let cutoff = CivilTime.startOfDay(now, timeZone: policy.timeZone, minusDays: max(0, policy.keepDays))
        let keptFrom = SessionHour(cutoff, timeZone: policy.timeZone).dayText

        var report = RetentionReport(rolledUp: 0, demosDeleted: 0, keptFrom: keptFrom)
        while true {
            let (rolled, demos) = try pool.write { db in
                try Self.rollUpBatch(db, before: keptFrom, limit: max(1, policy.batchSize))
            }
            if rolled + demos == 0 { break }
            report.rolledUp += rolled
            report.demosDeleted += demos
        }
        try recordEvent(
            kind: .retention,
            detail: "rolled up \(report.rolledUp) session(s) and deleted \(report.demosDeleted) demo(s) before \(keptFrom)",
            at: now)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA incremental_vacuum")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        return report
    }

    private static func rollUpBatch(_ db: Database, before day: String, limit: Int) throws -> (Int, Int) {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS retention_batch (id INTEGER PRIMARY KEY)")
        try db.execute(sql: "DELETE FROM retention_batch")
        try db.execute(
            sql: "INSERT INTO retention_batch SELECT id FROM session WHERE day < ? LIMIT ?",
            arguments: [day, limit])
        let counted = "id IN (SELECT id FROM retention_batch) AND demo = 0"
        let upsert = "ON CONFLICT (month, dimension, key, status) DO UPDATE SET count = count + excluded.count"

        try db.execute(sql: """
            INSERT INTO monthly_aggregate (month, dimension, key, status, count)
            SELECT month, 'sessions', '', '', COUNT(*) FROM session WHERE \(counted) GROUP BY month \(upsert)
            """)
        for dimension in SessionDimension.allCases {
            try db.execute(sql: """
                INSERT INTO monthly_aggregate (month, dimension, key, status, count)
                SELECT month, '\(dimension.rawValue)', \(dimension.column), '', COUNT(*) FROM session
                WHERE \(counted) GROUP BY month, \(dimension.column) \(upsert)
                """)
        }
        // Programme outcomes need no roll-up: `monthly_outcome` counted them at commit.
        for (dimension, table, column) in [("unknown", "unknown_answer", "fact"), ("accessibility", "accessibility_use", "feature")] {
            try db.execute(sql: """
                INSERT INTO monthly_aggregate (month, dimension, key, status, count)
                SELECT month, '\(dimension)', \(column), '', COUNT(*) FROM \(table)
                WHERE session IN (SELECT id FROM retention_batch) AND demo = 0
                GROUP BY month, \(column) \(upsert)
                """)
        }
        let rolled = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session WHERE \(counted)") ?? 0
        let demos = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM session WHERE id IN (SELECT id FROM retention_batch) AND demo = 1") ?? 0
        try db.execute(sql: "DELETE FROM session WHERE id IN (SELECT id FROM retention_batch)")
        return (rolled, demos)
    }
}
