import Foundation
import GRDB

// MARK: - Writing sessions

extension SessionDatabase {
    /// Commits `sessions` in one transaction and returns their ids once it is durable.
    ///
    /// Why a batch and not one transaction per session: with `synchronous=FULL` every commit
    /// waits for the disk, so committing what has queued up together is what lets 10,000
    /// sessions through in seconds. Each session is still all-or-nothing — a batch either commits
    /// whole or not at all — and the writer only reports a session after its commit returned.
    @discardableResult
    public func commit(_ sessions: [AnonymousSession]) throws -> [SessionID] {
        try commit(sessions, droppedNote: nil)
    }

    func commit(_ sessions: [AnonymousSession], droppedNote: (count: Int, lastError: String)?) throws -> [SessionID] {
        try pool.write { db in
            // Outcome counts are summed over the batch first: one upsert per programme and
            // outcome instead of one per session halves the statements a batch runs.
            var tallies: [OutcomeKey: Int] = [:]
            for session in sessions {
                try Self.insert(session, into: db)
                if !session.isDemo {
                    let month = session.hour.month.description
                    for (program, status) in session.outcomes {
                        tallies[OutcomeKey(month: month, program: program.rawValue, status: status.rawValue), default: 0] += 1
                    }
                }
            }
            let tally = try db.cachedStatement(sql: """
                INSERT INTO monthly_outcome (month, program, status, count) VALUES (?, ?, ?, ?)
                ON CONFLICT (month, program, status) DO UPDATE SET count = count + excluded.count
                """)
            for (key, count) in tallies {
                tally.setUncheckedArguments([key.month, key.program, key.status, count])
                try tally.execute()
            }
            if let droppedNote {
                try Self.insertEvent(
                    db, kind: .dropped,
                    detail: "\(droppedNote.count) session(s) dropped; last error: \(droppedNote.lastError)",
                    at: Date())
            }
        }
        return sessions.map(\.id)
    }

    private struct OutcomeKey: Hashable {
        let month: String
        let program: String
        let status: String
    }

    private static func insert(_ session: AnonymousSession, into db: Database) throws {
        let month = session.hour.month.description
        let demo = session.isDemo ? 1 : 0
        let row = try db.cachedStatement(
            sql: """
                INSERT INTO session (id, month, day, hour, kiosk, language, questions, exit_step,
                    reached_results, age_band, household_band, income_band, explainer,
                    explainer_detail, latency_band, demo)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
        // Unchecked: the values come from typed fields, and GRDB's per-call check of the
        // argument count costs more than the insert on the writer's hot path.
        row.setUncheckedArguments([
            session.id.rawValue, month, session.hour.dayText, session.hour.hour,
            session.kiosk.rawValue, session.language.rawValue, session.questionsAsked,
            session.exitStep.rawValue, session.reachedResults ? 1 : 0, session.age.rawValue,
            session.household.rawValue, session.income.rawValue, session.explainer.kind,
            session.explainer.detail, session.latency.rawValue, demo,
        ])
        try row.execute()
        let outcome = try db.cachedStatement(sql: "INSERT INTO outcome (session, program, status) VALUES (?, ?, ?)")
        for (program, status) in session.outcomes {
            outcome.setUncheckedArguments([session.id.rawValue, program.rawValue, status.rawValue])
            try outcome.execute()
        }
        let unknown = try db.cachedStatement(
            sql: "INSERT INTO unknown_answer (session, fact, month, demo) VALUES (?, ?, ?, ?)")
        for fact in session.unknownFacts {
            unknown.setUncheckedArguments([session.id.rawValue, fact.rawValue, month, demo])
            try unknown.execute()
        }
        let feature = try db.cachedStatement(
            sql: "INSERT INTO accessibility_use (session, feature, month, demo) VALUES (?, ?, ?, ?)")
        for used in session.accessibility {
            feature.setUncheckedArguments([session.id.rawValue, used.rawValue, month, demo])
            try feature.execute()
        }
    }

    /// Whether a session with this id is in the log (not counting rolled-up months).
    public func contains(_ id: SessionID) throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM session WHERE id = ?)", arguments: [id.rawValue])
                ?? false
        }
    }

    /// How many session rows the log holds, demos included (not counting rolled-up months).
    public func sessionCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session") ?? 0 }
    }

    /// `PRAGMA integrity_check`'s verdict: `["ok"]` when the file is sound.
    public func integrityCheck() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
