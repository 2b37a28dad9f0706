/// A terminal that lives in memory: it keeps what would be on screen, records the bytes a
/// real terminal would have received, and replays queued input events.
///
/// The deterministic double of `NcursesTerminal` (as swift-nio's `EmbeddedChannel` is of a
/// socket): app tests drive it with `TerminalTesting.Pilot` and compare `screen` to snapshots.
public final class MemoryTerminal: Terminal {
    public private(set) var size: Size
    /// What the screen shows after the last present.
    public private(set) var screen: Buffer
    /// Bytes written by the last present.
    public private(set) var lastOutput: [UInt8] = []
    /// Presents so far.
    public private(set) var presentCount = 0
    public private(set) var isShutDown = false
    /// The colours roles are drawn in; nil for the eight basic colours.
    public private(set) var palette: Palette?

    private var writer: EscapeSequenceWriter
    private var needsFullRedraw = true
    private var events: [InputEvent] = []
    private var nextEventIndex = 0

    public init(size: Size, palette: Palette? = nil) {
        self.size = size
        self.screen = Buffer(size: size)
        self.writer = EscapeSequenceWriter(palette: palette)
        self.palette = palette
    }

    // MARK: - Terminal

    @discardableResult
    public func present(_ buffer: Buffer) -> PresentStats {
        let frame = buffer.resized(to: size)
        var previous: Buffer? = screen
        if needsFullRedraw {
            writer.clearScreen()
            previous = nil
            needsFullRedraw = false
        }
        var cells = 0
        for run in frame.changedRuns(since: previous) {
            cells += writer.write(run, of: frame)
        }
        screen = frame
        lastOutput = writer.takeBytes()
        presentCount += 1
        return PresentStats(cellsWritten: cells, bytesWritten: lastOutput.count)
    }

    /// Returns the next queued event at once, or `nil` when the queue is empty: tests never wait.
    public func nextEvent(timeout: Duration) -> InputEvent? {
        guard nextEventIndex < events.count else { return nil }
        defer { nextEventIndex += 1 }
        return events[nextEventIndex]
    }

    public func shutdown() {
        isShutDown = true
    }

    public func usePalette(_ palette: Palette) {
        self.palette = palette
        writer = EscapeSequenceWriter(palette: palette)
        needsFullRedraw = true
    }

    // MARK: - Test controls

    /// Queues an event for `nextEvent`.
    public func enqueue(_ event: InputEvent) {
        events.append(event)
    }

    /// Events queued but not yet read.
    public var pendingEvents: Int { events.count - nextEventIndex }

    /// Changes the screen size as a window manager would, and queues the `.resize` event.
    public func resize(to newSize: Size) {
        size = newSize
        screen = screen.resized(to: newSize)
        needsFullRedraw = true
        enqueue(.resize(newSize))
    }
}
