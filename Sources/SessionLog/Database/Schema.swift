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
                    -- Covers a month's statistics: one index-only pass, already in GROUP BY order.
                    CREATE INDEX session_bands ON session
                        (month, demo, age_band, household_band, income_band, language, exit_step);
                    CREATE INDEX session_by_day ON session (day);

                    CREATE TABLE outcome (
                        session INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
                        program TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('eligible', 'undetermined', 'ineligible')),
                        PRIMARY KEY (session, program)
                    ) WITHOUT ROWID;

                    -- Programme outcomes per month, counted as each session commits (demos never).
                    -- Why not count `outcome` when asked: 100,000 sessions × 17 programmes is 1.7
                    -- million rows, 200 ms to scan; this table answers in microseconds. Retention
                    -- leaves it alone: it already is the monthly aggregate for outcomes.
                    CREATE TABLE monthly_outcome (
                        month TEXT NOT NULL,
                        program TEXT NOT NULL,
                        status TEXT NOT NULL,
                        count INTEGER NOT NULL CHECK (count >= 0),
                        PRIMARY KEY (month, program, status)
                    ) WITHOUT ROWID;

                    -- month and demo are repeated so a month's counts are an index-only scan.
                    CREATE TABLE unknown_answer (
                        session INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
                        fact TEXT NOT NULL,
                        month TEXT NOT NULL,
                        demo INTEGER NOT NULL,
                        PRIMARY KEY (session, fact)
                    ) WITHOUT ROWID;
                    CREATE INDEX unknown_answer_by_month ON unknown_answer (month, demo, fact);

                    CREATE TABLE accessibility_use (
                        session INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
                        feature TEXT NOT NULL,
                        month TEXT NOT NULL,
                        demo INTEGER NOT NULL,
                        PRIMARY KEY (session, feature)
                    ) WITHOUT ROWID;
                    CREATE INDEX accessibility_use_by_month ON accessibility_use (month, demo, feature);

                    -- Sessions past retention, counted per month in the same bands.
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
