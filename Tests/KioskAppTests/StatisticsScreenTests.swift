import Foundation
import KioskApp
import SessionLog
import Settings
import Terminal
import TerminalTesting
import Testing

/// The staff statistics screen over a real SQLite session log with seeded sessions.
@Suite("Staff statistics screen")
struct StatisticsScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12)]

    @Test("figures for this month as bar charts, suppressed cells shown as withheld", arguments: sizes)
    func snapshot(size: Size) throws {
        for language in [Language.ko, .en] {
            let folder = try ScratchFolder()
            let log = try SeededLog(folder: folder, sessions: 120)
            let (app, pilot) = StaffFixture.kiosk(size: size, language: language, wall: log.wall,
                                                  lockFile: folder.file("staff-lock"), recorder: log.recorder)
            StaffFixture.signIn(app, pilot)
            pilot.type(String(StaffMenuItem.all.firstIndex(of: .statistics)! + 1))
            app.drain()
            let catalog = Fixture.resources.locales.catalog(language)
            #expect(pilot.screenText.contains(catalog.text("staff.stats_loading")), "loading first, never a wait")
            #expect(app.staffDesk.waitForJobs())
            app.tick()
            #expect(!pilot.screenText.contains(catalog.text("staff.stats_loading")))
            #expect(Snapshot.verify(pilot.screen, named: "staff-stats-\(language.rawValue)-\(size)") == nil)
            if size.height >= 24 {
                // Read on: the programmes' bars at the end, one page further down.
                pilot.press(.character("+"), .character("+"), .character("+"))
                app.drain()
                #expect(Snapshot.verify(pilot.screen, named: "staff-stats-more-\(language.rawValue)-\(size)") == nil)
            }
            log.close()
        }
    }

    @Test("the figures drawn are the log's own, with the same suppression as welfare-kiosk stats")
    func figuresMatchTheLog() throws {
        let folder = try ScratchFolder()
        let log = try SeededLog(folder: folder, sessions: 120)
        defer { log.close() }
        let (app, pilot) = StaffFixture.kiosk(wall: log.wall, lockFile: folder.file("staff-lock"), recorder: log.recorder)
        StaffFixture.signIn(app, pilot)
        pilot.type(String(StaffMenuItem.all.firstIndex(of: .statistics)! + 1))
        app.drain()
        app.staffDesk.waitForJobs()
        app.tick()
        guard case .statistics(let screen)? = app.state.staff?.screen, let shown = screen.figures.value else {
            Issue.record("no figures on screen: \(String(describing: app.state.staff?.screen))")
            return
        }
        let expected = try log.database.statistics(for: LogMonth(year: 2026, month: 6)!, k: Fixture.resources.config.log.kAnonymity)
        #expect(shown == expected)
        #expect(shown.sessions == .count(120))
        #expect(shown.tables.contains { $0.cells.contains { $0.cell == .suppressed } }, "the seed has small cells")
        #expect(pilot.screenText.contains("120"))
    }

    @Test("month choice: the previous month is empty; next is offered only up to this month")
    func monthChoice() throws {
        let folder = try ScratchFolder()
        let log = try SeededLog(folder: folder, sessions: 30)
        defer { log.close() }
        let (app, pilot) = StaffFixture.kiosk(size: Size(width: 40, height: 12), wall: log.wall,
                                              lockFile: folder.file("staff-lock"), recorder: log.recorder)
        let catalog = Fixture.resources.locales.catalog(.ko)
        StaffFixture.signIn(app, pilot)
        pilot.type(String(StaffMenuItem.all.firstIndex(of: .statistics)! + 1))
        app.drain()
        #expect(!pilot.screenText.contains(catalog.text("staff.stats_next")))
        pilot.press(.enter)
        app.drain()
        app.staffDesk.waitForJobs()
        app.tick()
        #expect(pilot.screenText.contains("2026-05"))
        #expect(pilot.screenText.contains(catalog.text("staff.stats_empty")))
        #expect(pilot.tap(on: catalog.text("staff.stats_next")))
        app.drain()
        app.staffDesk.waitForJobs()
        app.tick()
        #expect(pilot.screenText.contains("2026-06"))
        #expect(pilot.screenText.contains("30"))
    }

    @Test("a kiosk without a session log says so instead of figures")
    func noLog() throws {
        let folder = try ScratchFolder()
        let (app, pilot) = StaffFixture.kiosk(lockFile: folder.file("staff-lock"))
        StaffFixture.signIn(app, pilot)
        pilot.type(String(StaffMenuItem.all.firstIndex(of: .statistics)! + 1))
        app.drain()
        app.staffDesk.waitForJobs()
        app.tick()
        guard case .statistics(let screen)? = app.state.staff?.screen else { Issue.record("not on statistics"); return }
        #expect(screen.figures == .failed("no session log"))
    }
}
