import Foundation
import KioskApp
import Settings
import Terminal
import TerminalTesting
import Testing

@Suite("Staff menu by keypad and by touch")
struct StaffMenuTests {
    static let english = Fixture.resources.locales.catalog(.en)
    static let korean = Fixture.resources.locales.catalog(.ko)

    @Test("every item opens by its digit; '.' goes back to the menu, and from the menu leaves staff mode")
    func keypad() throws {
        let folder = try ScratchFolder()
        let (app, pilot) = StaffFixture.kiosk(lockFile: folder.file("staff-lock"))
        StaffFixture.signIn(app, pilot)
        #expect(app.state.staff?.screen == .menu)
        // The items this branch owns; tools added to the menu later have tests of their own.
        for item in [StaffMenuItem.statistics, .health, .exitToMaintenance] {
            let index = try #require(StaffMenuItem.all.firstIndex(of: item))
            pilot.press(.character(Character(String(index + 1))))
            app.drain()
            if item == .demo || item == .policy {
                // Demo mode and the policy browser take the screen from the menu; '.' returns.
                #expect(app.state.staff == nil)
                #expect(item == .demo ? app.state.demo != nil : app.state.policy != nil)
                pilot.press(.character("."))
                app.drain()
                #expect(app.state.staff?.screen == .menu)
                #expect(app.state.demo == nil && app.state.policy == nil)
                continue
            }
            let opened = try #require(app.state.staff?.screen)
            switch item {
            case .statistics: if case .statistics = opened {} else { Issue.record("digit \(index + 1) opened \(opened)") }
            case .health: if case .health = opened {} else { Issue.record("digit \(index + 1) opened \(opened)") }
            case .exitToMaintenance: #expect(opened == .confirmExit)
            case .language, .demo, .policy: break
            }
            pilot.press(.character("."))
            app.drain()
            #expect(app.state.staff?.screen == .menu)
        }
        app.staffDesk.waitForJobs()
        pilot.press(.character("."))
        app.drain()
        #expect(app.state.staff == nil)
        #expect(app.state.step == .attract)
    }

    @Test("arrows and Enter reach every item")
    func arrows() throws {
        let folder = try ScratchFolder()
        let (app, pilot) = StaffFixture.kiosk(lockFile: folder.file("staff-lock"))
        StaffFixture.signIn(app, pilot)
        for _ in 0..<StaffMenuItem.all.firstIndex(of: .health)! { pilot.press(.right) }
        pilot.press(.enter)
        app.drain()
        guard case .health = app.state.staff?.screen else {
            Issue.record("Right to the health item, then Enter, should open it, got \(String(describing: app.state.staff?.screen))")
            return
        }
        app.staffDesk.waitForJobs()
    }

    @Test("the language item switches the staff screens' language")
    func language() throws {
        let folder = try ScratchFolder()
        let (app, pilot) = StaffFixture.kiosk(lockFile: folder.file("staff-lock"))
        StaffFixture.signIn(app, pilot)
        #expect(pilot.screenText.contains(Self.korean.text("staff.menu_title")))
        let digit = StaffMenuItem.all.firstIndex(of: .language)! + 1
        pilot.type(String(digit))
        app.drain()
        #expect(pilot.screenText.contains(Self.english.text("staff.menu_title")))
    }

    @Test("by touch: tap an item, then Cancel, then Exit for maintenance and confirm")
    func touch() throws {
        let folder = try ScratchFolder()
        let (app, pilot) = StaffFixture.kiosk(lockFile: folder.file("staff-lock"))
        StaffFixture.signIn(app, pilot)
        #expect(pilot.tap(on: Self.korean.text("staff.item_exit")))
        app.drain()
        #expect(app.state.staff?.screen == .confirmExit)
        #expect(pilot.tap(on: Self.korean.text("staff.cancel")))
        app.drain()
        #expect(app.state.staff?.screen == .menu)
        #expect(app.staffDesk.exitRequest == nil)
        #expect(pilot.tap(on: Self.korean.text("staff.item_exit")))
        app.drain()
        // The safe choice has the focus: Enter pressed by habit keeps the kiosk running.
        pilot.press(.enter)
        app.drain()
        #expect(app.state.staff?.screen == .menu)
        #expect(app.staffDesk.exitRequest == nil)
        #expect(pilot.tap(on: Self.korean.text("staff.item_exit")))
        app.drain()
        #expect(pilot.tap(on: Self.korean.text("staff.exit_confirm")))
        app.drain()
        #expect(app.staffDesk.exitRequest == .maintenance)
        #expect(KioskExit.maintenance.rawValue == 3)
    }

    @Test("the PIN is typed by touch too: the on-screen digits, then Sign in")
    func pinByKeysThenTouch() throws {
        let folder = try ScratchFolder()
        let (app, pilot) = StaffFixture.kiosk(lockFile: folder.file("staff-lock"))
        pilot.press(StaffFixture.sequence[0], StaffFixture.sequence[1], StaffFixture.sequence[2], StaffFixture.sequence[3], StaffFixture.sequence[4])
        app.drain()
        for digit in StaffFixture.pin {
            let frame = try #require(padKey(digit, pilot), "digit \(digit) on the PIN pad")
            pilot.tap(x: frame.x, y: frame.y)
            app.drain()
        }
        #expect(app.state.staff?.screen == .pin(PinEntry(typed: StaffFixture.pin)))
        #expect(pilot.tap(on: Self.korean.text("staff.pin_confirm")))
        app.drain()
        #expect(app.state.staff?.screen == .menu)
    }
}

/// Where the on-screen PIN pad shows `digit`: a cell whose text is the digit alone between blanks.
private func padKey(_ digit: Character, _ pilot: Pilot) -> (x: Int, y: Int)? {
    let lines = pilot.screenText.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    for (y, line) in lines.enumerated() {
        for x in line.indices where line[x] == digit
            && (x == 0 || line[x - 1] == " ") && (x + 1 == line.count || line[x + 1] == " ") {
            return (x, y)
        }
    }
    return nil
}
