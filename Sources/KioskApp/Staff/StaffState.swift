import SessionLog
import Terminal
import TextLayout

/// Staff mode: while `KioskState.staff` is non-nil these screens are shown instead of the
/// citizen's, and input goes to them. Leaving (or timing out) wipes back to the attract screen.
public struct StaffState: Sendable, Equatable {
    public var screen: StaffScreen
    /// Focused choice and scroll of the staff page, apart from the citizen's.
    public var focus = 0
    public var scroll = 0
    /// Monotonic time of the last key or touch, for `[staff] idle_seconds`.
    public var lastActivity: Duration

    public init(screen: StaffScreen, lastActivity: Duration) {
        self.screen = screen
        self.lastActivity = lastActivity
    }

    /// Past the PIN: the menu and everything under it.
    public var isAuthenticated: Bool {
        if case .pin = screen { false } else { true }
    }
}

/// The staff screens.
public enum StaffScreen: Sendable, Equatable {
    case pin(PinEntry)
    case menu
    case statistics(StatisticsScreen)
    case health(HealthScreen)
    case confirmExit
}

/// What the PIN screen shows: the digits typed so far (drawn as dots) and the last verdict.
public struct PinEntry: Sendable, Equatable {
    public var typed = ""
    public var verdict: Verdict?

    public enum Verdict: Sendable, Equatable {
        case wrong(triesLeft: Int)
        case locked(secondsLeft: Int)
    }

    public init(typed: String = "", verdict: Verdict? = nil) {
        self.typed = typed
        self.verdict = verdict
    }

    /// Typed digits are drawn as this: narrow and not East Asian Ambiguous (U+2022 "•" and
    /// U+25CF "●" both are).
    public static let dot = UIChrome.bullet
}

/// The staff menu's entries, in the order shown (digits 1, 2, 3… follow this order).
///
/// The extension point for further staff tools (demo mode, the policy browser): add a case,
/// place it in `all`, word it in `StaffPages.label(of:_:)`, and say what opening it does in
/// `KioskApp.open(_:)` (KioskApp+Staff.swift). A tool with screens of its own adds a
/// `StaffScreen` case, its page in `KioskApp.currentStaffPage`, and its buttons as
/// `StaffAction` cases handled in `KioskApp.performStaff(_:)`; `.` and Esc already lead back
/// to the menu from any staff screen.
public enum StaffMenuItem: String, Sendable, CaseIterable {
    /// Personas auto-play a citizen session (KioskApp+Demo.swift).
    case demo
    /// Programmes and parameters by date, 초성 search, what-if (KioskApp+Policy.swift).
    case policy
    case statistics
    case health
    /// Cycles the staff screens' language (ko, en, zh, vi).
    case language
    case exitToMaintenance

    /// Menu order.
    public static let all: [StaffMenuItem] = [.demo, .policy, .statistics, .health, .language, .exitToMaintenance]
}

/// What a staff page's button does.
enum StaffAction: Hashable {
    case open(StaffMenuItem)
    case confirmPin
    case erasePin
    case typePin(Character)
    /// Back to the staff menu from a tool.
    case menu
    /// Leave staff mode for the attract screen.
    case leave
    case exitConfirmed
    case previousMonth
    case nextMonth
    case refreshHealth
}

/// The staff key sequence on the attract screen: `/ - / - /` within five seconds.
///
/// Why this one: `/` has no job in the journey and `-` only scrolls, so on the attract screen
/// neither does anything a citizen would miss; an alternating run of five is not what a
/// curious hand or a leaning elbow produces, and both keys are on every numeric keypad (the
/// kiosk may have no F-keys). Accessibility mode uses `*` and F3, which this avoids. Until the
/// run breaks, the keys are held back; a key that breaks it starts the journey as usual.
public struct StaffKeySequence: Sendable, Equatable {
    public static let keys: [Key] = [.character("/"), .character("-"), .character("/"), .character("-"), .character("/")]
    public static let window: Duration = .seconds(5)

    /// Keys of the sequence matched so far, and when the first was pressed.
    private(set) var matched = 0
    private(set) var startedAt: Duration = .zero

    public enum Step: Equatable, Sendable {
        /// Part of the sequence: hold the key back.
        case partial
        case complete
        /// Not the sequence: treat the key as usual.
        case none
    }

    public init() {}

    public mutating func feed(_ key: Key, at now: Duration) -> Step {
        if matched > 0, now - startedAt > Self.window { matched = 0 }
        if key == Self.keys[matched] {
            if matched == 0 { startedAt = now }
            matched += 1
            if matched == Self.keys.count {
                matched = 0
                return .complete
            }
            return .partial
        }
        matched = 0
        // A broken run may be the start of a new one.
        if key == Self.keys[0] {
            startedAt = now
            matched = 1
            return .partial
        }
        return .none
    }
}
