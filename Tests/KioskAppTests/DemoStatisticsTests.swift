import Foundation
@testable import KioskApp
import SessionLog
import Settings
import Terminal
import TerminalTesting
import Testing

/// Demo sessions reach the real log through the staff menu, and the staff statistics screen
/// counts none of them.
@Suite("Demo sessions on the statistics screen")
struct DemoStatisticsTests {
    @Test func theStatisticsScreenCountsNoDemo() throws {
        let folder = try ScratchFolder()
        let log = try SeededLog(folder: folder, sessions: 30)
        defer { log.close() }
        // The seeded sessions are in June; the demos are played now, in this month.
        log.wall.now = Date()
        let (app, pilot) = StaffFixture.kiosk(wall: log.wall, lockFile: folder.file("staff-lock"), recorder: log.recorder)
        StaffFixture.signIn(app, pilot)
        pilot.type(String(StaffMenuItem.all.firstIndex(of: .demo)! + 1))
        app.drain()
        #expect(app.state.demo != nil)
        for index in DemoModeTests.personas.indices { app.playWholePersona(index) }
        pilot.press(.character("0"))
        app.drain()
        #expect(app.state.staff?.screen == .menu, "0 returns to the staff menu, still signed in")

        let played = DemoModeTests.personas.count
        let deadline = ContinuousClock.now + .seconds(20)
        // Each persona leaves two sessions (its journey, then the goodbye screen's); the seeded
        // June sessions were committed directly, and retention rolls them up (they are old now).
        while log.writer.health.committed < 2 * played, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        let rows = try log.database.sessionCount()
        #expect(rows >= 2 * played, "the demo sessions are in the log")

        pilot.type(String(StaffMenuItem.all.firstIndex(of: .statistics)! + 1))
        app.drain()
        app.staffDesk.waitForJobs()
        app.tick()
        guard case .statistics(let screen)? = app.state.staff?.screen, let shown = screen.figures.value else {
            Issue.record("no figures on screen: \(String(describing: app.state.staff?.screen))")
            return
        }
        let now = CivilTime(log.wall.now, timeZone: Fixture.resources.config.log.timeZone)
        let month = try #require(LogMonth(year: now.year, month: now.month))
        #expect(screen.month == month)
        #expect(try log.database.monthlyCounts(month).sessions == 0, "this month holds only demos")
        #expect(shown == (try log.database.statistics(for: month, k: Fixture.resources.config.log.kAnonymity)))
    }
}
