import Glibc

// A signal can arrive while ncurses is half-way through a write, so the handlers below do
// only what POSIX calls async-signal-safe: `write` the bytes that leave the alternate screen
// and show the cursor, `tcsetattr` the terminal modes saved before ncurses started, then
// `_exit` or re-raise. Everything they read is prepared before they are installed and lives
// in memory that is never freed, so no lock, allocation or Swift runtime call is needed.

/// What a signal handler needs to put the terminal back.
private struct RestoreState {
    /// 1 while the screen is ours; a handler clears it so the terminal is restored once.
    var active: sig_atomic_t
    var inputDescriptor: Int32
    var outputDescriptor: Int32
    var savedModes: termios
    var sequence: UnsafeMutablePointer<UInt8>
    var sequenceLength: Int
}

nonisolated(unsafe) private var restoreState: UnsafeMutablePointer<RestoreState>?
/// The actions in place before ours, indexed by signal number, re-installed on shutdown.
nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction>?
private let signalSlots = 65

/// Signals that end the kiosk on purpose: restore and exit 0, as systemd expects of SIGTERM.
private let exitSignals: [Int32] = [SIGTERM, SIGHUP]
/// Crashes: restore, then die by the default action.
private let fatalSignals: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP]
/// Keyboard signals a citizen could use to reach a shell. Raw mode already stops the keys
/// from raising them; ignoring them also covers `kill -INT` and job-control stops.
private let ignoredSignals: [Int32] = [SIGINT, SIGQUIT, SIGTSTP]

private func restoreTerminalFromSignal() {
    guard let state = restoreState, state.pointee.active != 0 else { return }
    state.pointee.active = 0
    _ = write(state.pointee.outputDescriptor, state.pointee.sequence, state.pointee.sequenceLength)
    _ = tcsetattr(state.pointee.inputDescriptor, TCSANOW, &state.pointee.savedModes)
}

private let exitHandler: @convention(c) (Int32) -> Void = { _ in
    restoreTerminalFromSignal()
    _exit(0)
}

private let fatalHandler: @convention(c) (Int32) -> Void = { signal in
    restoreTerminalFromSignal()
    // Die by the default action (a core dump for systemd-coredump), not by chaining to
    // Swift's backtracer: on a terminal it offers "Press space to interact, D to debug",
    // a debugger on a public kiosk's keyboard. The signal is blocked until this handler
    // returns; a real fault would also recur when the faulting instruction runs again.
    var action = sigaction()
    action.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&action.sa_mask)
    _ = sigaction(signal, &action, nil)
    _ = raise(signal)
}

/// Installs and removes the kiosk's signal handlers. Main thread only.
enum KioskSignals {
    /// Takes over the exit, fatal and keyboard signals for as long as the screen is ours.
    ///
    /// - Parameters:
    ///   - savedModes: the terminal modes from before ncurses started.
    ///   - resetSequence: bytes that leave the alternate screen, show the cursor and reset colours.
    static func install(inputDescriptor: Int32, outputDescriptor: Int32, savedModes: termios, resetSequence: [UInt8]) {
        if restoreState == nil {
            restoreState = .allocate(capacity: 1)
            previousActions = .allocate(capacity: signalSlots)
            previousActions!.initialize(repeating: sigaction(), count: signalSlots)
        } else {
            restoreState!.pointee.sequence.deallocate()
        }
        let sequence = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, resetSequence.count))
        sequence.initialize(from: resetSequence, count: resetSequence.count)
        restoreState!.initialize(to: RestoreState(
            active: 0, inputDescriptor: inputDescriptor, outputDescriptor: outputDescriptor,
            savedModes: savedModes, sequence: sequence, sequenceLength: resetSequence.count))
        for signal in exitSignals { install(exitHandler, for: signal) }
        for signal in fatalSignals { install(fatalHandler, for: signal) }
        for signal in ignoredSignals { install(nil, for: signal) }
        restoreState!.pointee.active = 1
    }

    /// Puts back the actions that were in place before `install`.
    static func uninstall() {
        guard let restoreState, let previousActions, restoreState.pointee.active != 0 else { return }
        restoreState.pointee.active = 0
        for signal in exitSignals + fatalSignals + ignoredSignals {
            _ = sigaction(signal, previousActions + Int(signal), nil)
        }
    }

    /// `nil` handler means ignore.
    private static func install(_ handler: (@convention(c) (Int32) -> Void)?, for signal: Int32) {
        var action = sigaction()
        if let handler {
            action.__sigaction_handler.sa_handler = handler
        } else {
            action.__sigaction_handler.sa_handler = SIG_IGN
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        _ = sigaction(signal, &action, previousActions! + Int(signal))
    }
}
