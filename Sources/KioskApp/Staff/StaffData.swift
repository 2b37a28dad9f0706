import Foundation
import SessionLog
import Synchronization

/// A value a staff screen waits for: gathered on a background thread, shown when it arrives.
public enum Loading<Value: Sendable & Equatable>: Sendable, Equatable {
    case loading
    case loaded(Value)
    case failed(String)

    public var value: Value? {
        if case .loaded(let value) = self { value } else { nil }
    }
}

/// The statistics screen: a month's published figures.
public struct StatisticsScreen: Sendable, Equatable {
    public var month: LogMonth
    /// The kiosk's current month; the screen does not go past it.
    public var latest: LogMonth
    public var figures: Loading<MonthlyStatistics> = .loading
    /// Which request the figures answer, so a late answer for another month is ignored.
    var request: Int

    init(month: LogMonth, latest: LogMonth, request: Int) {
        self.month = month
        self.latest = latest
        self.request = request
    }
}

/// The health screen: each line arrives on its own.
public struct HealthScreen: Sendable, Equatable {
    public var storage: Loading<StorageHealth> = .loading
    public var llm: Loading<LLMHealth> = .loading
    var request: Int

    init(request: Int) {
        self.request = request
    }
}

/// The session log's file, its writer's counters and the disk it is on.
public struct StorageHealth: Sendable, Equatable {
    /// The database file and its WAL, in bytes; `nil` when missing.
    public var databaseBytes: Int?
    public var walBytes: Int?
    /// Bytes free to an unprivileged writer on the log's file system.
    public var freeBytes: Int?
    /// Sessions the writer could not store since the kiosk started; `nil` without a log writer.
    public var droppedSessions: Int?
    /// The writer's last error, in SQLite's words.
    public var lastError: String?
    /// When retention last ran, from the log's own event table; `nil` if never or unreadable.
    public var lastRetention: Date?
}

/// Whether the language model server answers.
public enum LLMHealth: Sendable, Equatable {
    /// `[llm] endpoint` is empty: templates only.
    case notConfigured
    /// It answered `GET /health` with this status after this long.
    case reachable(status: Int, milliseconds: Int)
    case unreachable(reason: String)
}

// MARK: - Gathering

/// Reads health figures; every function here does I/O and is called off the event loop.
enum HealthProbe {
    /// The whole health check to the model server is allowed this long.
    static let llmTimeout: Duration = .seconds(1)

    static func storage(databasePath: String, writer: SessionLogWriter?) -> StorageHealth {
        var health = StorageHealth()
        health.databaseBytes = fileSize(databasePath)
        health.walBytes = fileSize(databasePath + "-wal")
        health.freeBytes = freeBytes(under: URL(fileURLWithPath: databasePath).deletingLastPathComponent().path)
        if let writer {
            let counters = writer.health
            health.droppedSessions = counters.dropped
            health.lastError = counters.lastError
            if let text = try? writer.database?.lastRetentionRun() {
                health.lastRetention = ISO8601DateFormatter().date(from: text)
            }
        }
        return health
    }

    static func llm(endpoint: URL?) -> LLMHealth {
        guard let endpoint else { return .notConfigured }
        do {
            let reply = try HTTPHealthCheck.get(endpoint.appendingPathComponent("health"), timeout: llmTimeout)
            return .reachable(status: reply.status, milliseconds: reply.milliseconds)
        } catch {
            return .unreachable(reason: error.description)
        }
    }

    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// `statvfs` of the folder: blocks available to unprivileged users times the fragment size.
    static func freeBytes(under folder: String) -> Int? {
        var info = statvfs()
        guard statvfs(folder.isEmpty ? "." : folder, &info) == 0 else { return nil }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }
}

// MARK: - Background work

/// What a background job hands back to the event loop.
enum StaffResult: Sendable {
    case statistics(request: Int, Loading<MonthlyStatistics>)
    case storage(request: Int, StorageHealth)
    case llm(request: Int, LLMHealth)
}

/// Runs staff jobs on threads of their own and keeps their results until the event loop's
/// next tick takes them, so no staff screen ever makes the loop wait on SQLite or a socket.
final class StaffJobs: Sendable {
    private let inbox = Mutex<[StaffResult]>([])
    private let running = Mutex(0)

    func start(_ name: String, _ work: @escaping @Sendable () -> StaffResult) {
        running.withLock { $0 += 1 }
        let thread = Thread { [self] in
            let result = work()
            inbox.withLock { $0.append(result) }
            running.withLock { $0 -= 1 }
        }
        thread.name = "staff-\(name)"
        thread.start()
    }

    /// Results that arrived since the last call, oldest first.
    func take() -> [StaffResult] {
        inbox.withLock { results in
            defer { results.removeAll() }
            return results
        }
    }

    /// For tests and benchmarks: waits until every job started so far has delivered, up to `timeout`.
    @discardableResult
    func waitUntilIdle(timeout: Duration = .seconds(10)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while running.withLock({ $0 }) > 0 {
            if ContinuousClock.now > deadline { return false }
            Thread.sleep(forTimeInterval: 0.002)
        }
        return true
    }
}

extension LLMHealth {
    /// `GET <endpoint>/health` with the health screen's timeout. Blocks for up to a second:
    /// call it off the event loop.
    public static func check(_ endpoint: URL?) -> LLMHealth {
        HealthProbe.llm(endpoint: endpoint)
    }
}
