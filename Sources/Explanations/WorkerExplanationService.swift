import Foundation
import Glibc
import Synchronization

/// Explanations from `kiosk-explainer`, a separate process that talks to the model server.
///
/// Why a process: the HTTP client (SwiftNIO) would add megabytes to the kiosk's memory and its
/// failures would be the kiosk's; across a socket, a worker that crashes, hangs or cannot start
/// costs the citizen nothing but the model's words. Whatever goes wrong — the worker is missing,
/// dies mid-answer, stops answering past `watchdog`, or sends nothing usable — the request ends
/// with the template, computed in the kiosk by `fallback`, and the reason. A dead worker is
/// started again for the next request, at most once every `restartDelay`.
///
/// Used from the kiosk's one thread; a reader thread per worker only collects its lines.
public final class WorkerExplanationService: ExplanationService {
    public struct Configuration: Sendable {
        /// The `kiosk-explainer` binary.
        public var executable: String
        public var arguments: [String]
        /// Where the worker's standard error goes.
        public var errors: WorkerErrors
        /// How long a request may run before the kiosk stops waiting on the worker: the
        /// explainer's own total deadline plus a margin.
        public var watchdog: Duration
        public var restartDelay: Duration

        public init(executable: String, arguments: [String], errors: WorkerErrors = .discard, watchdog: Duration,
                    restartDelay: Duration = .seconds(5)) {
            self.executable = executable
            self.arguments = arguments
            self.errors = errors
            self.watchdog = watchdog
            self.restartDelay = restartDelay
        }
    }

    /// How long past the explainer's own total deadline the kiosk waits for the worker: the
    /// worker's deadline runs from when it reads the request, and the citizen's from when the
    /// kiosk sent it; half of the 100 ms the kiosk promises is for that hop and a busy machine.
    public static let watchdogMargin = Duration.milliseconds(50)

    /// The template for a request, worked out in the kiosk (a millisecond or so).
    public typealias Fallback = (ExplanationRequest) -> String

    private struct Open {
        let request: ExplanationRequest
        let started: ContinuousClock.Instant
    }

    private let configuration: Configuration
    private let fallback: Fallback
    private let wake = WakePipe()
    private let inbox = Inbox()
    private var worker: ChildProcess?
    private var lastStart: ContinuousClock.Instant?
    private var open: [ExplanationTicket: Open] = [:]
    private var nextTicket = 0
    /// Events made here (fallbacks), handed out by the next `poll`.
    private var made: [(ticket: ExplanationTicket, event: ExplanationEvent)] = []
    private let clock = ContinuousClock()

    /// Starts the worker at once, so the first citizen does not wait for it to load.
    public init(configuration: Configuration, fallback: @escaping Fallback) {
        self.configuration = configuration
        self.fallback = fallback
        startWorker()
    }

    /// The worker's process id while one runs (for tests and the staff health screen).
    public var workerPID: pid_t? { worker?.pid }

    public var wakeDescriptor: Int32? { wake?.readEnd }

    public func begin(_ request: ExplanationRequest) -> ExplanationTicket {
        nextTicket += 1
        let ticket = ExplanationTicket(id: nextTicket)
        open[ticket] = Open(request: request, started: clock.now)
        inbox.watch(until: clock.now + configuration.watchdog)
        if worker == nil { startWorker() }
        if let worker, worker.send(WorkerWire.line(WorkerCommand.begin(ticket, request))) {
            return ticket
        }
        if let worker {
            // Alive but not reading: as good as dead.
            worker.kill()
        }
        failOver(ticket, reason: .unavailable, detail: worker == nil ? "the explainer process is not running" : "the explainer process stopped reading")
        wake?.signal()
        return ticket
    }

    public func cancel(_ ticket: ExplanationTicket) {
        guard open.removeValue(forKey: ticket) != nil else { return }
        made.removeAll { $0.ticket == ticket }
        _ = worker?.send(WorkerWire.line(WorkerCommand.cancel(ticket)))
    }

    public func cancelAll() {
        open.removeAll()
        made.removeAll()
        _ = worker?.send(WorkerWire.line(WorkerCommand.cancelAll))
    }

    public func poll() -> [(ticket: ExplanationTicket, event: ExplanationEvent)] {
        wake?.drain()
        let (replies, ended) = inbox.take()
        var events = made
        made.removeAll()
        for reply in replies {
            guard open[reply.ticket] != nil else { continue }
            if case .finished(let outcome) = reply.event {
                if outcome.text.isEmpty {
                    // The worker could not work on it at all (it said why in `detail`).
                    failOver(reply.ticket, reason: outcome.fallbackReason ?? .malformed, detail: outcome.detail ?? "the explainer sent no text")
                    events += made
                    made.removeAll()
                    continue
                }
                open[reply.ticket] = nil
            }
            events.append((reply.ticket, reply.event))
        }
        if let worker, ended.contains(worker.pid) {
            worker.reap(waiting: true)
            worker.close()
            self.worker = nil
            for ticket in open.keys.sorted(by: { $0.id < $1.id }) {
                failOver(ticket, reason: .unavailable, detail: "the explainer process ended")
            }
        }
        let now = clock.now
        for (ticket, request) in open.sorted(by: { $0.key.id < $1.key.id }) where now - request.started >= configuration.watchdog {
            _ = worker?.send(WorkerWire.line(WorkerCommand.cancel(ticket)))
            failOver(ticket, reason: .timeout, detail: "the explainer process did not finish in time")
        }
        events += made
        made.removeAll()
        return events
    }

    public func shutdown() {
        open.removeAll()
        made.removeAll()
        guard let worker else { return }
        worker.closeInput()
        let deadline = clock.now + .seconds(1)
        while !worker.reap(), clock.now < deadline { usleep(5_000) }
        if !worker.reap() {
            worker.kill()
            worker.reap(waiting: true)
        }
        inbox.waitForEnd(of: worker.pid)
        worker.close()
        self.worker = nil
    }

    deinit {
        shutdown()
    }

    // MARK: - Worker

    private func startWorker() {
        if let lastStart, clock.now - lastStart < configuration.restartDelay { return }
        lastStart = clock.now
        guard let child = try? ChildProcess(executable: configuration.executable, arguments: configuration.arguments,
                                            errors: configuration.errors)
        else { return }
        worker = child
        inbox.startReading(child.socket, pid: child.pid, wake: wake)
    }

    /// Ends `ticket` with the template made here.
    private func failOver(_ ticket: ExplanationTicket, reason: FallbackReason, detail: String) {
        guard let request = open.removeValue(forKey: ticket) else { return }
        let text = fallback(request.request)
        let outcome = ExplanationOutcome(source: .template, fallbackReason: reason, detail: detail, text: text,
                                         firstTokenMilliseconds: nil,
                                         totalMilliseconds: Double((clock.now - request.started) / .microseconds(1)) / 1000)
        made.append((ticket, .template(text, reason: reason)))
        made.append((ticket, .finished(outcome)))
    }
}

/// What the reader threads hand to the kiosk's thread.
private final class Inbox: Sendable {
    private struct State {
        var replies: [WorkerReply] = []
        var ended: Set<pid_t> = []
        /// When a request's watchdog fires: the reader wakes the kiosk then, even if the
        /// worker says nothing.
        var watchdogs: [ContinuousClock.Instant] = []
    }

    private let state = Mutex(State())

    func watch(until instant: ContinuousClock.Instant) {
        state.withLock { $0.watchdogs.append(instant) }
    }

    func take() -> (replies: [WorkerReply], ended: Set<pid_t>) {
        state.withLock { s in
            defer { s.replies.removeAll() }
            return (s.replies, s.ended)
        }
    }

    func waitForEnd(of pid: pid_t) {
        let deadline = ContinuousClock.now + .seconds(2)
        while !state.withLock({ $0.ended.contains(pid) }), ContinuousClock.now < deadline { usleep(2_000) }
    }

    /// Reads the worker's lines until its socket closes; never closes the socket itself, so the
    /// kiosk's thread can keep writing to it safely until it learns the worker ended.
    func startReading(_ socket: Int32, pid: pid_t, wake: WakePipe?) {
        let thread = Thread { [self] in
            var splitter = LineSplitter()
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            let clock = ContinuousClock()
            while true {
                let due = state.withLock { s -> ContinuousClock.Instant? in
                    let now = clock.now
                    if s.watchdogs.contains(where: { $0 <= now }) {
                        s.watchdogs.removeAll { $0 <= now }
                        wake?.signal()
                    }
                    return s.watchdogs.min()
                }
                var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                let timeout = due.map { Int32(max(0, min(60_000, ($0 - clock.now) / .milliseconds(1) + 1))) } ?? 1_000
                let ready = Glibc.poll(&descriptor, 1, timeout)
                if ready < 0, errno == EINTR { continue }
                if ready == 0 { continue }
                let count = read(socket, &buffer, buffer.count)
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                if count <= 0 { break }
                let lines = splitter.feed(buffer[0..<count])
                let replies = lines.compactMap { WorkerWire.decode(WorkerReply.self, from: $0) }
                if !replies.isEmpty {
                    state.withLock { $0.replies += replies }
                    wake?.signal()
                }
            }
            state.withLock { _ = $0.ended.insert(pid) }
            wake?.signal()
        }
        thread.name = "kiosk-explainer reader"
        thread.start()
    }
}
