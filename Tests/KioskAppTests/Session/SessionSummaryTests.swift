import Foundation
import KioskApp
import Rules
import SessionLog
import Terminal
import TerminalTesting
import Testing

@Suite("What a session leaves in the log")
struct SessionSummaryTests {
    @Test func aFinishedSessionIsReducedToBands() {
        var session = SessionFixture.asking()
        var truth = SessionFixture.olderAlone
        truth["crisis"] = nil
        SessionFixture.answerAll(&session, from: truth)
        session.showResults()
        session.goodbye()
        let summary = SessionSummary(session)
        #expect(summary.exitStep == "goodbye")
        #expect(summary.reachedResults)
        #expect(summary.questionsAsked == session.history.count)
        #expect(summary.unknownFacts == session.history.filter { session.answers[$0] == .unknown }.map(\.rawValue))
        #expect(summary.outcomes.count == session.results.items.count)
        #expect(summary.outcomes["basic_pension"] == .eligible)
        #expect(summary.outcomes["emergency_welfare"] == .undetermined)
        #expect(summary.unknownFacts == ["crisis"])

        let stored = Anonymizer(kioskID: "kiosk-1").anonymize(summary)
        #expect(stored.age == .from75)
        #expect(stored.language.rawValue == "ko")
        #expect(stored.exitStep.rawValue == "goodbye")
    }

    @Test func theIncomeBandIsRecognisedIncomeOverTheMedian() throws {
        var session = SessionFixture.asking()
        // 1 person, nothing but 60만 원 of other income: 소득인정액 600,000 against the 2026
        // single-person median.
        let truth: [FactKey: FactValue] = [
            "age": .number(45), "household_size": .number(1), "earned_income_krw": .number(0), "other_income_krw": .number(600_000),
            "property_krw": .number(0), "financial_assets_krw": .number(0), "debt_krw": .number(0), "car_value_krw": .number(0),
        ]
        SessionFixture.answerAll(&session, from: truth)
        session.showResults()
        let ratio = try #require(session.results.incomeRatioOfMedian)
        let median = try #require(session.results.evaluations[0].trace(session.results.evaluations[0]["livelihood_benefit"]!)
            .first { $0.rule == "median" }?.value?.point)
        #expect(abs(ratio - 600_000 / median) < 1e-9)
        let stored = Anonymizer(kioskID: "kiosk-1").anonymize(SessionSummary(session))
        #expect(stored.income == IncomeBand(ratioOfMedian: 600_000 / median))
        #expect(stored.household == .upTo4)
        #expect(stored.age == .from35To64)
    }

    @Test func aSessionLeftHalfWayRecordsWhereItStopped() {
        var session = SessionFixture.asking()
        SessionFixture.reach("age", in: &session, from: [:])
        session.answer(.number(83))
        session.answerUnknown()
        let summary = SessionSummary(session)
        #expect(summary.exitStep == session.step.logID)
        #expect(summary.exitStep.hasPrefix("question:"))
        #expect(!summary.reachedResults)
        #expect(summary.outcomes.isEmpty, "statuses the citizen never saw are not logged")
        #expect(summary.questionsAsked == session.history.count)
        #expect(summary.unknownFacts == session.history.filter { $0 != "age" }.map(\.rawValue))
        #expect(summary.age == 83)
    }

    @Test func noAmountOrChildAgeLeavesTheSession() {
        var session = SessionFixture.asking()
        var truth = SessionFixture.olderAlone
        truth["other_income_krw"] = .number(1_234_567)
        SessionFixture.answerAll(&session, from: truth)
        session.showResults()
        let text = String(describing: SessionSummary(session))
        #expect(!text.contains("1234567"))
        #expect(!text.contains("400000") && !text.contains("30000000"))
    }

    @Test func theAppRecordsABegunSessionOnly() {
        let recorder = MemorySessionRecorder()
        let pilot = Pilot(size: Size(width: 80, height: 24), palette: Palette(theme: Fixture.resources.theme))
        let app = KioskApp(terminal: pilot.terminal, resources: Fixture.resources, rules: SessionFixture.rules, recorder: recorder)
        app.sessionEnded(Session(rules: SessionFixture.rules, language: .ko))
        #expect(recorder.summaries.isEmpty, "nobody used the kiosk")
        var session = SessionFixture.asking()
        session.answer(.number(70))
        app.sessionEnded(session)
        #expect(recorder.summaries.count == 1)
        #expect(recorder.summaries[0].exitStep == session.step.logID)
        app.shutdown()
        #expect(recorder.isClosed)
    }
}
