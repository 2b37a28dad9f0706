import Foundation
import KioskApp
import Settings
import Terminal
import TerminalTesting
import Testing

/// The staff screens at 80x24 and 40x12, in Korean and English (a kiosk whose sessions start in
/// English). Statistics snapshots are in StatisticsScreenTests, from a seeded log.
@Suite("Staff snapshots")
struct StaffSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12)]

    enum Screen: String, CaseIterable {
        case pin = "staff-pin", wrong = "staff-pin-wrong", locked = "staff-pin-locked", menu = "staff-menu", exit = "staff-exit"
    }

    @Test("every staff screen in both layouts and languages", arguments: Screen.allCases, sizes)
    func snapshot(screen: Screen, size: Size) throws {
        for language in [Language.ko, .en] {
            let folder = try ScratchFolder()
            let (app, pilot) = StaffFixture.kiosk(size: size, language: language, lockFile: folder.file("staff-lock"))
            let sequence = StaffFixture.sequence
            switch screen {
            case .menu:
                StaffFixture.signIn(app, pilot)
            case .exit:
                StaffFixture.signIn(app, pilot)
                pilot.type(String(StaffMenuItem.all.firstIndex(of: .exitToMaintenance)! + 1))
            case .pin, .wrong, .locked:
                pilot.press(sequence[0], sequence[1], sequence[2], sequence[3], sequence[4])
                let attempts = screen == .pin ? 0 : screen == .wrong ? 1 : 5
                for _ in 0..<attempts {
                    pilot.type("1357")
                    pilot.press(.enter)
                }
                if screen != .locked { pilot.type("246") }
            }
            app.drain()
            #expect(Snapshot.verify(pilot.screen, named: "\(screen.rawValue)-\(language.rawValue)-\(size)") == nil)
        }
    }
}
