import Settings

/// Everything a session has said so far; screens are drawn from it and input produces a new
/// one. Holding it in one value is what lets a wipe be complete: replace the value.
public struct KioskState: Sendable, Equatable {
    /// The language every visible word is in.
    public var language: Language
    /// The focused language button on the welcome screen.
    public var welcomeFocus: Int
    /// Whether the "find a person" help panel is over the screen.
    public var showsHelp: Bool

    public init(language: Language) {
        self.language = language
        self.welcomeFocus = Language.allCases.firstIndex(of: language) ?? 0
        self.showsHelp = false
    }
}
