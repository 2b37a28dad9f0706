import ExplainerHTTP
import Explanations
import Foundation
import Rules
import Settings
import Testing
@testable import Explainer

/// The explainer against a scripted OpenAI-compatible server: every way a real server can
/// fail, each ending with the template on screen no later than its deadline + 250 ms. The
/// slack is the scheduler's, not the explainer's: under the whole suite on two cores a timer
/// fires up to ~110 ms late (kiosk-bench's explain figures measure the deadline on a quiet core).
@Suite(.serialized) struct ScriptedServerTests {
    static let firstToken = Duration.milliseconds(800)
    static let total = Duration.milliseconds(1600)
    static let slack = 250.0

    /// A grounded explanation, built from the sheet so its figures are the engine's own.
    static var grounded: String {
        let pension = Fixtures.elderSheet.programs.first { $0.id == "basic_pension" }!
        return "기초연금은 받을 수 있어요. 한 달에 \(KoreanMoney.format(Double(pension.monthly!.value)))을 받을 수 있어요. 최종 결정은 행정복지센터에서 해요."
    }

    static var wrongAmount: String {
        let pension = Fixtures.elderSheet.programs.first { $0.id == "basic_pension" }!
        return "기초연금은 받을 수 있어요. 한 달에 \(KoreanMoney.format(Double(pension.monthly!.value + 30_000)))을 받을 수 있어요."
    }

    /// Every eligible programme said to be received, then a wrong amount: the wrong sentence can
    /// be left out because what remains still explains the result.
    static var namesAllThenWrongAmount: String {
        let eligible = Fixtures.elderSheet.programs.filter { $0.status == .eligible }
        let pension = Fixtures.elderSheet.programs.first { $0.id == "basic_pension" }!
        return eligible.map { "\($0.names["ko"]!): 받을 수 있어요." }.joined(separator: " ")
            + " 기초연금은 한 달에 \(KoreanMoney.format(Double(pension.monthly!.value + 30_000)))을 받을 수 있어요."
    }

    static var namesAll: String {
        Fixtures.elderSheet.programs.filter { $0.status == .eligible }.map { "\($0.names["ko"]!): 받을 수 있어요." }.joined(separator: "\n")
    }

    struct Run {
        var events: [ExplanationEvent] = []
        var outcome: ExplanationOutcome!
        /// When the template event arrived, from the call.
        var templateAt: Double?
        var shown: String {
            var text: [String] = []
            for e in events {
                switch e {
                case .sentence(let s): text.append(s)
                case .template(let t, _), .replace(let t, _): text = [t]
                case .finished: break
                }
            }
            return text.joined(separator: "\n")
        }
    }

    /// Deadlines a passing answer should never meet, even while the whole suite loads both
    /// cores: those tests are about what is shown, the fault tests about when.
    static let relaxed = (firstToken: Duration.seconds(20), total: Duration.seconds(30))

    func explain(_ url: URL, language: Language = .ko,
                 deadlines: (firstToken: Duration, total: Duration) = (firstToken, total)) async -> Run {
        let connect: Duration = deadlines.firstToken > Self.firstToken ? .seconds(5) : .milliseconds(300)
        let settings = ExplainerSettings(endpoint: url, connectTimeout: connect, firstTokenDeadline: deadlines.firstToken,
                                         totalDeadline: deadlines.total, explainPrompt: "설명해 주세요.")
        let explainer = Explainer.connecting(settings: settings, locales: Fixtures.locales)
        var run = Run()
        let start = ContinuousClock.now
        for await event in explainer.explain(Fixtures.elder, language: language) {
            run.events.append(event)
            if case .template = event { run.templateAt = (ContinuousClock.now - start).milliseconds }
            if case .replace = event { run.templateAt = (ContinuousClock.now - start).milliseconds }
            if case .finished(let o) = event { run.outcome = o }
        }
        await explainer.shutdown()
        return run
    }

    var template: String { TemplateExplainer(catalog: Fixtures.locales.catalog(.ko)).text(Fixtures.elderSheet) }

    @Test func aGroundedAnswerPasses() async {
        let run = await explain(ScriptedServer.shared.url("ok", Self.grounded), deadlines: Self.relaxed)
        #expect(run.outcome.source == .llm, "\(String(describing: run.outcome.detail))")
        #expect(run.outcome.fallbackReason == nil)
        #expect(run.shown == Self.grounded.replacingOccurrences(of: "요. ", with: "요.\n"))
        #expect(run.events.filter { if case .sentence = $0 { true } else { false } }.count == 3)
        #expect(run.outcome.firstTokenMilliseconds != nil)
    }

    @Test func aKoreanCharacterSplitAcrossChunksArrivesWhole() async {
        let run = await explain(ScriptedServer.shared.url("split", Self.grounded), deadlines: Self.relaxed)
        #expect(run.outcome.source == .llm, "\(String(describing: run.outcome.detail))")
        #expect(run.shown.contains("기초연금은 받을 수 있어요."))
        #expect(!run.shown.contains("\u{FFFD}"))
    }

    @Test func closingAfterTheFinishReasonWithoutDoneIsFine() async {
        let run = await explain(ScriptedServer.shared.url("noclose", Self.grounded), deadlines: Self.relaxed)
        #expect(run.outcome.source == .llm, "\(String(describing: run.outcome.detail))")
    }

    @Test func escapeSequencesNeverReachTheScreen() async {
        let run = await explain(ScriptedServer.shared.url("escape", Self.grounded), deadlines: Self.relaxed)
        #expect(run.outcome.source == .llm, "\(String(describing: run.outcome.detail))")
        let scalars = run.shown.unicodeScalars
        #expect(!scalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!scalars.contains { $0.value == 0x202E || $0.value == 0x200B })
        #expect(run.shown.contains("기초연금은 받을 수 있어요."))
    }

    @Test func aWrongAmountIsLeftOutWhileTheRestStillExplains() async {
        let run = await explain(ScriptedServer.shared.url("ok", Self.namesAllThenWrongAmount), deadlines: Self.relaxed)
        #expect(run.outcome.source == .llm)
        #expect(run.outcome.fallbackReason == .dropped)
        #expect(run.shown == Self.namesAll)
        #expect(!(run.outcome.detail ?? "").contains("원"), "the detail names the category, never the figure")
    }

    /// The true sentence was shown; what remained no longer explained the result (the eligible
    /// 기초연금 is never said to be received), so the template replaces it in one step.
    @Test func whatNoLongerExplainsIsReplacedByTheTemplate() async {
        let answer = "최종 결정은 행정복지센터에서 해요. 기초연금은 못 받아요. 생계급여를 받을 수 있어요."
        let run = await explain(ScriptedServer.shared.url("ok", answer), deadlines: Self.relaxed)
        #expect(run.outcome.source == .template)
        #expect(run.outcome.fallbackReason == .ungrounded)
        #expect(run.shown == template)
        #expect(run.events.first == .sentence("최종 결정은 행정복지센터에서 해요."))
        #expect(run.events.contains { if case .replace(_, .ungrounded) = $0 { true } else { false } })
    }

    @Test(arguments: [
        ("stall", FallbackReason.timeout, ScriptedServerTests.firstToken),
        ("slow", FallbackReason.timeout, ScriptedServerTests.total),
        ("cut", FallbackReason.malformed, ScriptedServerTests.total),
        ("loading", FallbackReason.unavailable, ScriptedServerTests.firstToken),
        ("malformed", FallbackReason.malformed, ScriptedServerTests.total),
        ("error", FallbackReason.unavailable, ScriptedServerTests.total),
    ])
    func everyFaultShowsTheTemplateWithinTheDeadline(scenario: String, reason: FallbackReason, deadline: Duration) async throws {
        let run = await explain(ScriptedServer.shared.url(scenario, Self.grounded))
        #expect(run.outcome.source == .template)
        #expect(run.outcome.fallbackReason == reason, "\(scenario): \(String(describing: run.outcome.detail))")
        #expect(run.shown == template)
        let at = try #require(run.templateAt)
        #expect(at <= deadline.milliseconds + Self.slack, "\(scenario): template after \(at) ms")
        print("fault \(scenario): template on screen after \(Int(at)) ms (deadline \(Int(deadline.milliseconds)) ms)")
    }

    @Test func aServerThatIsNotThereFallsBackAtOnce() async throws {
        // Port 9 (discard) has no listener on a test machine: the connection is refused.
        let run = await explain(URL(string: "http://127.0.0.1:9")!)
        #expect(run.outcome.fallbackReason == .unavailable)
        #expect(try #require(run.templateAt) <= Self.firstToken.milliseconds + Self.slack)
    }

    @Test func droppingTheStreamCancelsTheRequest() async throws {
        let settings = ExplainerSettings(endpoint: ScriptedServer.shared.url("stall"), firstTokenDeadline: .seconds(20),
                                         totalDeadline: .seconds(30), explainPrompt: "")
        let explainer = Explainer.connecting(settings: settings, locales: Fixtures.locales)
        let start = ContinuousClock.now
        let consumer = Task { for await _ in explainer.explain(Fixtures.elder, language: .ko) {} }
        try await Task.sleep(for: .milliseconds(200))
        explainer.cancelAll()   // a session wipe
        await consumer.value
        #expect((ContinuousClock.now - start) < .seconds(2))
        #expect(explainer.fallbackCounts.isEmpty, "a cancellation is not a fallback")
        await explainer.shutdown()
    }

    @Test func fallbacksAreCounted() async {
        let settings = ExplainerSettings(endpoint: ScriptedServer.shared.url("loading"), explainPrompt: "")
        let explainer = Explainer.connecting(settings: settings, locales: Fixtures.locales)
        for _ in 0..<2 { for await _ in explainer.explain(Fixtures.elder, language: .ko) {} }
        #expect(explainer.fallbackCounts == [.unavailable: 2])
        await explainer.shutdown()
    }

    @Test func withoutAnEndpointTheTemplateComesAtOnce() async {
        let explainer = Explainer(settings: ExplainerSettings(endpoint: nil), locales: Fixtures.locales)
        var events: [ExplanationEvent] = []
        for await e in explainer.explain(Fixtures.elder, language: .vi) { events.append(e) }
        let vi = TemplateExplainer(catalog: Fixtures.locales.catalog(.vi)).text(FactSheet(Fixtures.elder, language: .vi))
        #expect(events.first == .template(vi, reason: nil))
        guard case .finished(let o)? = events.last else { Issue.record("no outcome"); return }
        #expect(o.source == .template && o.fallbackReason == nil)
    }
}
