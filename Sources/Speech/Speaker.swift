import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// How a phrase is spoken: the voice for the language, words per minute, loudness.
public struct Voice: Sendable, Equatable {
    /// The synthesiser's name for the voice, e.g. espeak-ng's `ko`, `en-us`, `cmn`, `vi`.
    public var name: String
    /// Words per minute (espeak-ng: 80 to 450, 175 by default).
    public var rate: Int
    /// Loudness (espeak-ng: 0 to 200, 100 by default).
    public var volume: Int

    public init(name: String, rate: Int, volume: Int) {
        self.name = name
        self.rate = rate
        self.volume = volume
    }
}

/// A text-to-speech command line with `{voice}`, `{rate}` and `{volume}` in its arguments; the
/// phrase goes to its standard input.
///
///     SpeechCommand(["espeak-ng", "-v", "{voice}", "-s", "{rate}", "-a", "{volume}"])
public struct SpeechCommand: Sendable, Equatable {
    public let template: [String]

    public init(_ template: [String]) {
        self.template = template
    }

    public func arguments(for voice: Voice) -> [String] {
        template.map {
            $0.replacingOccurrences(of: "{voice}", with: voice.name)
                .replacingOccurrences(of: "{rate}", with: String(voice.rate))
                .replacingOccurrences(of: "{volume}", with: String(voice.volume))
        }
    }
}

/// Speaks one phrase at a time through a child process, never waiting for it.
///
/// A new phrase or `stop()` kills the one still speaking: the citizen hears what is on screen
/// now, not a queue of screens already left. Children are reaped as they end (`reap()` on the
/// kiosk's tick) and killed and reaped on `stop()`, so none is left as a zombie.
public final class Speaker {
    public let command: SpeechCommand
    /// The last phrase started (by `say`, or `sayAfter` once its turn came).
    public private(set) var lastPhrase: String?
    /// Why the last phrase could not be spoken, if it could not (shown nowhere; for tests and
    /// the log line at start).
    public private(set) var lastError: SpawnError?
    /// Phrases handed to a child so far.
    public private(set) var spoken = 0
    /// The child started for the last phrase, running or not.
    public private(set) var lastProcess: pid_t?
    private var speaking: pid_t?
    /// A phrase waiting for the one being spoken to end (`sayAfter`).
    private var next: (text: String, voice: Voice)?

    public init(command: SpeechCommand) {
        self.command = command
    }

    /// Whether a phrase is still being spoken.
    public var isSpeaking: Bool {
        reap()
        return speaking != nil
    }

    /// The child speaking now, if any.
    public var currentProcess: pid_t? {
        reap()
        return speaking
    }

    /// Stops whatever is being spoken and starts `text` in `voice`.
    public func say(_ text: String, voice: Voice) {
        stop()
        start(text, voice: voice)
    }

    /// Says `text` once the phrase being spoken has ended, or at once if none is: news that
    /// must not cut off what the citizen is hearing (an explanation arriving while its page is
    /// read). A later `say` or `stop` drops it, as any key drops the voice.
    public func sayAfter(_ text: String, voice: Voice) {
        reap()
        if speaking == nil { start(text, voice: voice) } else { next = (text, voice) }
    }

    private func start(_ text: String, voice: Voice) {
        lastPhrase = text
        guard !command.template.isEmpty, !text.isEmpty else { return }
        do {
            speaking = try ChildProcess.spawn(command.arguments(for: voice), input: text)
            lastProcess = speaking
            spoken += 1
            lastError = nil
        } catch {
            lastError = error
        }
    }

    /// Silences the voice at once, and drops what was to follow.
    public func stop() {
        next = nil
        guard let pid = speaking else { return }
        speaking = nil
        ChildProcess.kill(pid)
    }

    /// Reaps a child that has finished its phrase.
    public func reap() {
        guard let pid = speaking, ChildProcess.hasEnded(pid) else { return }
        speaking = nil
        if let (text, voice) = next {
            next = nil
            start(text, voice: voice)
        }
    }

    /// Waits until the phrase has been spoken, up to `timeout`; for tests and benchmarks.
    @discardableResult
    public func waitUntilQuiet(timeout: Duration = .seconds(30)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while isSpeaking {
            if ContinuousClock.now > deadline { return false }
            usleep(2_000)
        }
        return true
    }

    deinit {
        stop()
    }
}

/// Commands run on entering and leaving a mode (enlarging the terminal's font and restoring
/// it): started without waiting, reaped when they end.
public final class BackgroundCommands {
    private var running: [pid_t] = []
    public private(set) var lastError: SpawnError?
    public private(set) var started = 0

    public init() {}

    /// Starts `arguments`; an empty list does nothing.
    public func run(_ arguments: [String]) {
        reap()
        guard !arguments.isEmpty else { return }
        do {
            running.append(try ChildProcess.spawn(arguments))
            started += 1
        } catch {
            lastError = error
        }
    }

    /// Reaps the commands that have ended.
    public func reap() {
        running.removeAll { ChildProcess.hasEnded($0) }
    }

    /// Commands still running.
    public var count: Int {
        reap()
        return running.count
    }

    /// Waits for every command to end, up to `timeout`; for tests.
    @discardableResult
    public func waitUntilDone(timeout: Duration = .seconds(30)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while count > 0 {
            if ContinuousClock.now > deadline { return false }
            usleep(2_000)
        }
        return true
    }
}
