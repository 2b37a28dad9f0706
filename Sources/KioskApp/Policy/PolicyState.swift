import Rules

/// The policy browser: every programme and parameter of the configured packs on a chosen day,
/// searched by 초성 on an on-screen consonant pad, and "what if" one parameter had another value.
///
/// Held in `KioskState.policy`. A what-if lives only here: leaving the screen drops it, and
/// nothing is ever written to a pack.
public struct PolicyState: Sendable {
    public enum Screen: Sendable, Equatable {
        /// Programmes and parameters, filtered by the query.
        case list
        /// The consonant pad that types the query.
        case search
        /// The day, typed as YYYYMMDD digits.
        case date(error: String?)
        /// One parameter: every dated value, its source and confidence.
        case parameter(String)
        /// A new value for the parameter, typed in digits, and the personas it moves.
        case whatIf(String, error: String?)
    }

    public var screen: Screen = .list
    /// The day values are shown for (default: the kiosk's day).
    public var day: Day
    /// Consonants and syllables typed on the pad.
    public var query = ""
    /// The personas a what-if is tried on (the demo's), or why they could not be read.
    public let personas: [Persona]
    public let personasError: String?
    /// The latest what-if, for this screen only.
    public var comparison: WhatIfComparison?
    /// Where the list was, to come back to it.
    var listFocus = 0
    var listScroll = 0
    /// When staff last touched the screen: the browser times out like staff mode.
    var lastInput: Duration

    init(day: Day, personas: Result<[Persona], PackLoadError>, now: Duration) {
        self.day = day
        switch personas {
        case .success(let list):
            self.personas = list
            personasError = nil
        case .failure(let error):
            self.personas = []
            personasError = error.description
        }
        lastInput = now
    }
}

/// What the policy browser's buttons do.
enum PolicyAction: Hashable {
    case openSearch
    case typeInitial(Character)
    case eraseInitial
    case clearQuery
    case closeSearch
    case openDate
    case confirmDate
    case openParameter(String)
    case openWhatIf(String)
    case confirmWhatIf
    /// Up one screen (what-if to parameter to list), as `.` does.
    case back
    case leave
}
