/// A screen the kiosk draws on and reads input from.
///
/// Two implementations: `NcursesTerminal` for the real screen and `MemoryTerminal` for tests
/// and benchmarks. Both are driven from a plain synchronous loop on one thread:
/// draw a `Buffer`, `present` it, wait for `nextEvent`.
public protocol Terminal: AnyObject {
    /// Current size in cells; changes after a `.resize` event.
    var size: Size { get }

    /// Shows `buffer`, writing only the cells that changed since the last present.
    /// A buffer of another size than the screen is clipped (or padded with blanks).
    @discardableResult
    func present(_ buffer: Buffer) -> PresentStats

    /// The next input event, or `nil` when none arrives within `timeout`.
    func nextEvent(timeout: Duration) -> InputEvent?

    /// Like `nextEvent(timeout:)`, but also returns `nil` early when `descriptor` becomes
    /// readable: the kiosk sleeps on the keyboard and on news from the explainer together.
    func nextEvent(timeout: Duration, wakingOn descriptor: Int32?) -> InputEvent?

    /// Restores the terminal to how it was found. Safe to call more than once.
    func shutdown()

    /// Draws every role in `palette`'s colours from the next present on (the high-contrast
    /// theme of accessibility mode); cells already on screen are repainted.
    func usePalette(_ palette: Palette)
}

extension Terminal {
    /// Backends with nothing to wait on (the in-memory terminal) ignore the descriptor.
    public func nextEvent(timeout: Duration, wakingOn descriptor: Int32?) -> InputEvent? {
        nextEvent(timeout: timeout)
    }
}

/// What one `present` wrote.
public struct PresentStats: Hashable, Sendable {
    /// Cells rewritten (continuation cells of wide characters not counted).
    public var cellsWritten: Int
    /// Bytes sent to the terminal, escape sequences included, when the backend can know them.
    /// `nil` for ncurses, which buffers and optimises its own output out of our sight.
    public var bytesWritten: Int?

    public init(cellsWritten: Int, bytesWritten: Int?) {
        self.cellsWritten = cellsWritten
        self.bytesWritten = bytesWritten
    }
}
