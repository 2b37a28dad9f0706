import Foundation
import Settings

/// Who may enter staff mode, and whether they may try now: the PIN hash from kiosk.conf and the
/// lock record, loaded once when the kiosk starts.
///
/// Used from the kiosk's event loop only. A verify takes a fraction of a second of Argon2id
/// work (`StaffPin`); that pause after Enter is the PIN screen's only wait.
public final class StaffAccess {
    /// `nil` when kiosk.conf has no `[staff] pin_hash`: entry is disabled and invisible.
    public let pinHash: StaffPinHash?
    public let idleTimeout: Duration
    private let lockFile: StaffLockFile?
    /// Wall-clock time: the lock must run out at the same moment across a restart.
    private let wallClock: @Sendable () -> Date
    public private(set) var record: StaffLockRecord

    public init(pinHash: StaffPinHash?, idleTimeout: Duration, lockFile: StaffLockFile?,
                wallClock: @escaping @Sendable () -> Date = Date.init) {
        self.pinHash = pinHash
        self.idleTimeout = idleTimeout
        self.lockFile = lockFile
        self.wallClock = wallClock
        // No PIN, no lock to honour: a kiosk without staff entry never touches the file.
        record = pinHash == nil ? StaffLockRecord() : (lockFile?.load(now: wallClock()) ?? StaffLockRecord())
    }

    /// kiosk.conf's `[staff]` and `[paths] staff_lock`.
    public convenience init(config: KioskConfig, wallClock: @escaping @Sendable () -> Date = Date.init) {
        self.init(pinHash: config.staff.pinHash, idleTimeout: config.staff.idleTimeout,
                  lockFile: StaffLockFile(url: config.paths.staffLock), wallClock: wallClock)
    }

    public var isEnabled: Bool { pinHash != nil }

    /// The time on the wall clock, for anything staff screens date (this month's figures).
    public var today: Date { wallClock() }

    /// Whole seconds left on the lock, rounded up; `nil` when entry is open.
    public func lockSecondsLeft() -> Int? {
        let now = wallClock()
        let before = record
        record.settle(at: now)
        if record != before { lockFile?.save(record) }
        return record.remaining(at: now).map { Int($0.rounded(.up)) }
    }

    public enum Outcome: Equatable, Sendable {
        case accepted
        /// Wrong; this many tries remain before the lock.
        case rejected(triesLeft: Int)
        /// Locked (just now, or already): seconds left.
        case locked(secondsLeft: Int)
    }

    /// Checks a typed PIN, counting a wrong one. While locked nothing is verified at all.
    public func check(_ typed: String) -> Outcome {
        guard let pinHash else { return .rejected(triesLeft: 0) }
        if let left = lockSecondsLeft() { return .locked(secondsLeft: left) }
        if StaffPin.verify(typed, against: pinHash) {
            if record != StaffLockRecord() {
                record.recordSuccess()
                lockFile?.save(record)
            }
            return .accepted
        }
        record.recordFailure(at: wallClock())
        lockFile?.save(record)
        if let left = lockSecondsLeft() { return .locked(secondsLeft: left) }
        return .rejected(triesLeft: record.triesLeft)
    }
}
