import Foundation

/// Writes sessions to the log on a thread of its own, so the kiosk's screen never waits for a
/// disk.
///
/// Why it drops rather than waits: a full disk, a read-only file, a lock or a damaged database
/// must never stop or slow a citizen's session. `submit` anonymizes the summary, puts it in a
/// bounded queue and returns at once. When the queue is full or a write fails, the sessions are
/// dropped and counted; `health` shows the count to staff, and the next successful write also
/// records it in the log's `event` table.
///
///     let log = SessionLogWriter.open(path: "var/kiosk.sqlite", anonymizer: anonymizer)
///     log.submit(summary)            // from the UI loop; never blocks, never throws
///     log.health.dropped             // for the staff health screen
public final class SessionLogWriter: Sendable {
    /// What staff see on the health screen.
    public struct Health: Sendable, Equatable {
        /// Sessions committed since the kiosk started.
        public var committed: Int
        /// Sessions lost since the kiosk started: queue full, or the database failed.
        public var dropped: Int
        /// Sessions waiting for, or in, a write.
        public var pending: Int
        /// The last write failure, in SQLite's words; `nil` if there was none.
        public var lastError: String?
    }

    /// The queue's default bound. At one session every few minutes it never fills unless the
    /// disk has stopped answering; then it caps the memory the waiting sessions hold.
    public static let defaultCapacity = 256

    /// The log once it is open; `nil` while it is opening or when it could not be opened (then
    /// every session is dropped and counted).
    public var database: SessionDatabase? {
        shared.currentDatabase
    }

    private let anonymizer: Anonymizer
    private let shared: Shared

    /// Starts a writer on an open log. `onCommit` runs on the writer's thread after each durable
    /// commit, with the ids it committed.
    public init(
        database: SessionDatabase,
        anonymizer: Anonymizer,
        capacity: Int = defaultCapacity,
        onCommit: (@Sendable ([SessionID]) -> Void)? = nil
    ) {
        self.anonymizer = anonymizer
        shared = Shared(capacity: max(1, capacity), database: database)
        Self.start(shared: shared, path: database.path, onCommit: onCommit) { database }
    }

    /// A writer with no log behind it: it drops and counts every session.
    public init(unavailable reason: String, anonymizer: Anonymizer) {
        self.anonymizer = anonymizer
        shared = Shared(capacity: 0, unavailable: reason)
    }

    private init(
        opening path: String, busyTimeout: TimeInterval, anonymizer: Anonymizer, capacity: Int,
        onCommit: (@Sendable ([SessionID]) -> Void)?
    ) {
        self.anonymizer = anonymizer
        shared = Shared(capacity: max(1, capacity), database: nil)
        Self.start(shared: shared, path: path, onCommit: onCommit) {
            try SessionDatabase.open(path: path, busyTimeout: busyTimeout)
        }
    }

    /// Starts a writer that opens the log at `path` on its own thread; returns at once and never
    /// throws.
    ///
    /// Why the open happens on the writer's thread: `quick_check` reads the whole file, a lock
    /// held by a staff tool can make the first write wait out the busy timeout, and recovering a
    /// damaged file moves files around — none of which may delay the kiosk's first screen.
    /// Sessions submitted meanwhile wait in the queue. If the log cannot be opened, they and
    /// every later session are dropped and counted, and `health.lastError` says why.
    public static func open(
        path: String,
        anonymizer: Anonymizer,
        capacity: Int = defaultCapacity,
        busyTimeout: TimeInterval = SessionDatabase.defaultBusyTimeout,
        onCommit: (@Sendable ([SessionID]) -> Void)? = nil
    ) -> SessionLogWriter {
        SessionLogWriter(
            opening: path, busyTimeout: busyTimeout, anonymizer: anonymizer, capacity: capacity, onCommit: onCommit)
    }

    private static func start(
        shared: Shared, path: String, onCommit: (@Sendable ([SessionID]) -> Void)?,
        database: @escaping @Sendable () throws -> SessionDatabase
    ) {
        let thread = Thread {
            let opened: SessionDatabase
            do {
                opened = try database()
            } catch {
                shared.failedToOpen("\(path): cannot open the session log: \(error)")
                return
            }
            shared.opened(opened)
            run(shared: shared, database: opened, onCommit: onCommit)
        }
        thread.name = "SessionLogWriter"
        thread.start()
    }

    // MARK: - Submitting

    /// Anonymizes `summary` and queues it; returns its id, or `nil` if it was dropped because
    /// the queue is full or the log is unavailable. Never blocks on I/O and never throws.
    @discardableResult
    public func submit(_ summary: SessionSummary) -> SessionID? {
        let session = anonymizer.anonymize(summary)
        return shared.enqueue(.session(session), wait: false) ? session.id : nil
    }

    /// Like `submit`, but waits for room in the queue instead of dropping. For batch tools such
    /// as `simulate`, which must not lose sessions to their own speed; never call it from the UI.
    @discardableResult
    public func submitWaiting(_ summary: SessionSummary) -> SessionID? {
        let session = anonymizer.anonymize(summary)
        return shared.enqueue(.session(session), wait: true) ? session.id : nil
    }

    /// Queues a retention run behind the sessions already queued, so it never contends with the
    /// writer for the lock. Returns `false` if the log is unavailable.
    @discardableResult
    public func scheduleRetention(_ policy: RetentionPolicy, now: Date = Date()) -> Bool {
        shared.enqueue(.retention(policy, now), wait: true)
    }

    /// Waits until everything queued so far is written or dropped. For shutdown and tests.
    public func flush() {
        shared.waitUntilIdle()
    }

    /// Writes what is queued, then stops the writer's thread; later sessions are dropped and
    /// counted. For shutdown and tests.
    public func close() {
        _ = shared.enqueue(.stop, wait: true)
        shared.waitUntilIdle()
    }

    /// The counters, read without waiting for the writer.
    public var health: Health {
        shared.health()
    }

    // MARK: - The writer thread

    enum Job: Sendable {
        case session(AnonymousSession)
        case retention(RetentionPolicy, Date)
        case stop
    }

    /// A batch is written in one transaction; this caps how long one transaction holds the lock.
    static let maximumBatch = 512

    private static func run(shared: Shared, database: SessionDatabase, onCommit: (@Sendable ([SessionID]) -> Void)?) {
        var running = true
        while running {
            let jobs = shared.takeBatch(maximum: maximumBatch)
            var sessions: [AnonymousSession] = []
            for job in jobs {
                switch job {
                case .stop:
                    running = false
                    shared.finish(jobs: 1)
                case .session(let session):
                    sessions.append(session)
                case .retention(let policy, let now):
                    write(sessions, shared: shared, database: database, onCommit: onCommit)
                    sessions.removeAll()
                    do {
                        try database.applyRetention(policy, now: now)
                    } catch {
                        shared.finish(committed: 0, dropped: 0, error: "retention: \(error)")
                    }
                    shared.finish(jobs: 1)
                }
            }
            write(sessions, shared: shared, database: database, onCommit: onCommit)
        }
    }

    private static func write(
        _ sessions: [AnonymousSession], shared: Shared, database: SessionDatabase,
        onCommit: (@Sendable ([SessionID]) -> Void)?
    ) {
        guard !sessions.isEmpty else { return }
        let note = shared.unrecordedDrops()
        do {
            let ids = try database.commit(sessions, droppedNote: note)
            shared.finish(committed: ids.count, dropped: 0, error: nil, recordedDrops: note?.count ?? 0)
            onCommit?(ids)
        } catch {
            shared.finish(committed: 0, dropped: sessions.count, error: "\(error)")
        }
        shared.finish(jobs: sessions.count)
    }
}

// MARK: - Shared state

/// The queue and counters, guarded by one condition lock held only for memory operations.
private final class Shared: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private let capacity: Int
    private var queue: [SessionLogWriter.Job] = []
    private var queuedSessions = 0
    private var inFlight = 0
    private var committed = 0
    private var dropped = 0
    private var droppedUnrecorded = 0
    private var lastError: String?
    private var isClosed = false
    private var database: SessionDatabase?
    private var isOpening: Bool
    private var isUnavailable: Bool

    /// A queue for a log that is open (`database`) or about to be (`nil`).
    init(capacity: Int, database: SessionDatabase?) {
        self.capacity = capacity
        self.database = database
        isOpening = database == nil
        isUnavailable = false
    }

    /// A queue that drops everything.
    init(capacity: Int, unavailable reason: String) {
        self.capacity = capacity
        lastError = reason
        isOpening = false
        isUnavailable = true
    }

    var currentDatabase: SessionDatabase? {
        condition.lock()
        defer { condition.unlock() }
        return database
    }

    func opened(_ database: SessionDatabase) {
        condition.lock()
        defer { condition.unlock() }
        self.database = database
        isOpening = false
        condition.broadcast()
    }

    /// The log will never open: what waited for it is dropped, and so will be what follows.
    func failedToOpen(_ reason: String) {
        condition.lock()
        defer { condition.unlock() }
        isOpening = false
        isUnavailable = true
        lastError = reason
        dropped += queuedSessions
        queuedSessions = 0
        queue.removeAll()
        condition.broadcast()
    }

    /// Queues `job`; `false` if it was dropped (queue full without `wait`, or no log at all).
    func enqueue(_ job: SessionLogWriter.Job, wait: Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let isSession = if case .session = job { true } else { false }
        if isUnavailable || isClosed {
            if isSession { dropped += 1 }
            return false
        }
        if isSession {
            while wait && queuedSessions >= capacity && !isUnavailable {
                condition.wait()
            }
            if isUnavailable {
                dropped += 1
                return false
            }
            if queuedSessions >= capacity {
                dropped += 1
                droppedUnrecorded += 1
                return false
            }
            queuedSessions += 1
        }
        if case .stop = job { isClosed = true }
        queue.append(job)
        condition.broadcast()
        return true
    }

    func takeBatch(maximum: Int) -> [SessionLogWriter.Job] {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            condition.wait()
        }
        let batch = Array(queue.prefix(maximum))
        queue.removeFirst(batch.count)
        for job in batch {
            if case .session = job { queuedSessions -= 1 }
        }
        inFlight += batch.count
        // Room in the queue again: wake any `submitWaiting`.
        condition.broadcast()
        return batch
    }

    func unrecordedDrops() -> (count: Int, lastError: String)? {
        condition.lock()
        defer { condition.unlock() }
        guard droppedUnrecorded > 0 else { return nil }
        return (droppedUnrecorded, lastError ?? "queue full")
    }

    func finish(committed newlyCommitted: Int, dropped newlyDropped: Int, error: String?, recordedDrops: Int = 0) {
        condition.lock()
        defer { condition.unlock() }
        committed += newlyCommitted
        dropped += newlyDropped
        droppedUnrecorded += newlyDropped - recordedDrops
        if let error { lastError = error }
    }

    func finish(jobs: Int) {
        condition.lock()
        defer { condition.unlock() }
        inFlight -= jobs
        condition.broadcast()
    }

    func waitUntilIdle() {
        condition.lock()
        defer { condition.unlock() }
        while isOpening || (!isUnavailable && (!queue.isEmpty || inFlight > 0)) {
            condition.wait()
        }
    }

    func health() -> SessionLogWriter.Health {
        condition.lock()
        defer { condition.unlock() }
        return .init(committed: committed, dropped: dropped, pending: queuedSessions + inFlight, lastError: lastError)
    }
}
