import Foundation
@testable import KioskApp
import Rules
import SessionLog
import Settings
import Terminal
import TerminalTesting
import Testing

@Suite("Demo mode")
struct DemoModeTests {
    static let personas: [Persona] = try! Personas.load(directory: Fixture.resources.config.paths.rules.path,
                                                        vocabulary: Fixture.rules.vocabulary)

    static func statuses(_ evaluations: [Evaluation]) -> [String: Status] {
        var out: [String: Status] = [:]
        for evaluation in evaluations {
            for result in evaluation.programs { out[evaluation.pack.id + "/" + result.id.rawValue] = result.status }
        }
        return out
    }

    /// Each persona plays the real journey to its results, which say what `eval` says for the
    /// same facts; then the detail page, the goodbye, and back to the persona list.
    @Test(arguments: 0..<6)
    func everyPersonaReachesTheResultsEvalGives(index: Int) throws {
        let recorder = MemorySessionRecorder()
        let (app, _) = Fixture.kiosk(recorder: recorder)
        app.openDemo()
        #expect(app.state.demo?.personas.count == Self.personas.count)
        let steps = app.playWholePersona(index, stopAt: .results)
        let persona = Self.personas[index]
        #expect(app.state.step == .results, "\(persona.id) stopped at \(app.state.step) after \(steps) steps")
        let results = try #require(app.state.results)
        #expect(Self.statuses(results.evaluations) == Self.statuses(Fixture.rules.evaluate(persona.facts)), "\(persona.id)")
        #expect(app.state.session.isDemo)

        var seen: [Step] = []
        while app.state.demo?.playing != nil {
            seen.append(app.state.step)
            app.demoStep()
        }
        #expect(seen.contains { if case .detail = $0 { true } else { false } }, "a detail page is shown")
        #expect(seen.last == .goodbye)
        #expect(app.state.demo != nil && app.state.demo?.playing == nil, "back on the persona list")
        #expect(!recorder.summaries.isEmpty)
        #expect(recorder.summaries.allSatisfy { $0.isDemo }, "every session a demo played is flagged")
        #expect(recorder.summaries.contains { $0.reachedResults && $0.isDemo })
    }

    /// The family in crisis qualifies for 긴급복지 and 생계급여, received instead of each other:
    /// its total adds the larger and names the other with the reason, where it added both
    /// ("매달 417만 2916원" in the demo); its 긴급복지 page says what it is received instead of.
    @Test func theTotalAddsOnlyWhatIsReceivedTogether() throws {
        let (app, pilot) = Fixture.kiosk(size: Size(width: 120, height: 40))
        app.openDemo()
        let index = try #require(Self.personas.firstIndex { $0.id == "family_in_crisis" })
        app.playWholePersona(index, stopAt: .results)
        let results = try #require(app.state.results)
        let welfare = results.evaluations[0]
        let livelihood = try #require(welfare["livelihood_benefit"]?.monthlyAmount).value
        let emergency = try #require(welfare["emergency_welfare"]?.monthlyAmount).value
        let allMonthly = results.items(.eligible).reduce(0) { $0 + ($1.result.monthlyAmount?.value ?? 0) }
        #expect(results.total.monthly == allMonthly - min(livelihood, emergency))
        let texts = app.journeyPage.items.compactMap { if case .text(let t, _) = $0 { t } else { nil } }
        let shown = MoneyText.format(results.total.monthly, in: .ko)
        #expect(texts.contains { $0.hasPrefix("받을 수 있는 금액: ") && $0.contains("매달 \(shown)") }, "\(texts)")
        #expect(texts.contains { $0.hasPrefix("합계에서 뺀 혜택 — 긴급복지 생계지원: ") }, "\(texts)")
        app.start()
        let screen = (0..<40).map { pilot.screen.text(row: $0) }.joined(separator: "\n")
        #expect(screen.contains("합계에서 뺀 혜택 — 긴급복지 생계지원"), "\(screen)")
        #expect(!screen.contains("매달 \(MoneyText.format(allMonthly, in: .ko))"))
        app.state.detail = ProgramRef(pack: 0, id: "emergency_welfare")
        let detail = app.journeyPage.items.compactMap { if case .text(let t, _) = $0 { t } else { nil } }
        #expect(detail.contains { $0.hasPrefix("함께 받을 수 없는 혜택 — 생계급여: ") }, "\(detail)")
        // "왜 안 돼요?" only where something is not received.
        func asksWhy() -> Bool {
            app.journeyPage.items.contains { if case .choices(let c) = $0 { c.contains { $0.label == "왜 안 돼요?" } } else { false } }
        }
        #expect(!asksWhy())
        app.state.detail = ProgramRef(pack: 0, id: "basic_pension")
        #expect(welfare["basic_pension"]?.status == .ineligible)
        #expect(asksWhy())
    }

    /// Every screen of a played session shows the banner on its last row, at both sizes.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 40, height: 12)])
    func theBannerIsOnEveryDemoScreen(size: Size) {
        let (app, pilot) = Fixture.kiosk(size: size)
        app.openDemo()
        pilot.press(.enter)
        app.drain()
        #expect(app.state.demo?.playing == 0)
        var screens = 0
        while app.state.demo?.playing != nil {
            let last = pilot.screen.text(row: size.height - 1)
            #expect(last.contains("시연 중 | DEMO"), "step \(screens) at \(app.state.step): \(last)")
            pilot.press(.enter)
            app.drain()
            screens += 1
        }
        #expect(screens > 20)
        #expect(!pilot.screen.text(row: size.height - 1).contains("DEMO"), "the persona list is staff's, not a demo screen")
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 40, height: 12)], [Language.ko, .en])
    func demoSnapshots(size: Size, language: Language) {
        let (app, pilot) = Fixture.kiosk(size: size)
        app.state.session.language = language
        app.openDemo()
        app.start()
        #expect(Snapshot.verify(pilot.screen, named: "demo-list-\(language.rawValue)-\(size)") == nil)
        app.playWholePersona(1, stopAt: .question)
        while app.state.session.question?.kind != .amount { app.demoStep() }
        app.demoStep()
        app.start()
        #expect(Snapshot.verify(pilot.screen, named: "demo-amount-\(language.rawValue)-\(size)") == nil)
        while app.state.step != .results { app.demoStep() }
        app.start()
        #expect(Snapshot.verify(pilot.screen, named: "demo-results-\(language.rawValue)-\(size)") == nil)
    }

    @Test func continuousModePlaysAtThePaceAndStaffTimeOut() {
        let clock = ManualClock()
        let (app, pilot) = Fixture.kiosk(clock: clock)
        app.openDemo()
        // The pace button follows the six personas; then the first persona plays.
        pilot.press(.character("7"), .character("1"))
        app.drain()
        #expect(app.state.demo?.playing == 0 && app.state.demo?.continuous == true)
        #expect(app.state.step == .attract)
        clock.advance(app.demoStepInterval / 2)
        app.tick()
        #expect(app.state.step == .attract, "not before the pace")
        clock.advance(app.demoStepInterval / 2)
        app.tick()
        #expect(app.state.step == .language)
        for _ in 0..<3 {
            clock.advance(app.demoStepInterval)
            app.tick()
        }
        #expect(app.state.step == .question)
        // Left alone, demo mode ends like staff mode: back to the citizen's attract screen.
        clock.advance(app.demoTimeout)
        app.tick()
        #expect(app.state.demo == nil)
        #expect(app.state.step == .attract)
        #expect(!pilot.screen.text(row: 23).contains("DEMO"))
    }

    @Test func keysStopAPersonaAndLeaveDemoMode() {
        let (app, pilot) = Fixture.kiosk()
        app.openDemo()
        pilot.press(.right, .enter)
        app.drain()
        #expect(app.state.demo?.playing == 1)
        pilot.press(.enter, .enter)
        app.drain()
        #expect(app.state.step == .privacy)
        pilot.press(.character("."))
        app.drain()
        #expect(app.state.demo?.playing == nil)
        #expect(app.state.focus == 1, "the list keeps its place")
        pilot.press(.character("."))
        app.drain()
        #expect(app.state.demo == nil)
    }

    @Test func aTouchPlaysTheNextStep() {
        let (app, pilot) = Fixture.kiosk()
        app.openDemo()
        app.start()
        #expect(pilot.tap(on: Self.personas[2].name.ko))
        app.drain()
        #expect(app.state.demo?.playing == 2)
        pilot.tap(x: 40, y: 12)
        app.drain()
        #expect(app.state.step == .language)
    }

    /// Played sessions land in a real SQLite log flagged as demos, and `stats` counts none.
    @Test func demoSessionsAreLoggedFlaggedAndNeverCounted() throws {
        let folder = try SimulateFolder()
        let db = folder.path("log.sqlite")
        let config = Fixture.resources.config
        let writer = SessionLogWriter.open(path: db, anonymizer: Anonymizer(kioskID: "test", timeZone: config.log.timeZone))
        let recorder = LogSessionRecorder(writer: writer, retention: RetentionPolicy(keepDays: config.log.retentionDays, timeZone: config.log.timeZone))
        let pilot = Pilot(size: Size(width: 80, height: 24), palette: Palette(theme: Fixture.resources.theme))
        let app = KioskApp(terminal: pilot.terminal, resources: Fixture.resources, rules: Fixture.rules, recorder: recorder)
        app.start()
        app.openDemo()
        for index in Self.personas.indices { app.playWholePersona(index) }
        app.shutdown()

        let database = try SessionDatabase.open(path: db)
        let rows = try database.sessionCount()
        #expect(rows >= Self.personas.count)
        let now = CivilTime(Date(), timeZone: config.log.timeZone)
        let logMonth = try #require(LogMonth(year: now.year, month: now.month))
        // The rows are there, and the statistics count none of them: each is flagged a demo.
        #expect(try database.monthlyCounts(logMonth).sessions == 0)
        try database.close()

        let month = "\(logMonth)"
        let stats = try runKiosk(["stats", "--config", kioskConf, "--db", db, "--month", month, "--format", "json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(json["sessions"] as? Int == 0, "demonstrations are logged but never counted")
    }
}
