import GRDB

/// A month's raw counts, before suppression. Never published as is.
public struct MonthlyCounts: Sendable, Equatable {
    public var month: LogMonth
    /// Sessions counted (demos never are).
    public var sessions: Int = 0
    /// Sessions per key of each dimension (`age`, `household`, `income`, `language`, `exit`).
    public var dimensions: [String: [String: Int]] = [:]
    /// Sessions per programme and outcome.
    public var programs: [String: [ProgramOutcome: Int]] = [:]
    /// Sessions that answered each fact "unknown".
    public var unknownAnswers: [String: Int] = [:]
    /// Sessions that used each accessibility feature.
    public var accessibility: [String: Int] = [:]

    public init(month: LogMonth) {
        self.month = month
    }

    mutating func add(dimension: String, key: String, status: String, count: Int) {
        switch dimension {
        case "sessions":
            sessions += count
        case "program":
            guard let outcome = ProgramOutcome(rawValue: status) else { return }
            programs[key, default: [:]][outcome, default: 0] += count
        case "unknown":
            unknownAnswers[key, default: 0] += count
        case "accessibility":
            accessibility[key, default: 0] += count
        default:
            dimensions[dimension, default: [:]][key, default: 0] += count
        }
    }
}

/// One table of the published statistics: cells that add up to the month's sessions (or, for a
/// programme, to the sessions that reached a decision about it).
public struct StatisticsTable: Sendable, Equatable {
    public let name: String
    public let cells: [Entry]

    public struct Entry: Sendable, Equatable {
        public let key: String
        public let cell: PublishedCount
    }
}

/// A programme's outcomes in a month, as published.
public struct ProgramStatistics: Sendable, Equatable {
    public let program: String
    /// Sessions with any outcome for this programme.
    public let evaluated: PublishedCount
    public let eligible: PublishedCount
    public let undetermined: PublishedCount
    public let ineligible: PublishedCount
}

/// A month's k-anonymous statistics: what `welfare-kiosk stats` and the staff screen show.
public struct MonthlyStatistics: Sendable, Equatable {
    public let month: LogMonth
    public let k: Int
    public let sessions: PublishedCount
    /// By age, household and income band, language and drop-off point, in that order.
    public let tables: [StatisticsTable]
    public let programs: [ProgramStatistics]
    /// Counts that do not add up to a total (a session may answer several facts "unknown"),
    /// so only primary suppression applies.
    public let unknownAnswers: StatisticsTable
    public let accessibility: StatisticsTable

    /// Publishes `counts` with every cell of 1 to k−1 sessions withheld, and the cells that
    /// would give one back withheld too.
    public init(_ counts: MonthlyCounts, k: Int) {
        month = counts.month
        self.k = k
        sessions = Suppression.cell(counts.sessions, k: k)

        // Bands list every band, zero or not, in their natural order; the rest sort by key.
        let bandOrder: [(String, [String])] = [
            ("age", AgeBand.allCases.map(\.rawValue)),
            ("household", HouseholdBand.allCases.map(\.rawValue)),
            ("income", IncomeBand.allCases.map(\.rawValue)),
            ("language", []),
            ("exit", []),
        ]
        tables = bandOrder.map { name, order in
            let observed = counts.dimensions[name] ?? [:]
            let keys = order.isEmpty ? observed.keys.sorted() : order
            let cells = keys.map { (key: $0, count: observed[$0] ?? 0) }
            return StatisticsTable(name: name, cells: Suppression.apply(cells, k: k, isPartition: true).map {
                .init(key: $0.key, cell: $0.cell)
            })
        }

        programs = counts.programs.keys.sorted().map { program in
            let byOutcome = counts.programs[program] ?? [:]
            let raw = ProgramOutcome.allCases.map { byOutcome[$0] ?? 0 }
            let evaluated = raw.reduce(0, +)
            let hidden = Suppression.withheld(raw, k: k)
            let cell = { (index: Int) -> PublishedCount in PublishedCount.withheld(raw[index], hidden[index], k: k) }
            return ProgramStatistics(
                program: program, evaluated: Suppression.cell(evaluated, k: k),
                eligible: cell(0), undetermined: cell(1), ineligible: cell(2))
        }

        func independent(_ name: String, _ counts: [String: Int]) -> StatisticsTable {
            let cells = counts.keys.sorted().map { (key: $0, count: counts[$0] ?? 0) }
            return StatisticsTable(name: name, cells: Suppression.apply(cells, k: k, isPartition: false).map {
                .init(key: $0.key, cell: $0.cell)
            })
        }
        unknownAnswers = independent("unknown", counts.unknownAnswers)
        accessibility = independent("accessibility", counts.accessibility)
    }
}

// MARK: - Reading a month

extension SessionDatabase {
    /// The month's raw counts: its sessions still in the log plus the counts retention rolled up.
    /// Demo sessions are never counted.
    public func monthlyCounts(_ month: LogMonth) throws -> MonthlyCounts {
        try pool.read { db in try Self.monthlyCounts(db, month) }
    }

    /// The month's published statistics, with cells under `k` suppressed.
    public func statistics(for month: LogMonth, k: Int) throws -> MonthlyStatistics {
        MonthlyStatistics(try monthlyCounts(month), k: k)
    }

    /// The months that have anything to count, newest first.
    public func months() throws -> [LogMonth] {
        try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT month FROM session WHERE demo = 0
                UNION SELECT month FROM monthly_aggregate ORDER BY month DESC
                """).compactMap(LogMonth.init)
        }
    }

    static func monthlyCounts(_ db: Database, _ month: LogMonth) throws -> MonthlyCounts {
        let key = month.description
        var counts = MonthlyCounts(month: month)
        // One pass over the month's sessions; the margins are summed here rather than running
        // a scan per dimension.
        let columns = SessionDimension.allCases
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(columns.map(\.column).joined(separator: ", ")), COUNT(*) FROM session
            WHERE month = ? AND demo = 0 GROUP BY \(columns.map(\.column).joined(separator: ", "))
            """, arguments: [key])
        while let row = try rows.next() {
            let count: Int = row[columns.count]
            counts.sessions += count
            for (index, dimension) in columns.enumerated() {
                counts.add(dimension: dimension.rawValue, key: row[index], status: "", count: count)
            }
        }
        let outcomes = try Row.fetchCursor(db, sql: """
            SELECT program, status, count FROM monthly_outcome WHERE month = ?
            """, arguments: [key])
        while let row = try outcomes.next() {
            counts.add(dimension: "program", key: row[0], status: row[1], count: row[2])
        }
        for (dimension, table, column) in [("unknown", "unknown_answer", "fact"), ("accessibility", "accessibility_use", "feature")] {
            let tagged = try Row.fetchCursor(db, sql: """
                SELECT \(column), COUNT(*) FROM \(table) WHERE month = ? AND demo = 0 GROUP BY \(column)
                """, arguments: [key])
            while let row = try tagged.next() {
                counts.add(dimension: dimension, key: row[0], status: "", count: row[1])
            }
        }
        let rolledUp = try Row.fetchCursor(
            db, sql: "SELECT dimension, key, status, count FROM monthly_aggregate WHERE month = ?", arguments: [key])
        while let row = try rolledUp.next() {
            counts.add(dimension: row[0], key: row[1], status: row[2], count: row[3])
        }
        return counts
    }
}
