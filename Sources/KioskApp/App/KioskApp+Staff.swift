import Foundation
import SessionLog
import Settings
import Terminal

/// What staff mode keeps beside the kiosk's state: who may enter, the background jobs, and a
/// pending exit to maintenance.
public final class StaffDesk {
    public let access: StaffAccess
    let jobs = StaffJobs()
    /// Numbers requests, so a late answer for a screen already left is dropped.
    var requests = 0
    /// Set by "exit to maintenance"; the run loop flushes the log, restores the terminal and exits.
    public internal(set) var exitRequest: KioskExit?
    /// The lock countdown last drawn, so a tick redraws the PIN screen once a second only.
    var shownLockSeconds: Int?

    public init(access: StaffAccess) {
        self.access = access
    }

    /// For tests and benchmarks: waits for every background job started so far to deliver.
    @discardableResult
    public func waitForJobs(timeout: Duration = .seconds(10)) -> Bool {
        jobs.waitUntilIdle(timeout: timeout)
    }
}

/// How the kiosk process ends, other than by SIGTERM or SIGHUP (exit 0).
public enum KioskExit: Int32, Sendable {
    /// Staff chose "exit to maintenance": deploy/welfare-kiosk.service has
    /// `RestartPreventExitStatus=3`, so systemd leaves the kiosk stopped.
    case maintenance = 3
}

// MARK: - Entering

extension KioskApp {
    /// On the attract screen, holds back the keys of the staff sequence and opens the PIN screen
    /// when it is complete. `true` when the key was taken.
    func takeStaffSequenceKey(_ key: Key) -> Bool {
        guard staffDesk.access.isEnabled, state.step == .attract, !state.showsHelp else { return false }
        switch state.staffKeys.feed(key, at: now()) {
        case .none:
            return false
        case .partial:
            return true
        case .complete:
            var entry = PinEntry()
            if let seconds = staffDesk.access.lockSecondsLeft() { entry.verdict = .locked(secondsLeft: seconds) }
            state.staff = StaffState(screen: .pin(entry), lastActivity: now())
            staffDesk.shownLockSeconds = nil
            return true
        }
    }

    // MARK: - Input

    /// Every event while staff mode is open.
    func handleStaff(_ event: InputEvent) -> PresentStats {
        switch event {
        case .resize:
            break
        case .key(let key):
            state.staff?.lastActivity = now()
            if !isTooSmall { handleStaffKey(key) }
        case .mouse(let x, let y):
            state.staff?.lastActivity = now()
            if !isTooSmall, let staff = state.staff {
                let page = currentStaffPage
                let layout = PageLayout(page, size: terminal.size, scroll: staff.scroll)
                if let index = layout.choice(atX: x, y: y) {
                    performStaff(page.choices[index].action)
                } else if y == layout.viewport.lowerBound - 1, layout.canScrollUp {
                    scrollStaff(by: -max(1, layout.viewport.count - 1))
                } else if y == layout.viewport.upperBound, layout.canScrollDown {
                    scrollStaff(by: max(1, layout.viewport.count - 1))
                }
            }
        }
        return terminal.present(render())
    }

    private func handleStaffKey(_ key: Key) {
        guard let staff = state.staff else { return }
        let page = currentStaffPage
        let layout = PageLayout(page, size: terminal.size, scroll: staff.scroll)
        switch key {
        case .enter, .keypad(.center), .character(" "):
            if !layout.isVisible(choice: staff.focus), layout.canScrollDown {
                scrollStaff(by: max(1, layout.viewport.count - 1))
            } else if page.choices.indices.contains(staff.focus) {
                performStaff(page.choices[staff.focus].action)
            }
        case .escape, .character("."):
            performStaff(.staff(staff.isAuthenticated && staff.screen != .menu ? .menu : .leave))
        case .backspace, .delete:
            performStaff(.staff(page.typesDigits ? .erasePin : .menu))
        case .character("+"), .pageDown:
            scrollStaff(by: max(1, layout.viewport.count - 1))
        case .character("-"), .pageUp:
            scrollStaff(by: -max(1, layout.viewport.count - 1))
        case .character(let character) where character.isASCII && character.isNumber:
            if page.typesDigits {
                performStaff(.staff(.typePin(character)))
            } else if let digit = character.wholeNumberValue, digit >= 1, digit <= min(9, page.choices.count) {
                performStaff(page.choices[digit - 1].action)
            }
        default:
            if let focus = layout.focus(from: staff.focus, moving: key) {
                state.staff?.focus = focus
                state.staff?.scroll = PageLayout(page, size: terminal.size, scroll: staff.scroll, revealing: focus).scroll
            }
        }
    }

    private func scrollStaff(by rows: Int) {
        guard let staff = state.staff else { return }
        let moved = PageLayout(currentStaffPage, size: terminal.size, scroll: staff.scroll + rows)
        state.staff?.scroll = moved.scroll
        if !moved.isVisible(choice: staff.focus), let visible = moved.firstVisibleChoice() {
            state.staff?.focus = visible
        }
    }

    // MARK: - Actions

    func performStaff(_ action: Action) {
        guard case .staff(let staffAction) = action, let staff = state.staff else { return }
        switch staffAction {
        case .typePin(let digit):
            guard case .pin(var entry) = staff.screen, entry.verdict.map({ if case .locked = $0 { false } else { true } }) ?? true else { return }
            if entry.typed.count < StaffPin.lengths.upperBound { entry.typed.append(digit) }
            show(.pin(entry), keepFocus: true)
        case .erasePin:
            guard case .pin(var entry) = staff.screen else { return }
            if !entry.typed.isEmpty { entry.typed.removeLast() }
            show(.pin(entry), keepFocus: true)
        case .confirmPin:
            guard case .pin(var entry) = staff.screen, !entry.typed.isEmpty else { return }
            let typed = entry.typed
            entry.typed = ""
            switch staffDesk.access.check(typed) {
            case .accepted:
                show(.menu)
            case .rejected(let tries):
                entry.verdict = .wrong(triesLeft: tries)
                show(.pin(entry), keepFocus: true)
            case .locked(let seconds):
                entry.verdict = .locked(secondsLeft: seconds)
                show(.pin(entry))
            }
        case .open(let item) where staff.isAuthenticated:
            open(item)
        case .menu where staff.isAuthenticated:
            show(.menu)
        case .leave:
            wipe()
        case .exitConfirmed where staff.isAuthenticated:
            staffDesk.exitRequest = .maintenance
        case .previousMonth, .nextMonth:
            guard case .statistics(let screen) = staff.screen else { return }
            let month = staffAction == .previousMonth ? screen.month.previous : screen.month.next
            openStatistics(month: min(month, screen.latest))
        case .refreshHealth:
            openHealth()
        default:
            return
        }
    }

    /// Opens a staff menu item: the one place that says what each item does.
    func open(_ item: StaffMenuItem) {
        switch item {
        case .demo: openDemo()
        case .policy: openPolicyBrowser()
        case .statistics: openStatistics(month: nil)
        case .health: openHealth()
        case .language:
            let languages = Language.allCases
            state.session.language = languages[(languages.firstIndex(of: state.language)! + 1) % languages.count]
        case .exitToMaintenance: show(.confirmExit)
        }
    }

    private func show(_ screen: StaffScreen, keepFocus: Bool = false) {
        state.staff?.screen = screen
        if !keepFocus {
            state.staff?.focus = 0
            state.staff?.scroll = 0
        }
    }

    private var logWriter: SessionLogWriter? {
        (recorder as? LogSessionRecorder)?.writer
    }

    private func openStatistics(month: LogMonth?) {
        let log = resources.config.log
        let latest = LogMonth(containing: staffDesk.access.today, timeZone: log.timeZone)
        staffDesk.requests += 1
        let request = staffDesk.requests
        let shown = month ?? latest
        // Moving between months keeps the focus on the button pressed.
        show(.statistics(StatisticsScreen(month: shown, latest: latest, request: request)), keepFocus: month != nil)
        let writer = logWriter
        let k = log.kAnonymity
        staffDesk.jobs.start("statistics") {
            guard let writer else { return .statistics(request: request, .failed("no session log")) }
            guard let database = writer.database else {
                return .statistics(request: request, .failed(writer.health.lastError ?? "the session log is still opening"))
            }
            do {
                return .statistics(request: request, .loaded(try database.statistics(for: shown, k: k)))
            } catch {
                return .statistics(request: request, .failed("\(error)"))
            }
        }
    }

    private func openHealth() {
        staffDesk.requests += 1
        let request = staffDesk.requests
        show(.health(HealthScreen(request: request)), keepFocus: true)
        let writer = logWriter
        let path = resources.config.paths.database.path
        let endpoint = resources.config.llm.endpoint
        staffDesk.jobs.start("storage") { .storage(request: request, HealthProbe.storage(databasePath: path, writer: writer)) }
        staffDesk.jobs.start("llm") { .llm(request: request, HealthProbe.llm(endpoint: endpoint)) }
    }

    // MARK: - Time

    /// A tick in staff mode: takes what background jobs delivered, times out an idle staff
    /// session to the attract screen, counts the PIN lock down. Presents only on a change.
    func tickStaff() -> PresentStats? {
        guard var staff = state.staff else { return nil }
        if now() - staff.lastActivity >= staffDesk.access.idleTimeout {
            wipe()
            return terminal.present(render())
        }
        var changed = false
        for result in staffDesk.jobs.take() {
            switch (result, staff.screen) {
            case (.statistics(let request, let figures), .statistics(var screen)) where screen.request == request:
                screen.figures = figures
                staff.screen = .statistics(screen)
                changed = true
            case (.storage(let request, let storage), .health(var screen)) where screen.request == request:
                screen.storage = .loaded(storage)
                staff.screen = .health(screen)
                changed = true
            case (.llm(let request, let llm), .health(var screen)) where screen.request == request:
                screen.llm = .loaded(llm)
                staff.screen = .health(screen)
                changed = true
            default:
                continue
            }
        }
        if case .pin(var entry) = staff.screen, case .locked = entry.verdict {
            let left = staffDesk.access.lockSecondsLeft()
            if left != staffDesk.shownLockSeconds {
                staffDesk.shownLockSeconds = left
                entry.verdict = left.map { .locked(secondsLeft: $0) }
                staff.screen = .pin(entry)
                changed = true
            }
        }
        state.staff = staff
        return changed ? terminal.present(render()) : nil
    }

    /// Ends the process if staff asked for maintenance: the log is flushed first, then the
    /// terminal restored. Called by the run loop after each event and tick.
    func exitIfRequested() {
        guard let exit = staffDesk.exitRequest else { return }
        shutdown()
        markMaintenanceExit()
        terminal.shutdown()
        Foundation.exit(exit.rawValue)
    }

    /// Where a maintenance exit is also recorded, beside the staff lock (`var/maintenance-exit`).
    ///
    /// Why a file as well as the exit status: on the kiosk the process runs inside cage and foot,
    /// and cage does not pass its client's exit status on, so systemd would see cage's 0 and
    /// restart. deploy/welfare-kiosk.service turns this file into exit status 3 after cage ends.
    public var maintenanceMarker: URL {
        resources.config.paths.staffLock.deletingLastPathComponent().appendingPathComponent("maintenance-exit")
    }

    private func markMaintenanceExit() {
        do {
            try AtomicFile.write(Data("staff chose exit to maintenance\n".utf8), to: maintenanceMarker, permissions: 0o644)
        } catch {
            SystemLog.warning("welfare-kiosk: cannot record the maintenance exit: \(error)")
        }
    }

    // MARK: - Drawing

    var currentStaffPage: Page {
        guard let staff = state.staff else { return currentPage }
        let context = context
        switch staff.screen {
        case .pin(let entry): return StaffPages.pin(context, entry: entry)
        case .menu:
            let seconds = staffDesk.access.idleTimeout.components.seconds
            return StaffPages.menu(context, idleMinutes: Int((seconds + 59) / 60))
        case .confirmExit: return StaffPages.confirmExit(context)
        case .health(let screen): return StaffPages.health(context, screen: screen, timeZone: resources.config.log.timeZone)
        case .statistics(let screen): return StaffPages.statistics(context, screen: screen, rules: state.session.rules)
        }
    }

    func drawStaff(in buffer: inout Buffer) {
        guard let staff = state.staff else { return }
        let catalog = resources.locales.catalog(state.language)
        let layout = PageLayout(currentStaffPage, size: terminal.size, scroll: staff.scroll)
        layout.draw(in: &buffer, focus: staff.focus, moreUp: catalog.text("nav.more_up"), moreDown: catalog.text("nav.more_down"))
    }
}

extension LogMonth {
    var previous: LogMonth { month == 1 ? LogMonth(year: year - 1, month: 12)! : LogMonth(year: year, month: month - 1)! }
    var next: LogMonth { month == 12 ? LogMonth(year: year + 1, month: 1)! : LogMonth(year: year, month: month + 1)! }
}
