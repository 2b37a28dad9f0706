import Settings

/// The citizen's accessibility choices for this session: part of `KioskState`, so a wipe
/// returns them to the kiosk's configured default with everything else.
public struct AccessibilityMode: Sendable, Equatable {
    /// Large text, the high-contrast theme, voice guidance and more time, all together.
    public var isOn: Bool
    /// Voice guidance within the mode; a citizen who reads the large text may want quiet.
    public var voice = true
    /// Words per minute.
    public var rate: Int
    /// Loudness.
    public var volume: Int
    /// Choices and input in the lower half of the screen.
    public var lowPosition: Bool
    /// The idle warning can be extended any number of times.
    public var extendWithoutLimit: Bool
    /// Whether the mode's settings page is over the journey.
    public var showsSettings = false
    /// The journey page's focus and scroll while the settings page is open.
    var journeyFocus = 0
    var journeyScroll = 0

    /// The mode as a session starts: on when `[kiosk] accessibility` says so.
    public init(config: KioskConfig) {
        isOn = config.kiosk.accessibility
        rate = config.accessibility.speechRate
        volume = config.accessibility.speechVolume
        lowPosition = config.accessibility.lowPosition
        extendWithoutLimit = config.accessibility.extendWithoutLimit
    }

    /// Steps the settings page moves rate and volume by, and their limits (espeak-ng's useful
    /// range; past these the voice is unintelligible or distorted).
    static let rateStep = 25
    static let rates = 80...450
    static let volumeStep = 20
    static let volumes = 10...200

    /// Whether voice guidance speaks now.
    var speaks: Bool { isOn && voice }
    /// Whether interactive content goes to the lower half.
    var placesLow: Bool { isOn && lowPosition }
}

/// What the accessibility settings page's choices do.
enum AccessibilityAction: Hashable {
    case open
    case close
    case toggleVoice
    case faster
    case slower
    case louder
    case quieter
    case toggleLowPosition
    case toggleExtendWithoutLimit
    case turnOff
}

extension AccessibilityMode {
    /// The mode switched off, with the configured voice settings: what a kiosk is in before its
    /// first frame, so a kiosk configured to start in the mode enlarges and recolours at start.
    static func off(_ config: KioskConfig) -> AccessibilityMode {
        var mode = AccessibilityMode(config: config)
        mode.isOn = false
        return mode
    }

    /// Whether the idle warning may be extended without limit now.
    var placesNoTimeLimit: Bool { isOn && extendWithoutLimit }
}
