import Explanations
import Foundation
import Glibc
import Rules
import Testing
@testable import Explainer

/// The kiosk's side of `kiosk-explainer`: the real worker binary, the scripted model server,
/// and every way the worker can fail the kiosk — each ending with the kiosk's own template.
@Suite(.serialized) struct WorkerServiceTests {
    static var workerBinary: String {
        if let bin = ProcessInfo.processInfo.environment["KIOSK_BIN"] {
            return URL(fileURLWithPath: bin).deletingLastPathComponent().appendingPathComponent("kiosk-explainer").path
        }
        return Fixtures.repoRoot.appendingPathComponent(".build/debug/kiosk-explainer").path
    }

    static let request = ExplanationRequest(
        subject: .result, facts: FactsJSON.encode(Fixtures.elder.facts.facts), day: Fixtures.day.description, language: "ko")
    static let template = "(the kiosk's own template)"

    func service(_ url: URL?, deadline: Duration = .seconds(20), watchdog: Duration? = nil,
                 executable: String = workerBinary) -> WorkerExplanationService {
        var arguments = ["--config", Fixtures.repoRoot.appendingPathComponent("kiosk.conf").path,
                         "--deadline-ms", String(Int(deadline.milliseconds))]
        if let url { arguments += ["--llm", url.absoluteString] }
        return WorkerExplanationService(
            configuration: .init(executable: executable, arguments: arguments, errors: .inherit,
                                 watchdog: watchdog ?? deadline + WorkerExplanationService.watchdogMargin, restartDelay: .zero),
            fallback: { _ in Self.template })
    }

    /// Waits on the wake descriptor as the kiosk's loop does, until the ticket finishes.
    func collect(_ service: WorkerExplanationService, _ ticket: ExplanationTicket, within limit: Duration = .seconds(30),
                 after: (() -> Void)? = nil) -> (events: [ExplanationEvent], templateAt: Double?) {
        let clock = ContinuousClock()
        let start = clock.now
        var events: [ExplanationEvent] = []
        var templateAt: Double?
        after?()
        while clock.now - start < limit {
            var descriptor = pollfd(fd: service.wakeDescriptor!, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 250)
            for (from, event) in service.poll() where from == ticket {
                events.append(event)
                if case .template = event { templateAt = (clock.now - start).milliseconds }
                if case .finished = event { return (events, templateAt) }
            }
        }
        return (events, templateAt)
    }

    func outcome(_ events: [ExplanationEvent]) -> ExplanationOutcome? {
        for case .finished(let outcome) in events { return outcome }
        return nil
    }

    @Test func aGroundedAnswerComesThroughTheWorker() throws {
        let service = service(ScriptedServer.shared.url("ok", ScriptedServerTests.grounded))
        defer { service.shutdown() }
        let run = collect(service, service.begin(Self.request))
        let end = try #require(outcome(run.events))
        #expect(end.source == .llm, "\(String(describing: end.detail))")
        #expect(run.events.contains { if case .sentence(let s) = $0 { s.hasPrefix("기초연금은 받을 수 있어요.") } else { false } })
    }

    @Test func aWrongAmountIsLeftOutInTheWorker() throws {
        let service = service(ScriptedServer.shared.url("ok", ScriptedServerTests.namesAllThenWrongAmount))
        defer { service.shutdown() }
        let end = try #require(outcome(collect(service, service.begin(Self.request)).events))
        #expect(end.source == .llm)
        #expect(end.fallbackReason == .dropped)
        #expect(end.text == ScriptedServerTests.namesAll)
    }

    @Test func aRefusedAnswerIsReplacedInTheWorker() throws {
        let service = service(ScriptedServer.shared.url("ok", "기초연금은 못 받아요. 생계급여를 받을 수 있어요."))
        defer { service.shutdown() }
        let end = try #require(outcome(collect(service, service.begin(Self.request)).events))
        #expect(end.source == .template)
        #expect(end.fallbackReason == .ungrounded)
    }

    @Test func aStallEndsWithTheTemplateWithinTheDeadline() throws {
        let deadline = Duration.milliseconds(1200)
        let service = service(ScriptedServer.shared.url("stall", ScriptedServerTests.grounded), deadline: deadline)
        defer { service.shutdown() }
        usleep(300_000)  // the kiosk starts its worker long before the first citizen finishes
        let run = collect(service, service.begin(Self.request))
        #expect(outcome(run.events)?.fallbackReason == .timeout)
        let at = try #require(run.templateAt)
        #expect(at <= deadline.milliseconds + 100, "template after \(at) ms")
        print("worker stall: template after \(Int(at)) ms (deadline \(Int(deadline.milliseconds)) ms)")
    }

    @Test func aWorkerKilledMidAnswerFallsBackAtOnce() throws {
        let service = service(ScriptedServer.shared.url("stall", ScriptedServerTests.grounded))
        defer { service.shutdown() }
        let pid = try #require(service.workerPID)
        let ticket = service.begin(Self.request)
        usleep(200_000)
        let run = collect(service, ticket, within: .seconds(5)) { kill(pid, SIGKILL) }
        let end = try #require(outcome(run.events))
        #expect(end.fallbackReason == .unavailable)
        #expect(end.text == Self.template)
        #expect(try #require(run.templateAt) < 500)
    }

    @Test func aWorkerThatStopsAnsweringIsLeftAfterTheWatchdog() throws {
        let service = service(ScriptedServer.shared.url("ok", ScriptedServerTests.grounded),
                              deadline: .seconds(20), watchdog: .milliseconds(700))
        defer { service.shutdown() }
        let pid = try #require(service.workerPID)
        kill(pid, SIGSTOP)
        let run = collect(service, service.begin(Self.request), within: .seconds(5))
        #expect(outcome(run.events)?.fallbackReason == .timeout)
        let at = try #require(run.templateAt)
        #expect(at >= 690 && at <= 800, "template after \(at) ms")
    }

    @Test func aMissingWorkerMeansTheTemplateAtOnce() throws {
        let service = service(nil, executable: "/nonexistent/kiosk-explainer")
        defer { service.shutdown() }
        #expect(service.workerPID == nil)
        let run = collect(service, service.begin(Self.request), within: .seconds(2))
        #expect(outcome(run.events)?.fallbackReason == .unavailable)
        #expect(try #require(run.templateAt) < 50)
    }

    @Test func aRequestTheWorkerCannotReadEndsWithTheKiosksTemplate() throws {
        let service = service(nil)
        defer { service.shutdown() }
        var bad = Self.request
        bad.facts = "{\"age\": -4}"
        let run = collect(service, service.begin(bad))
        #expect(outcome(run.events)?.fallbackReason == .malformed)
        #expect(outcome(run.events)?.text == Self.template)
    }

    @Test func withoutAModelTheWorkerSendsTheTemplate() throws {
        let service = service(nil)
        defer { service.shutdown() }
        let run = collect(service, service.begin(Self.request))
        let end = try #require(outcome(run.events))
        #expect(end.source == .template && end.fallbackReason == nil)
        #expect(end.text == TemplateExplainer(catalog: Fixtures.locales.catalog(.ko)).text(Fixtures.elderSheet))
    }

    @Test func aCancelledRequestSendsNothingMore() throws {
        let service = service(ScriptedServer.shared.url("slow", ScriptedServerTests.grounded))
        defer { service.shutdown() }
        let ticket = service.begin(Self.request)
        usleep(100_000)
        service.cancel(ticket)
        usleep(1_500_000)
        #expect(service.poll().allSatisfy { $0.ticket != ticket })
    }

    @Test func shutdownLeavesNoWorkerBehind() throws {
        let service = service(nil)
        let pid = try #require(service.workerPID)
        #expect(kill(pid, 0) == 0)
        service.shutdown()
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test func aDeadWorkerIsStartedAgainForTheNextRequest() throws {
        let service = service(nil)
        defer { service.shutdown() }
        let first = try #require(service.workerPID)
        kill(first, SIGKILL)
        usleep(200_000)
        _ = service.poll()
        #expect(service.workerPID == nil)
        let run = collect(service, service.begin(Self.request))
        #expect(outcome(run.events)?.fallbackReason == nil)
        #expect(service.workerPID != nil && service.workerPID != first)
    }
}
