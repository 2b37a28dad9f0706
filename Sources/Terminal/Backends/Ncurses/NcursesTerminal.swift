import CNcursesw
import Glibc
import Synchronization

/// Where an ncurses terminal reads and writes: the process's own terminal, or (in tests and
/// benchmarks) a pseudo-terminal.
public struct TerminalDevice: Sendable {
    public var inputDescriptor: Int32
    public var outputDescriptor: Int32
    /// The terminfo name; `nil` uses `$TERM`.
    public var type: String?

    public init(inputDescriptor: Int32, outputDescriptor: Int32, type: String? = nil) {
        self.inputDescriptor = inputDescriptor
        self.outputDescriptor = outputDescriptor
        self.type = type
    }

    /// Standard input and output with `$TERM`.
    public static let standard = TerminalDevice(inputDescriptor: STDIN_FILENO, outputDescriptor: STDOUT_FILENO)
}

/// The real screen, through ncursesw.
///
/// Started in raw mode: ^C, ^Z and ^\ arrive as `.control` keys instead of signals. With
/// `kioskSignals` (the default) SIGTERM and SIGHUP restore the terminal and exit 0, crashes
/// restore it before the process dies, and SIGINT, SIGQUIT and SIGTSTP are ignored.
/// ncurses keeps global state, so only one may run per process; use it from one thread.
public final class NcursesTerminal: Terminal {
    public private(set) var size: Size

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let inputFile: UnsafeMutablePointer<FILE>
    private let outputFile: UnsafeMutablePointer<FILE>
    private var pairs: [ColorRole: Int16]
    private let handlesSignals: Bool
    private var previous: Buffer?
    private var isRunning = true
    private var characters: [wchar_t] = []

    private static let running = Mutex(false)

    /// Starts the screen. Activates a UTF-8 locale first (see `UTF8Locale`).
    public init(palette: Palette, device: TerminalDevice = .standard, kioskSignals: Bool = true) throws(TerminalError) {
        try UTF8Locale.activate()
        let claimed = Self.running.withLock { running in
            if running { return false }
            running = true
            return true
        }
        guard claimed else { throw .alreadyRunning }
        var savedModes = termios()
        _ = tcgetattr(device.inputDescriptor, &savedModes)

        guard let input = Self.open(device.inputDescriptor, mode: "r"),
              let output = Self.open(device.outputDescriptor, mode: "w")
        else {
            let error = errno
            Self.running.withLock { $0 = false }
            throw .cannotOpenDevice(descriptor: device.inputDescriptor, errno: error)
        }
        let type = device.type ?? getenv("TERM").map { String(cString: $0) }
        guard let type, let newScreen = newterm(type, output, input) else {
            fclose(input)
            fclose(output)
            Self.running.withLock { $0 = false }
            throw .unknownTerminal(type ?? "(TERM is not set)")
        }
        screen = newScreen
        inputFile = input
        outputFile = output
        window = cncurses_stdscr()
        handlesSignals = kioskSignals

        raw()
        noecho()
        nonl()
        keypad(window, true)
        ApplicationKeypad.install()
        _ = curs_set(0)
        // Escape must answer fast on a kiosk; 25 ms still joins real escape sequences.
        _ = set_escdelay(25)
        // A tap must act at once, not wait to see whether it becomes a double click.
        _ = mouseinterval(0)
        _ = mousemask(cncurses_button1_pressed() | cncurses_button1_released() | cncurses_button1_clicked(), nil)
        pairs = Self.startColors(palette)
        wbkgdset(window, chtype(cncurses_color_pair(pairs[.background] ?? 0)))

        var rows: Int32 = 0
        var columns: Int32 = 0
        cncurses_getmaxyx(window, &rows, &columns)
        size = Size(width: Int(columns), height: Int(rows))

        // The thread that reads input must receive SIGWINCH (it interrupts ncurses' wait and
        // becomes KEY_RESIZE) and the exit signals; dispatch worker threads block them.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signal in [SIGWINCH, SIGTERM, SIGHUP] { sigaddset(&wanted, signal) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)

        if kioskSignals {
            KioskSignals.install(
                inputDescriptor: device.inputDescriptor, outputDescriptor: device.outputDescriptor,
                savedModes: savedModes, resetSequence: Self.resetSequence())
        }
    }

    deinit {
        shutdown()
    }

    // MARK: - Terminal

    @discardableResult
    public func present(_ buffer: Buffer) -> PresentStats {
        guard isRunning else { return PresentStats(cellsWritten: 0, bytesWritten: nil) }
        let frame = buffer.resized(to: size)
        var written = 0
        for run in frame.changedRuns(since: previous) {
            written += draw(run, of: frame)
        }
        wnoutrefresh(window)
        doupdate()
        previous = frame
        return PresentStats(cellsWritten: written, bytesWritten: nil)
    }

    public func usePalette(_ palette: Palette) {
        guard isRunning else { return }
        // The same pair numbers with new colours: ncurses repaints every cell using them.
        pairs = Self.startColors(palette)
        wbkgdset(window, chtype(cncurses_color_pair(pairs[.background] ?? 0)))
        previous = nil
        clearok(window, true)
    }

    public func nextEvent(timeout: Duration) -> InputEvent? {
        guard isRunning else { return nil }
        wtimeout(window, Int32(Self.milliseconds(timeout)))
        return readEvent()
    }

    public func nextEvent(timeout: Duration, wakingOn descriptor: Int32?) -> InputEvent? {
        guard isRunning else { return nil }
        guard let descriptor else { return nextEvent(timeout: timeout) }
        var descriptors = [
            pollfd(fd: fileno(inputFile), events: Int16(POLLIN), revents: 0),
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
        ]
        // A resize interrupts the poll (EINTR) and ncurses reports it on the next read.
        let ready = poll(&descriptors, 2, Int32(Self.milliseconds(timeout)))
        if ready > 0, descriptors[0].revents != 0 {
            wtimeout(window, Int32(Self.milliseconds(timeout)))
            return readEvent()
        }
        // Woken: the caller has news to show. Reading now could split a key whose bytes are
        // still arriving (an arrow read as Escape, then "[B"), so the keyboard waits its turn.
        if ready > 0 { return nil }
        // Timed out or interrupted: only what ncurses holds already (a resize, read-ahead bytes).
        wtimeout(window, 0)
        return readEvent()
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return max(0, min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000))
    }

    /// One event from ncurses within the window's current timeout.
    private func readEvent() -> InputEvent? {
        while true {
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == ERR { return nil }
            if result == KEY_CODE_YES {
                let code = Int32(character)
                if code == KEY_RESIZE {
                    var rows: Int32 = 0
                    var columns: Int32 = 0
                    cncurses_getmaxyx(window, &rows, &columns)
                    size = Size(width: Int(columns), height: Int(rows))
                    previous = nil  // ncurses resized its screen; draw everything again
                    return .resize(size)
                }
                if code == KEY_MOUSE {
                    var event = MEVENT()
                    let pressed = cncurses_button1_pressed() | cncurses_button1_clicked()
                    if getmouse(&event) == OK, event.bstate & pressed != 0 {
                        return .mouse(x: Int(event.x), y: Int(event.y))
                    }
                    continue
                }
                if let key = KeyDecoding.keyCode(code) { return .key(key) }
                continue
            }
            if let key = KeyDecoding.character(UInt32(character)) { return .key(key) }
        }
    }

    public func shutdown() {
        guard isRunning else { return }
        isRunning = false
        if handlesSignals { KioskSignals.uninstall() }
        _ = endwin()
        delscreen(screen)
        fclose(inputFile)
        fclose(outputFile)
        Self.running.withLock { $0 = false }
    }

    // MARK: - Drawing

    /// Hands one changed run to ncurses as runs of equally styled characters.
    private func draw(_ run: ChangedRun, of frame: Buffer) -> Int {
        var written = 0
        var x = run.x
        while x < run.endX {
            let style = frame[x, run.y].style
            let start = x
            characters.removeAll(keepingCapacity: true)
            while x < run.endX {
                let cell = frame[x, run.y]
                if cell.isContinuation {
                    x += 1
                    continue
                }
                if cell.style != style { break }
                for scalar in cell.grapheme.unicodeScalars {
                    characters.append(wchar_t(bitPattern: scalar.value))
                }
                written += 1
                x += Int(cell.width)
            }
            // The pair goes in its own argument: wattr_set ignores pair bits in the attributes.
            _ = cncurses_wattr_set(window, attributes(for: style), pairs[style.role] ?? 0)
            // ncurses advances by wcwidth, exactly as our buffer laid the cells out.
            _ = characters.withUnsafeBufferPointer { pointer in
                mvwaddnwstr(window, Int32(run.y), Int32(start), pointer.baseAddress, Int32(pointer.count))
            }
        }
        return written
    }

    private func attributes(for style: Style) -> attr_t {
        var attributes = cncurses_a_normal()
        if style.bold { attributes |= cncurses_a_bold() }
        if style.underline { attributes |= cncurses_a_underline() }
        if style.reverse { attributes |= cncurses_a_reverse() }
        return attributes
    }

    // MARK: - Setup helpers

    /// A stdio stream over a duplicate of `descriptor`, so closing it leaves the caller's open.
    private static func open(_ descriptor: Int32, mode: String) -> UnsafeMutablePointer<FILE>? {
        let duplicate = dup(descriptor)
        guard duplicate >= 0 else { return nil }
        guard let file = fdopen(duplicate, mode) else {
            close(duplicate)
            return nil
        }
        return file
    }

    /// One colour pair per role, from the palette's 256-colour indexes when the terminal has
    /// them, else its 8-colour ones. No colours at all (a dumb terminal): attributes only.
    private static func startColors(_ palette: Palette) -> [ColorRole: Int16] {
        guard has_colors() else { return [:] }
        start_color()
        // Pair 0 becomes the terminal's own colours, so ncurses' reset after each update is
        // the short "default colours" sequence; every cell we draw names its pair anyway.
        _ = use_default_colors()
        let rich = cncurses_colors() >= 256
        var pairs: [ColorRole: Int16] = [:]
        for (offset, role) in ColorRole.allCases.enumerated() {
            let colors = palette[role]
            let foreground = Int16(rich ? colors.foreground.index256 : colors.foreground.index8)
            let background = Int16(rich ? colors.background.index256 : colors.background.index8)
            let pair = Int16(offset + 1)
            init_pair(pair, foreground, background)
            pairs[role] = pair
        }
        return pairs
    }

    /// What a signal handler writes to give the terminal back: reset attributes, show the
    /// cursor, stop mouse reporting, leave the alternate screen.
    private static func resetSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm"] {
            if let value = cncurses_tigetstr(capability) {
                bytes.append(contentsOf: String(cString: value).utf8)
            }
        }
        if cncurses_tigetstr("kmous") != nil {
            // xterm mouse modes ncurses may have enabled (normal, button, any, SGR encoding).
            bytes.append(contentsOf: "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8)
        }
        if let value = cncurses_tigetstr("rmcup") {
            bytes.append(contentsOf: String(cString: value).utf8)
        }
        bytes.append(contentsOf: "\r\n".utf8)
        return bytes
    }
}
