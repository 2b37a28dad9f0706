// MARK: - Where demo mode and the policy browser meet staff mode.
//
// Both are opened from the staff menu (`KioskApp.open(_:)`). While one is open `state.staff` is
// nil, so the citizen's event loop runs: demo mode plays the real journey, and the browser's
// pages use the same layout, keys and touch as every citizen page. Leaving either returns to
// the staff menu, already signed in; their own inactivity timeout is staff mode's.

extension KioskApp {
    /// The pause between two demo steps (`[staff] demo_step_seconds`).
    var demoStepInterval: Duration { resources.config.staff.demoStep }
    /// Staff inactivity after which demo mode or the browser returns to the citizen screens.
    var demoTimeout: Duration { staffDesk.access.idleTimeout }

    /// A staff tool (demo persona list, policy browser) is on screen instead of the citizen's.
    var showsStaffTool: Bool { state.demo != nil || state.policy != nil }

    /// Back to the staff menu from a staff tool.
    func returnToStaffMenu() {
        state.staff = StaffState(screen: .menu, lastActivity: now())
    }

    /// Staff timed out in a tool: the citizen's attract screen, staff mode closed.
    func leaveStaffMode() {
        state.staff = nil
    }
}
