import Terminal

/// Drives a `MemoryTerminal` the way a citizen would: press keys, type, tap, resize.
///
/// Events are queued; the app under test reads them through `Terminal.nextEvent` in its own
/// loop and presents frames, which the test then inspects through `screen`.
public struct Pilot {
    public let terminal: MemoryTerminal

    public init(size: Size = Size(width: 80, height: 24), palette: Palette? = nil) {
        terminal = MemoryTerminal(size: size, palette: palette)
    }

    public init(terminal: MemoryTerminal) {
        self.terminal = terminal
    }

    /// What is on screen after the last present.
    public var screen: Buffer { terminal.screen }

    /// The screen's text (see `ScreenDump.text`).
    public var screenText: String { ScreenDump.text(of: terminal.screen) }

    public func press(_ keys: Key...) {
        for key in keys { terminal.enqueue(.key(key)) }
    }

    /// Types each character of `text` as a key.
    public func type(_ text: String) {
        for character in text { terminal.enqueue(.key(.character(character))) }
    }

    /// Taps the cell at column `x`, row `y`.
    public func tap(x: Int, y: Int) {
        terminal.enqueue(.mouse(x: x, y: y))
    }

    /// Taps the first cell showing `text`; `false` when it is not on screen.
    @discardableResult
    public func tap(on text: String) -> Bool {
        guard let position = find(text) else { return false }
        tap(x: position.x, y: position.y)
        return true
    }

    public func resize(to size: Size) {
        terminal.resize(to: size)
    }

    /// Column and row where `text` first appears on screen.
    public func find(_ text: String) -> (x: Int, y: Int)? {
        let buffer = terminal.screen
        for y in 0..<buffer.size.height {
            var columns: [Int] = []
            var line = ""
            for x in 0..<buffer.size.width where !buffer[x, y].isContinuation {
                columns.append(x)
                line.append(buffer[x, y].grapheme)
            }
            if let range = line.firstRange(of: text) {
                return (columns[line.distance(from: line.startIndex, to: range.lowerBound)], y)
            }
        }
        return nil
    }
}
