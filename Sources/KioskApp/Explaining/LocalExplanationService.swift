import Explainer
import Explanations
import Foundation
import Rules
import Settings
import Synchronization

/// Explanations in the kiosk's own process, from the templates alone: what the kiosk uses when
/// kiosk.conf names no model, and what a model worker falls back to.
///
/// Each request is answered the way the worker answers it: the facts are parsed back from the
/// request's JSON and evaluated again with the session's rule packs, so the engine's word is
/// the only one explained. The work runs on a dispatch queue of its own, not on Swift's
/// cooperative pool (which a busy two-core machine can fill), and the events wait in a queue
/// for `poll()`; a byte written to a pipe makes `wakeDescriptor` readable meanwhile, so the
/// kiosk's loop can sleep on the keyboard and this together and never waits on either.
///
/// ```swift
/// let service = LocalExplanationService(rules: book, locales: locales, centre: config.centre)
/// let ticket = service.begin(ExplanationRequest(subject: .result, facts: json, day: "2026-06-01", language: "ko"))
/// // later, when wakeDescriptor is readable:
/// for (t, event) in service.poll() where t == ticket { … }
/// ```
public final class LocalExplanationService: ExplanationService, Sendable {
    private let explainer: Explainer
    private let rules: RuleBook
    private let centre: KioskConfig.Centre
    /// Nil without a pipe: the service still works through `poll()`, paced by the loop's timeout.
    private let wake = WakePipe()

    private struct State {
        var next = 0
        var queue: [(ticket: ExplanationTicket, event: ExplanationEvent)] = []
        /// Requests still running; a request's events are queued only while it is here.
        var running: Set<Int> = []
        var isShutDown = false
    }

    private let state = Mutex(State())
    /// One request after another: a template takes about a millisecond.
    private let work = DispatchQueue(label: "welfare-kiosk.local-explanations", qos: .userInitiated)

    /// A service over the templates in `locales`, evaluating with `rules`' packs; the kind
    /// answer names `centre`'s counter and the 129 line.
    public init(rules: RuleBook, locales: LocaleBundle, centre: KioskConfig.Centre) {
        explainer = Explainer(settings: ExplainerSettings(endpoint: nil), locales: locales)
        self.rules = rules
        self.centre = centre
    }

    deinit {
        shutdown()
    }

    public var wakeDescriptor: Int32? { wake?.readEnd }

    // MARK: - ExplanationService

    public func begin(_ request: ExplanationRequest) -> ExplanationTicket {
        state.withLock { s in
            s.next += 1
            let ticket = ExplanationTicket(id: s.next)
            guard !s.isShutDown else { return ticket }
            s.running.insert(ticket.id)
            work.async { [self] in serve(request, ticket: ticket) }
            return ticket
        }
    }

    public func cancel(_ ticket: ExplanationTicket) {
        state.withLock { s in
            s.queue.removeAll { $0.ticket == ticket }
            s.running.remove(ticket.id)
        }
    }

    public func cancelAll() {
        state.withLock { s in
            s.queue.removeAll()
            s.running.removeAll()
        }
    }

    public func poll() -> [(ticket: ExplanationTicket, event: ExplanationEvent)] {
        wake?.drain()
        return state.withLock { s in
            defer { s.queue.removeAll() }
            return s.queue
        }
    }

    public func shutdown() {
        cancelAll()
        state.withLock { $0.isShutDown = true }
    }

    // MARK: - Answering one request

    private func serve(_ request: ExplanationRequest, ticket: ExplanationTicket) {
        // Cancelled while waiting its turn: no work at all.
        guard state.withLock({ $0.running.contains(ticket.id) }) else { return }
        let start = ContinuousClock.now
        let (text, failure) = templateOrProblem(request)
        let outcome = ExplanationOutcome(
            source: .template, fallbackReason: failure == nil ? nil : .malformed, detail: failure, text: text,
            firstTokenMilliseconds: nil, totalMilliseconds: (ContinuousClock.now - start).milliseconds)
        deliver([.template(text, reason: outcome.fallbackReason), .finished(outcome)], for: ticket)
    }

    /// The template for `request`, worked out on the caller's thread (about a millisecond): what
    /// a model worker that fails is replaced with. Empty for a request this kiosk cannot read.
    public func template(for request: ExplanationRequest) -> String {
        templateOrProblem(request).text
    }

    private func templateOrProblem(_ request: ExplanationRequest) -> (text: String, problem: String?) {
        switch prepare(request) {
        case .failure(let problem):
            // Our own kiosk wrote the request, so this is a bug, not a citizen's mistake: say
            // nothing rather than something wrong, and keep the reason for the outcome.
            return ("", problem.message)
        case .success(let (evaluations, language)):
            switch request.subject {
            case .result:
                // One explanation over every pack (`FactSheet(merging:)`).
                return (explainer.templateExplanation(evaluations, language: language), nil)
            case .question(let question):
                let counter = centre.counter.text(in: language)
                let texts = evaluations.map { evaluation in
                    explainer.templateAnswer(question, about: evaluation, language: language, counter: counter, phone: centre.phone,
                                             program: request.program.map { ProgramID($0) })
                }
                return (Self.combine(texts, catalog: explainer.locales.catalog(language), counter: counter, phone: centre.phone), nil)
            }
        }
    }

    private struct RequestProblem: Error {
        let message: String
    }

    /// The request's facts evaluated with every pack on its day, and its language.
    private func prepare(_ request: ExplanationRequest) -> Result<([Evaluation], Language), RequestProblem> {
        guard let language = Language(rawValue: request.language) else {
            return .failure(RequestProblem(message: "unknown language '\(request.language)'"))
        }
        guard let day = Day(request.day) else {
            return .failure(RequestProblem(message: "'\(request.day)' is not a day (YYYY-MM-DD)"))
        }
        do {
            let facts = try FactsJSON.parse(request.facts, vocabulary: rules.vocabulary)
            return .success((rules.on(day).evaluate(facts, trace: true), language))
        } catch {
            return .failure(RequestProblem(message: "facts: \(error)"))
        }
    }

    /// One answer to a question from each pack's: the answers that say something, or else the
    /// first pack's (the kind answer, or "none").
    static func combine(_ texts: [String], catalog: LocaleCatalog, counter: String, phone: String) -> String {
        let said = texts.filter { !$0.isEmpty }
        let kind = catalog.text("answer.out_of_scope", ["counter": counter, "phone": phone])
        let none = catalog.text("answer.why_none")
        let informative = said.filter { $0 != kind && $0 != none }
        var seen = Set<String>()
        let lines = informative.flatMap { $0.split(separator: "\n").map(String.init) }.filter { seen.insert($0).inserted }
        return lines.isEmpty ? (said.first ?? kind) : lines.joined(separator: "\n")
    }

    private func deliver(_ events: [ExplanationEvent], for ticket: ExplanationTicket) {
        let queued = state.withLock { s in
            // A request cancelled meanwhile sends nothing more.
            guard s.running.remove(ticket.id) != nil else { return false }
            s.queue += events.map { (ticket, $0) }
            return true
        }
        if queued { wake?.signal() }
    }
}
