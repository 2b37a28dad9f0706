import SessionLog
import Settings
import Terminal

/// The kiosk: owns the event loop, turns input into new state, and draws each frame.
///
/// The library owns drawing and the terminal owns the device; this type only decides. It is
/// driven the same way by the real ncurses screen and by `MemoryTerminal` in tests:
/// `start()` presents the first frame, `handle(_:)` reacts to one event and presents the
/// next, `run()` loops over `nextEvent` until the process is told to stop.
public final class KioskApp {
    public let terminal: any Terminal
    public let resources: KioskResources
    public private(set) var state: KioskState
    /// Where each session goes when it ends (the anonymous log; in memory for tests).
    public let recorder: any SessionRecorder

    public init(terminal: any Terminal, resources: KioskResources, recorder: any SessionRecorder = MemorySessionRecorder()) {
        self.terminal = terminal
        self.resources = resources
        self.recorder = recorder
        self.state = KioskState(language: resources.config.kiosk.language)
    }

    /// Draws and presents the first frame.
    @discardableResult
    public func start() -> PresentStats {
        terminal.present(render())
    }

    /// Serves citizens until SIGTERM or SIGHUP (the terminal's signal handling exits the
    /// process; nothing a citizen can press ends this loop).
    public func run() -> Never {
        start()
        while true {
            // A short wait keeps resizes prompt on terminals whose SIGWINCH only lands between waits.
            if let event = terminal.nextEvent(timeout: .milliseconds(250)) {
                handle(event)
            }
        }
    }

    /// Hands a session that has ended (results seen and left, goodbye, idle timeout, wipe) to the
    /// log; a session nobody began is not logged. Call it before wiping the session.
    public func sessionEnded(_ session: Session) {
        guard session.hasBegun else { return }
        recorder.record(SessionSummary(session))
    }

    /// Writes what the log has pending; for shutdown.
    public func shutdown() {
        recorder.close()
    }

    /// Reacts to one event; presents a new frame when anything visible changed.
    @discardableResult
    public func handle(_ event: InputEvent) -> PresentStats? {
        let before = state
        switch event {
        case .resize:
            return terminal.present(render())
        case .key(let key):
            handle(key)
        case .mouse(let x, let y):
            tap(x: x, y: y)
        }
        return state == before ? nil : terminal.present(render())
    }

    /// The frame for the current state at the terminal's current size.
    public func render() -> Buffer {
        var buffer = Buffer(size: terminal.size, style: Style(.text))
        let catalog = resources.locales.catalog(state.language)
        guard ScreenGeometry.layout(for: terminal.size) != .tooSmall else {
            TooSmallNotice(catalog: catalog).draw(in: &buffer)
            return buffer
        }
        welcome.draw(in: &buffer)
        if state.showsHelp {
            HelpPanel(catalog: catalog, placeholders: resources.config.centre.placeholders(in: state.language))
                .draw(in: &buffer)
        }
        return buffer
    }

    // MARK: - Input

    private var welcome: WelcomeScreen {
        WelcomeScreen(catalog: resources.locales.catalog(state.language), focus: state.welcomeFocus, current: state.language)
    }

    private func handle(_ key: Key) {
        // Nothing can be seen below the minimum size, so nothing is acted on.
        guard ScreenGeometry.layout(for: terminal.size) != .tooSmall else { return }
        if state.showsHelp {
            state.showsHelp = false
            return
        }
        switch key {
        case .function(1), .character("?"):
            state.showsHelp = true
        case .function(2):
            choose(language: (Language.allCases.firstIndex(of: state.language)! + 1) % Language.allCases.count)
        case .enter, .character(" "), .keypad(.center):
            choose(language: state.welcomeFocus)
        case .character(let character):
            if let digit = character.wholeNumberValue, (1...Language.allCases.count).contains(digit) {
                choose(language: digit - 1)
            }
        default:
            let buttons = welcome.layout(in: terminal.size).buttons
            if let focus = buttons.focus(from: state.welcomeFocus, moving: key) {
                state.welcomeFocus = focus
            }
        }
    }

    private func tap(x: Int, y: Int) {
        guard ScreenGeometry.layout(for: terminal.size) != .tooSmall else { return }
        if state.showsHelp {
            state.showsHelp = false
            return
        }
        if let index = welcome.layout(in: terminal.size).buttons.button(atX: x, y: y) {
            choose(language: index)
        }
    }

    private func choose(language index: Int) {
        state.welcomeFocus = index
        state.language = Language.allCases[index]
    }
}
