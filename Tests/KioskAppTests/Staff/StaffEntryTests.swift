import Foundation
import KioskApp
import Settings
import Terminal
import TerminalTesting
import Testing
import TextLayout

@Suite("Staff entry: key sequence, PIN, lockout, timeout")
struct StaffEntryTests {
    @Test("the key sequence on the attract screen opens the PIN screen; digits show as dots")
    func sequenceOpensPinScreen() throws {
        let folder = try ScratchFolder()
        let (app, pilot) = StaffFixture.kiosk(lockFile: folder.file("staff-lock"))
        pilot.press(StaffFixture.sequence[0], StaffFixture.sequence[1], StaffFixture.sequence[2], StaffFixture.sequence[3])
        app.drain()
        #expect(app.state.step == .attract && app.state.staff == nil, "the keys so far are held back on the attract screen")
        pilot.press(StaffFixture.sequence[4])
        pilot.type("24")
        app.drain()
        #expect(app.state.staff?.screen == .pin(PinEntry(typed: "24")))
        #expect(pilot.screenText.contains("[ \(PinEntry.dot)\(PinEntry.dot) ]"))
        #expect(!pilot.screenText.contains("24"))
    }

    @Test("a key that breaks the sequence starts the citizen's journey as any key does")
    func brokenSequenceStartsJourney() throws {
        let folder = try ScratchFolder()
        let (app, pilot) = StaffFixture.kiosk(lockFile: folder.file("staff-lock"))
        pilot.press(.character("/"), .character("-"), .enter)
        app.drain()
        #expect(app.state.staff == nil)
        #expect(app.state.step == .language)
    }

    @Test("the sequence must be typed within five seconds")
    func sequenceWindow() {
        var sequence = StaffKeySequence()
        var now = Duration.zero
        for key in StaffKeySequence.keys.dropLast() {
            #expect(sequence.feed(key, at: now) == .partial)
            now += .seconds(1)
        }
        now += .seconds(3)
        // Six seconds after the first key: the run is stale, and this "/" starts a new one.
        #expect(sequence.feed(StaffKeySequence.keys.last!, at: now) == .partial)
        for key in StaffKeySequence.keys.dropFirst() {
            now += .milliseconds(300)
            _ = sequence.feed(key, at: now)
        }
        #expect(sequence.feed(.character("/"), at: now) == .partial)
    }

    @Test("without a pin_hash the sequence is ignored: '/' starts the journey")
    func disabledWithoutHash() {
        let (app, pilot) = Fixture.kiosk()
        #expect(!app.staffDesk.access.isEnabled)
        pilot.press(.character("/"))
        app.drain()
        #expect(app.state.staff == nil)
        #expect(app.state.step == .language)
    }

    @Test("the right PIN opens the menu; a wrong one says how many tries are left")
    func pinCheck() throws {
        let folder = try ScratchFolder()
        let (app, pilot) = StaffFixture.kiosk(lockFile: folder.file("staff-lock"))
        StaffFixture.signIn(app, pilot, pin: "1111")
        #expect(app.state.staff?.screen == .pin(PinEntry(verdict: .wrong(triesLeft: 4))))
        #expect(pilot.screenText.contains("4"))
        pilot.type(StaffFixture.pin)
        pilot.press(.enter)
        app.drain()
        #expect(app.state.staff?.screen == .menu)
        #expect(app.staffDesk.access.record == StaffLockRecord(), "a right PIN clears the count")
    }

    @Test("five wrong PINs lock entry for 5 minutes, shown as time left, and the lock survives a restart")
    func lockoutPersists() throws {
        let folder = try ScratchFolder()
        let lockFile = folder.file("var/staff-lock")
        let wall = WallClock()
        let (app, pilot) = StaffFixture.kiosk(wall: wall, lockFile: lockFile)
        StaffFixture.signIn(app, pilot, pin: "0000")
        for _ in 0..<4 {
            pilot.type("9999")
            pilot.press(.enter)
        }
        app.drain()
        #expect(app.state.staff?.screen == .pin(PinEntry(verdict: .locked(secondsLeft: 300))))
        #expect(pilot.screenText.contains("5"))
        // Even the right PIN is not checked during the lock.
        #expect(app.staffDesk.access.check(StaffFixture.pin) == .locked(secondsLeft: 300))

        // A new kiosk on the same file (a restart 90 seconds later) is still locked.
        wall.advance(90)
        let (restarted, restartedPilot) = StaffFixture.kiosk(wall: wall, lockFile: lockFile)
        restartedPilot.press(StaffFixture.sequence[0], StaffFixture.sequence[1], StaffFixture.sequence[2], StaffFixture.sequence[3], StaffFixture.sequence[4])
        restartedPilot.type(StaffFixture.pin)
        restarted.drain()
        #expect(restarted.state.staff?.screen == .pin(PinEntry(verdict: .locked(secondsLeft: 210))))
        #expect(restartedPilot.screenText.contains("3"), "3 min 30 s left")

        // The countdown moves on the screen as the wall clock does.
        wall.advance(1)
        restarted.tick()
        #expect(restarted.state.staff?.screen == .pin(PinEntry(verdict: .locked(secondsLeft: 209))))

        // After the five minutes the right PIN works again.
        wall.advance(210)
        #expect(restarted.staffDesk.access.check(StaffFixture.pin) == .accepted)
        #expect(StaffLockFile(url: lockFile).load(now: wall.now) == StaffLockRecord())
    }

    @Test("a damaged lock file locks entry (fail safe) and logs a line")
    func corruptLockFile() throws {
        let folder = try ScratchFolder()
        let lockFile = folder.file("staff-lock")
        try Data("failures = many\n".utf8).write(to: lockFile)
        let wall = WallClock()
        let log = LogLines()
        let access = StaffFixture.access(lockFile: lockFile, wall: wall, log: log)
        #expect(access.lockSecondsLeft() == 300)
        #expect(log.all.count == 1 && log.all[0].contains("damaged"))
        // The lock is written back, so it runs out rather than lasting forever.
        #expect(StaffLockFile(url: lockFile).load(now: wall.now).lockedUntil == wall.now.addingTimeInterval(300))
    }

    @Test("a lock far in the future (clock set back) lasts at most 5 minutes")
    func lockIsBounded() {
        let now = Date(timeIntervalSince1970: 2_000_000_000)
        var record = StaffLockRecord(failures: 0, lockedUntil: now.addingTimeInterval(86_400))
        #expect(record.remaining(at: now) == 300)
        record.settle(at: now)
        #expect(record.lockedUntil == now.addingTimeInterval(300))
    }

    @Test("an idle staff session returns to the attract screen after [staff] idle_seconds")
    func staffTimeout() throws {
        let folder = try ScratchFolder()
        let clock = ManualClock()
        let wall = WallClock()
        let access = StaffFixture.access(lockFile: folder.file("staff-lock"), wall: wall, idle: .seconds(60))
        let (app, pilot) = StaffFixture.kiosk(clock: clock, lockFile: folder.file("staff-lock"), access: access)
        StaffFixture.signIn(app, pilot)
        #expect(app.state.staff?.screen == .menu)
        clock.advance(.seconds(59))
        app.tick()
        #expect(app.state.staff != nil)
        pilot.press(.down)
        app.drain()
        clock.advance(.seconds(59))
        app.tick()
        #expect(app.state.staff != nil, "a key restarts the staff idle clock")
        clock.advance(.seconds(1))
        app.tick()
        #expect(app.state.staff == nil)
        #expect(app.state.step == .attract)
        #expect(pilot.screenText.contains(Fixture.resources.locales.catalog(.ko).text("attract.title")))
    }
}

@Suite("Staff PIN hashing with libsodium")
struct StaffPinTests {
    @Test("a hash is Argon2id in crypto_pwhash_str form, salted, and verifies only its PIN")
    func hashAndVerify() throws {
        let hash = StaffFixture.hash
        #expect(hash.rawValue.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(StaffPinHash.isWellFormed(hash.rawValue))
        #expect(StaffPin.verify(StaffFixture.pin, against: hash))
        #expect(!StaffPin.verify("2469", against: hash))
        #expect(!StaffPin.verify("", against: hash))
        let again = try StaffPin.hash(StaffPin(StaffFixture.pin)!)
        #expect(again != hash, "a fresh salt each time")
        #expect(StaffPin.verify(StaffFixture.pin, against: again))
    }

    @Test("a PIN is 4 to 12 digits")
    func pinShape() {
        #expect(StaffPin("1234") != nil)
        #expect(StaffPin("123456789012") != nil)
        #expect(StaffPin.problem(with: "") == .empty)
        #expect(StaffPin.problem(with: "123") == .tooShort)
        #expect(StaffPin.problem(with: "1234567890123") == .tooLong)
        #expect(StaffPin.problem(with: "12a4") == .notDigits)
        #expect(StaffPin.problem(with: "１２３４") == .notDigits, "full-width digits are not keypad digits")
    }

    @Test("the PIN dot is narrow and not East Asian Ambiguous")
    func dotIsSafe() {
        #expect(UIChrome.isSafe(String(PinEntry.dot)))
    }
}
