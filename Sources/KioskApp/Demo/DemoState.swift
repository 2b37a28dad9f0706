import Rules
import Settings

/// Demo mode: the persona list, then one persona's session played on the real journey.
///
/// Held in `KioskState.demo`; while it is set the kiosk's screens belong to staff. The journey
/// state underneath (`KioskState.session`…) is the played citizen's, so it is drawn and changed
/// exactly as a citizen's would be.
public struct DemoState: Sendable {
    /// The personas of the main pack (`demo/personas.yaml`), or why they could not be read.
    public let personas: [Persona]
    public let loadError: String?
    /// The persona being played, by position; nil on the persona list.
    public var playing: Int?
    /// Steps advance by themselves at the configured pace; otherwise a key advances each one.
    public var continuous = false
    /// Whether the played session already opened a programme's detail page.
    var shownDetail = false
    /// When the last step was played, for the pace.
    var lastStep: Duration
    /// When staff last pressed a key or touched the screen: demo mode times out like staff mode.
    var lastStaffInput: Duration
    /// Focus on the persona list, kept while a persona plays.
    var listFocus = 0
    /// The language the demonstration is played in: the one on screen when demo mode opened.
    let language: Language

    init(personas: Result<[Persona], PackLoadError>, language: Language, now: Duration) {
        switch personas {
        case .success(let list):
            self.personas = list
            loadError = nil
        case .failure(let error):
            self.personas = []
            loadError = error.description
        }
        self.language = language
        lastStep = now
        lastStaffInput = now
    }

    public var persona: Persona? { playing.map { personas[$0] } }
}

/// What the demo's own buttons do.
enum DemoAction: Hashable {
    case play(Int)
    case toggleContinuous
    case leave
}
