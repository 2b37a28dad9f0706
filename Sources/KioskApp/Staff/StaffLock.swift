import Foundation
import Settings

/// Wrong staff PINs and the lock they lead to: five wrong PINs lock staff entry for 5 minutes.
///
/// Pure: the clock is passed in, and `StaffLockFile` keeps it on disk so the lock survives a
/// restart (pulling the plug must not be a way to get five more guesses).
public struct StaffLockRecord: Equatable, Sendable {
    /// Wrong PINs since the last lock or the last right PIN.
    public var failures: Int
    /// Until when entry is locked; `nil` when it is not.
    public var lockedUntil: Date?

    public static let maximumFailures = 5
    public static let lockDuration: TimeInterval = 5 * 60

    public init(failures: Int = 0, lockedUntil: Date? = nil) {
        self.failures = failures
        self.lockedUntil = lockedUntil
    }

    /// A lock starting `now`, for a file that cannot be trusted.
    public static func locked(at now: Date) -> StaffLockRecord {
        StaffLockRecord(failures: 0, lockedUntil: now.addingTimeInterval(lockDuration))
    }

    /// Time left on the lock at `now`, at most `lockDuration` (a clock set back must not lock
    /// for longer); `nil` when not locked.
    public func remaining(at now: Date) -> TimeInterval? {
        guard let lockedUntil else { return nil }
        let left = lockedUntil.timeIntervalSince(now)
        return left > 0 ? min(left, Self.lockDuration) : nil
    }

    /// Wrong PINs left before the lock.
    public var triesLeft: Int { max(0, Self.maximumFailures - failures) }

    /// Counts a wrong PIN; the fifth locks entry from `now`.
    public mutating func recordFailure(at now: Date) {
        failures += 1
        if failures >= Self.maximumFailures {
            failures = 0
            lockedUntil = now.addingTimeInterval(Self.lockDuration)
        }
    }

    public mutating func recordSuccess() {
        failures = 0
        lockedUntil = nil
    }

    /// Forgets a lock that has run out (or that lies implausibly far ahead: the clock was set
    /// back, so it is restarted from `now`).
    public mutating func settle(at now: Date) {
        guard let lockedUntil else { return }
        if lockedUntil <= now {
            self.lockedUntil = nil
        } else if lockedUntil.timeIntervalSince(now) > Self.lockDuration {
            self.lockedUntil = now.addingTimeInterval(Self.lockDuration)
        }
    }
}

// MARK: - On disk

/// The lock record in a small text file beside the session log (`[paths] staff_lock`):
///
///     # welfare-kiosk staff PIN lock: wrong PINs since the last lock, and the lock's end (Unix time).
///     failures = 2
///     locked_until = 0
///
/// Written whole to a temporary file, synced and renamed over the old one, so a power cut
/// leaves either the old record or the new one. A file that cannot be read as this is taken
/// as a lock (fail safe), with a log line saying so.
public struct StaffLockFile: Sendable {
    public let url: URL
    /// Where a line about a damaged or unwritable file goes (syslog in the kiosk).
    public let log: @Sendable (String) -> Void

    public init(url: URL, log: @escaping @Sendable (String) -> Void = SystemLog.warning) {
        self.url = url
        self.log = log
    }

    /// The record on disk: none when the file is missing; a lock from `now` when damaged.
    public func load(now: Date) -> StaffLockRecord {
        guard FileManager.default.fileExists(atPath: url.path) else { return StaffLockRecord() }
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8), let record = Self.parse(text)
        else {
            log("welfare-kiosk: \(url.path): staff lock file is damaged; staff entry is locked for 5 minutes (fail safe)")
            let locked = StaffLockRecord.locked(at: now)
            save(locked)
            return locked
        }
        return record
    }

    /// Writes `record` atomically; a failure is logged and the record kept in memory only.
    public func save(_ record: StaffLockRecord) {
        do {
            try AtomicFile.write(Data(Self.format(record).utf8), to: url, permissions: 0o600)
        } catch {
            log("welfare-kiosk: \(url.path): cannot save the staff lock: \(error)")
        }
    }

    static func format(_ record: StaffLockRecord) -> String {
        let until = record.lockedUntil.map { Int($0.timeIntervalSince1970.rounded(.up)) } ?? 0
        return """
            # welfare-kiosk staff PIN lock: wrong PINs since the last lock, and the lock's end (Unix time).
            failures = \(record.failures)
            locked_until = \(until)

            """
    }

    static func parse(_ text: String) -> StaffLockRecord? {
        var values: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, ["failures", "locked_until"].contains(parts[0]), values[parts[0]] == nil,
                  let value = Int(parts[1]), value >= 0 else { return nil }
            values[parts[0]] = value
        }
        guard let failures = values["failures"], let until = values["locked_until"],
              failures < StaffLockRecord.maximumFailures else { return nil }
        return StaffLockRecord(failures: failures, lockedUntil: until == 0 ? nil : Date(timeIntervalSince1970: TimeInterval(until)))
    }
}

/// The system log (journald on the kiosk): the screen belongs to citizens, so nothing the kiosk
/// wants staff or a technician to read later may be printed on it.
public enum SystemLog {
    public static let warning: @Sendable (String) -> Void = { message in
        message.withCString { text in
            withVaList([text]) { vsyslog(LOG_WARNING, "%s", $0) }
        }
    }
}
