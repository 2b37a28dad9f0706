import Foundation
import KioskApp
import Settings
import Synchronization
import Terminal
import TerminalTesting

/// Staff mode on the repository's resources, with a known PIN and clocks the test moves.
enum StaffFixture {
    static let pin = "2468"
    /// Hashed once per test run: each hash is a real Argon2id computation.
    static let hash: StaffPinHash = try! StaffPin.hash(StaffPin(pin)!)

    /// The staff key sequence.
    static let sequence: [Key] = StaffKeySequence.keys

    static func access(lockFile: URL, wall: WallClock, idle: Duration = .seconds(120), log: LogLines = LogLines()) -> StaffAccess {
        StaffAccess(pinHash: hash, idleTimeout: idle, lockFile: StaffLockFile(url: lockFile, log: log.append),
                    wallClock: { wall.now })
    }

    static func kiosk(size: Size = Size(width: 80, height: 24), language: Language = .ko, clock: ManualClock = ManualClock(),
                      wall: WallClock = WallClock(), lockFile: URL, recorder: any SessionRecorder = MemorySessionRecorder(),
                      access: StaffAccess? = nil) -> (KioskApp, Pilot) {
        let resources = language == .ko ? Fixture.resources : english
        let pilot = Pilot(size: size, palette: Palette(theme: resources.theme))
        let app = KioskApp(terminal: pilot.terminal, resources: resources, rules: Fixture.rules, recorder: recorder,
                           clock: { clock.now }, staff: access ?? self.access(lockFile: lockFile, wall: wall))
        app.start()
        return (app, pilot)
    }

    /// The repository's resources on a kiosk whose sessions start in English.
    static let english: KioskResources = {
        let config = try! KioskConfig.parse(text: "[kiosk]\nlanguage = \"en\"\n", baseDirectory: Fixture.repositoryRoot)
        return try! KioskResources.load(config: config)
    }()

    /// From the attract screen to the staff menu.
    static func signIn(_ app: KioskApp, _ pilot: Pilot, pin: String = pin) {
        pilot.press(sequence[0], sequence[1], sequence[2], sequence[3], sequence[4])
        pilot.type(pin)
        pilot.press(.enter)
        app.drain()
    }
}

/// Wall-clock time that passes only when a test says so; starts 2026-06-15 10:00 in Seoul.
final class WallClock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_781_485_200)

    func advance(_ seconds: TimeInterval) {
        now = now.addingTimeInterval(seconds)
    }
}

/// Collects the lines the lock file would send to syslog.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    var append: @Sendable (String) -> Void { { [self] line in self.lines.withLock { $0.append(line) } } }
}

/// A fresh folder, removed when the value goes.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("staff-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
