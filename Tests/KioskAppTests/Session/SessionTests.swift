import Foundation
import KioskApp
import Rules
import Testing

@Suite("Session: planner order, unknown answers, back, review")
struct SessionTests {
    @Test func theFirstQuestionIsThePlannersOverEveryPack() {
        let session = SessionFixture.asking()
        let plan = SessionFixture.rules.plan(Facts(), answered: [])
        #expect(session.step == .question(plan.next!))
        #expect(session.progress?.current == 1)
        #expect(session.history.isEmpty)
    }

    @Test func aWholeSessionEndsOnTheReviewWithEveryProgrammeSettled() {
        var session = SessionFixture.asking()
        let asked = SessionFixture.answerAll(&session, from: SessionFixture.olderAlone)
        #expect(session.step == .review)
        #expect(asked == session.history)
        #expect(Set(asked).count == asked.count, "no question is asked twice")
        #expect(!asked.contains("national_pension_krw"), "it changes no status")
        session.showResults()
        let results = session.results
        #expect(results.items.allSatisfy { $0.status != .undetermined })
        #expect(results.items.contains { $0.result.id == "culture_nuri_card" }, "the extra pack is evaluated too")
        #expect(results.items(.eligible).contains { $0.result.id == "basic_pension" })
    }
}
