import Explanations
@testable import KioskApp
import Rules
import SessionLog
import Settings
import Terminal
import TerminalTesting
import Testing

/// A kiosk whose explainer is given: the scripted double, or the real local service.
enum AskFixture {
    static func kiosk(size: Size = Size(width: 80, height: 24), explanations: (any ExplanationService)? = nil,
                      recorder: any SessionRecorder = MemorySessionRecorder()) -> (KioskApp, Pilot, Citizen) {
        let pilot = Pilot(size: size, palette: Palette(theme: Fixture.resources.theme))
        let clock = ManualClock()
        let app = KioskApp(terminal: pilot.terminal, resources: Fixture.resources, rules: Fixture.rules, recorder: recorder,
                           clock: { clock.now }, explanations: explanations)
        app.start()
        return (app, pilot, Citizen(app: app, pilot: pilot))
    }

    /// Polls the real service until nothing is on its way (a few milliseconds for templates).
    /// Sleeps as a task, not a thread: the service works on the same cooperative pool, which a
    /// test on a two-core machine must not hold.
    /// Polls once more after every wait, so a test resumed late (the pool busy with others)
    /// still sees what arrived meanwhile.
    static func settle(_ app: KioskApp, within seconds: Double = 30) async {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while true {
            app.pollExplanations()
            if !app.awaitsExplanation || ContinuousClock.now >= deadline { return }
            try? await Task.sleep(for: .milliseconds(2))
        }
    }

    static func text(_ key: LocaleKey, _ language: Language = .ko, _ args: [String: String] = [:]) -> String {
        Fixture.resources.locales.catalog(language).text(key, args)
    }
}

/// The results' "쉬운 설명" as events arrive from the seam, with a scripted service.
@Suite("Explanation section")
struct ExplanationSectionTests {
    @Test("the results are drawn at once with a waiting line; sentences appear poll by poll; a template replaces them")
    func sentencesThenTemplate() throws {
        let service = ScriptedExplanationService()
        let (app, pilot, citizen) = AskFixture.kiosk(size: Size(width: 120, height: 90), explanations: service)
        citizen.reachResults(Households.olderAlone)
        #expect(app.state.step == .results)
        let (ticket, request) = try #require(service.requests.last)
        #expect(request.subject == .result)
        #expect(request.language == "ko")
        #expect(request.day == "2026-06-01")
        // The request carries the facts only, and they are the session's.
        #expect(try FactsJSON.parse(request.facts, vocabulary: Fixture.rules.vocabulary) == app.state.session.facts)
        #expect(pilot.screenText.contains(AskFixture.text("ask.explain_heading")))
        #expect(pilot.screenText.contains(AskFixture.text("ask.preparing")))

        service.send(ticket, .sentence("첫째 문장이에요."))
        #expect(app.pollExplanations() != nil)
        #expect(pilot.screenText.contains("첫째 문장이에요."))
        #expect(!pilot.screenText.contains(AskFixture.text("ask.preparing")))
        service.send(ticket, .sentence("둘째 문장이에요."))
        app.pollExplanations()
        #expect(pilot.screenText.contains("첫째 문장이에요."))
        #expect(pilot.screenText.contains("둘째 문장이에요."))
        #expect(app.pollExplanations() == nil, "nothing new, no frame")

        service.send(ticket, .template("템플릿 설명이에요.", reason: .ungrounded))
        app.pollExplanations()
        #expect(!pilot.screenText.contains("첫째 문장이에요."))
        #expect(pilot.screenText.contains("템플릿 설명이에요."))
        let outcome = ExplanationOutcome(source: .template, fallbackReason: .ungrounded, detail: "a wrong amount",
                                         text: "템플릿 설명이에요.", firstTokenMilliseconds: 12, totalMilliseconds: 40)
        service.send(ticket, .finished(outcome))
        app.pollExplanations()
        #expect(app.state.session.explainer == .fallback("ungrounded"))
        #expect(app.state.session.explanationLatencyMs != nil)
        #expect(!app.awaitsExplanation)
    }

    @Test("a model's explanation is recorded as the model's, by the [llm] model name")
    func modelRecorded() throws {
        let service = ScriptedExplanationService()
        let (app, _, citizen) = AskFixture.kiosk(explanations: service)
        citizen.reachResults(Households.youngRenter)
        let ticket = try #require(service.requests.last?.ticket)
        service.send(ticket, .sentence("월세 지원을 받을 수 있어요."), .finished(ExplanationOutcome(
            source: .llm, fallbackReason: nil, detail: nil, text: "월세 지원을 받을 수 있어요.", firstTokenMilliseconds: 5, totalMilliseconds: 9)))
        app.pollExplanations()
        #expect(app.state.session.explainer == .model(Fixture.resources.config.llm.model))
    }

    @Test("events for a cancelled or old ticket change nothing")
    func staleTicketIgnored() throws {
        let service = ScriptedExplanationService()
        let (app, pilot, citizen) = AskFixture.kiosk(explanations: service)
        citizen.reachResults(Households.olderAlone)
        service.send(ExplanationTicket(id: 999), .sentence("다른 요청의 문장이에요."))
        #expect(app.pollExplanations() == nil)
        #expect(!pilot.screenText.contains("다른 요청의 문장이에요."))
    }

    @Test("leaving the results for the review cancels the explanation; a wipe cancels everything")
    func cancelOnLeaveAndWipe() throws {
        let service = ScriptedExplanationService()
        let (app, pilot, citizen) = AskFixture.kiosk(explanations: service)
        citizen.reachResults(Households.olderAlone)
        let first = try #require(service.requests.last?.ticket)
        pilot.press(.character("."))
        app.drain()
        #expect(app.state.step == .review)
        #expect(service.cancelled.contains(first))
        #expect(app.state.explanation == nil)

        citizen.showResults()
        #expect(app.state.step == .results)
        let second = try #require(service.requests.last?.ticket)
        #expect(second != first)
        // A detail page keeps the results' explanation: it is part of the results.
        let program = try #require(app.currentPage.choices.first { if case .open = $0.action { true } else { false } })
        pilot.press(.character("1"))
        app.drain()
        if case .open(let ref) = program.action { #expect(app.state.step == .detail(ref)) }
        #expect(!service.cancelled.contains(second))
        let before = service.cancelAllCount
        app.wipe()
        #expect(service.cancelAllCount == before + 1)
        #expect(app.state.explanation == nil)
    }

    @Test("the section and the question buttons fit the 40x12 layout, reached by scrolling")
    func compact() throws {
        let service = ScriptedExplanationService()
        let (app, pilot, citizen) = AskFixture.kiosk(size: Size(width: 40, height: 12), explanations: service)
        citizen.reachResults(Households.olderAlone)
        let page = app.currentPage
        #expect(page.choices.contains { $0.action == .openKeyboard })
        #expect(TouchJourneyTests.tap(.openKeyboard, app, pilot))
        #expect(app.state.step == .ask)
    }
}
