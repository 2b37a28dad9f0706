import Foundation
import SessionLog
import Settings
import Synchronization

/// Where the kiosk hands a session when it ends. The kiosk calls `record` from its event loop,
/// so an implementation must return at once and never throw.
public protocol SessionRecorder: AnyObject, Sendable {
    func record(_ summary: SessionSummary)
    /// Writes what is pending and stops; for shutdown.
    func close()
}

/// The kiosk's recorder: the anonymous SQLite log, written on its own thread.
///
/// Opening returns at once (the writer checks and recovers the file on its thread); a log that
/// cannot be opened drops and counts sessions instead of stopping the kiosk. Retention runs at
/// start and then once a day, queued behind the sessions so it never delays one.
public final class LogSessionRecorder: SessionRecorder {
    public let writer: SessionLogWriter
    private let retention: RetentionPolicy
    private let lastRetention: Mutex<Date>
    private let clock: @Sendable () -> Date

    public init(writer: SessionLogWriter, retention: RetentionPolicy, clock: @escaping @Sendable () -> Date = Date.init) {
        self.writer = writer
        self.retention = retention
        self.clock = clock
        let now = clock()
        lastRetention = Mutex(now)
        writer.scheduleRetention(retention, now: now)
    }

    /// Opens `[paths] database` with `[log]` settings and the kiosk's id.
    public static func open(config: KioskConfig) -> LogSessionRecorder {
        let anonymizer = Anonymizer(kioskID: config.kiosk.id.rawValue, timeZone: config.log.timeZone)
        let writer = SessionLogWriter.open(path: config.paths.database.path, anonymizer: anonymizer)
        return LogSessionRecorder(
            writer: writer, retention: RetentionPolicy(keepDays: config.log.retentionDays, timeZone: config.log.timeZone))
    }

    public func record(_ summary: SessionSummary) {
        writer.submit(summary)
        let now = clock()
        let due = lastRetention.withLock { last in
            guard now.timeIntervalSince(last) >= 86_400 else { return false }
            last = now
            return true
        }
        if due { writer.scheduleRetention(retention, now: now) }
    }

    public func close() {
        writer.close()
    }
}

/// A recorder that keeps summaries in memory, for tests of the kiosk's flow.
public final class MemorySessionRecorder: SessionRecorder {
    private let stored = Mutex<[SessionSummary]>([])
    private let closed = Mutex(false)

    public init() {}

    public var summaries: [SessionSummary] { stored.withLock { $0 } }
    public var isClosed: Bool { closed.withLock { $0 } }

    public func record(_ summary: SessionSummary) {
        stored.withLock { $0.append(summary) }
    }

    public func close() {
        closed.withLock { $0 = true }
    }
}
