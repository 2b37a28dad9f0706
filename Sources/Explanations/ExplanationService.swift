/// Explains results without the kiosk ever waiting on it.
///
/// The kiosk's event loop is synchronous and must stay responsive, so nothing here blocks:
/// `begin` returns at once, events are collected with `poll()`, and `wakeDescriptor` (when
/// there is one) becomes readable as soon as `poll()` has something, so the loop can sleep on
/// the keyboard and the explainer together. Every request ends with exactly one `.finished`
/// event unless it is cancelled; a cancelled request sends nothing more.
public protocol ExplanationService: AnyObject {
    /// Starts explaining; the events come through `poll()`.
    func begin(_ request: ExplanationRequest) -> ExplanationTicket
    /// Stops one request (the citizen left the screen).
    func cancel(_ ticket: ExplanationTicket)
    /// Stops every request (the session was wiped).
    func cancelAll()
    /// Events that arrived since the last call, in order. Never blocks.
    func poll() -> [(ticket: ExplanationTicket, event: ExplanationEvent)]
    /// Readable when `poll()` has events; nil for a service that has no descriptor.
    var wakeDescriptor: Int32? { get }
    /// Ends everything in flight and releases the service; for process exit.
    func shutdown()
}
