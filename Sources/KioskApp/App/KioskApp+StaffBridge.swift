// MARK: - Where demo mode and the policy browser meet staff mode (branch `staff`).

extension KioskApp {
    /// The pause between two demo steps.
    var demoStepInterval: Duration { .milliseconds(1500) }
    /// Staff inactivity after which demo mode returns to the citizen screens.
    var demoTimeout: Duration { resources.config.kiosk.idleTimeout }

    /// Back to the staff menu from a staff tool; the citizen's attract screen until staff mode
    /// is merged.
    func returnToStaffMenu() {}

    /// Staff timed out: back to the citizen screens.
    func leaveStaffMode() {}
}

extension KioskApp {
    /// A staff tool (demo persona list, policy browser) is on screen instead of the citizen's.
    var showsStaffTool: Bool { state.demo != nil || state.policy != nil }
}
