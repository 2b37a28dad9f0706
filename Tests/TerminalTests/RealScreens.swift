import Testing

/// Every suite that starts a real ncurses screen: ncurses allows one per process, so they run
/// one after another, not beside each other.
@Suite(.serialized) enum RealScreens {}
