import GRDB

// MARK: - Migrations

/// The log's schema, one migration per released change. Never edit a shipped migration: a kiosk
/// in the field has already run it; add a new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sessions, outcomes, aggregates, events") { db in
            // The primary key is the random session id itself, so rows carry no insertion order.
            try db.execute(
                sql: """
                    CREATE TABLE session (
                        id INTEGER PRIMARY KEY NOT NULL,
                        month TEXT NOT NULL,
                        day TEXT NOT NULL,
                        hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
                        kiosk TEXT NOT NULL,
                        language TEXT NOT NULL,
                        questions INTEGER NOT NULL CHECK (questions BETWEEN 0 AND 60),
                        exit_step TEXT NOT NULL,
                        reached_results INTEGER NOT NULL CHECK (reached_results IN (0, 1)),
                        age_band TEXT NOT NULL,
                        household_band TEXT NOT NULL,
                        income_band TEXT NOT NULL,
                        explainer TEXT NOT NULL CHECK (explainer IN ('model', 'fallback', 'none')),
                        explainer_detail TEXT NOT NULL,
                        latency_band TEXT NOT NULL,
                        demo INTEGER NOT NULL CHECK (demo IN (0, 1))
                    );
                    CREATE INDEX session_by_month ON session (month, demo);
                    CREATE INDEX session_by_day ON session (day);

                    -- month and demo are repeated here so a month's outcome counts are one scan of
                    -- a covering index, not a join over every session (log.stats_100k_ms).
                    CREATE TABLE outcome (
                        session INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
                        program TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('eligible', 'undetermined', 'ineligible')),
                        month TEXT NOT NULL,
                        demo INTEGER NOT NULL,
                        PRIMARY KEY (session, program)
                    ) WITHOUT ROWID;
                    CREATE INDEX outcome_by_month ON outcome (month, demo, program, status);

                    CREATE TABLE unknown_answer (
                        session INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
                        fact TEXT NOT NULL,
                        PRIMARY KEY (session, fact)
                    ) WITHOUT ROWID;

                    CREATE TABLE accessibility_use (
                        session INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
                        feature TEXT NOT NULL,
                        PRIMARY KEY (session, feature)
                    ) WITHOUT ROWID;

                    -- Sessions past retention, counted per month in the same bands. `status` is ''
                    -- except for programme outcomes.
                    CREATE TABLE monthly_aggregate (
                        month TEXT NOT NULL,
                        dimension TEXT NOT NULL,
                        key TEXT NOT NULL,
                        status TEXT NOT NULL DEFAULT '',
                        count INTEGER NOT NULL CHECK (count >= 0),
                        PRIMARY KEY (month, dimension, key, status)
                    ) WITHOUT ROWID;

                    -- What happened to the log itself: recoveries, retention runs, dropped sessions.
                    -- `detail` is written by the kiosk, never by a citizen.
                    CREATE TABLE event (
                        id INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        detail TEXT NOT NULL
                    );
                    """)
        }
        return migrator
    }
}
