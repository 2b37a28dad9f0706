import Explanations

/// A test double of the explanation seam: records what the kiosk asks and cancels, and hands
/// out exactly the events a test scripts, when the test says, so screens can be checked
/// between one event and the next.
final class ScriptedExplanationService: ExplanationService {
    private(set) var requests: [(ticket: ExplanationTicket, request: ExplanationRequest)] = []
    private(set) var cancelled: [ExplanationTicket] = []
    private(set) var cancelAllCount = 0
    private var pending: [(ticket: ExplanationTicket, event: ExplanationEvent)] = []
    private var next = 0

    func begin(_ request: ExplanationRequest) -> ExplanationTicket {
        next += 1
        let ticket = ExplanationTicket(id: next)
        requests.append((ticket, request))
        return ticket
    }

    func cancel(_ ticket: ExplanationTicket) {
        cancelled.append(ticket)
        pending.removeAll { $0.ticket == ticket }
    }

    func cancelAll() {
        cancelAllCount += 1
        cancelled += requests.map(\.ticket)
        pending.removeAll()
    }

    func poll() -> [(ticket: ExplanationTicket, event: ExplanationEvent)] {
        defer { pending.removeAll() }
        return pending
    }

    var wakeDescriptor: Int32? { nil }

    func shutdown() { cancelAll() }

    /// Queues events for the next `poll()`.
    func send(_ ticket: ExplanationTicket, _ events: ExplanationEvent...) {
        pending += events.map { (ticket, $0) }
    }
}
