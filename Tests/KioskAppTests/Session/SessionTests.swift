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

    @Test func eachQuestionIsThePlannersChoiceAfterTheAnswersSoFar() {
        var session = SessionFixture.asking()
        var known = Facts()
        var answered: Set<FactKey> = []
        while case .question(let fact) = session.step {
            #expect(fact == SessionFixture.rules.plan(known, answered: answered).next)
            answered.insert(fact)
            guard let answer = SessionFixture.olderAlone[fact] else { Issue.record("asked \(fact), which the household does not say"); break }
            known[fact] = answer
            session.answer(answer)
        }
        #expect(SessionFixture.rules.plan(known, answered: answered).next == nil)
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
        #expect(results.total.monthly > 0)
    }

    @Test func theResultsAgreeWithEvaluatingTheAnswersDirectly() {
        var session = SessionFixture.asking()
        SessionFixture.answerAll(&session, from: SessionFixture.olderAlone)
        session.showResults()
        let direct = SessionFixture.rules.packs[0].evaluate(session.facts, on: SessionFixture.day)
        for item in session.results.items where item.evaluation.pack === SessionFixture.rules.packs[0] {
            #expect(direct[item.result.id]?.status == item.status, "\(item.result.id)")
        }
    }

    @Test func anUnknownAnswerStaysUnknownAndIsNotAskedAgain() {
        var session = SessionFixture.asking()
        let first = session.question!.fact
        session.answerUnknown()
        #expect(session.answers[first] == .unknown)
        #expect(session.facts[first] == nil, "unknown is never zero")
        var truth = SessionFixture.olderAlone
        truth[first] = nil
        let rest = SessionFixture.answerAll(&session, from: truth)
        #expect(!rest.contains(first))
        #expect(session.step == .review)
    }

    @Test func backShowsThePreviousQuestionWithItsAnswer() throws {
        var session = SessionFixture.asking()
        let first = session.question!.fact
        let firstAnswer = try #require(SessionFixture.olderAlone[first])
        session.answer(firstAnswer)
        let second = session.question!.fact
        #expect(session.progress?.current == 2)
        session.back()
        #expect(session.step == .question(first))
        #expect(session.question?.answer == .known(firstAnswer))
        #expect(session.progress?.current == 1)
        session.back()
        #expect(session.step == .privacy)
        session.startQuestions()
        #expect(session.step == .question(second), "answered questions are not asked again")
    }

    @Test func changingAnAnswerOnTheReviewAsksWhatItNowNeedsThenReturns() {
        var session = SessionFixture.asking()
        var truth = SessionFixture.olderAlone
        SessionFixture.answerAll(&session, from: truth)
        #expect(session.step == .review)
        let before = session.history
        // Now the applicant is 30 with a baby: child and youth programmes need answers of their own.
        session.change("age")
        #expect(session.question?.answer == .known(.number(78)))
        session.answer(.number(30))
        truth["age"] = .number(30)
        let more = SessionFixture.answerAll(&session, from: truth)
        #expect(session.step == .review)
        #expect(session.answers["age"] == .known(.number(30)))
        #expect(Set(more).isDisjoint(with: before), "only questions not answered before")
        session.showResults()
        #expect(session.results.items.first { $0.result.id == "basic_pension" }?.status == .ineligible)
        #expect(session.results.items.allSatisfy { $0.status != .undetermined })
    }

    @Test func reviewAndResultsStepBack() throws {
        var session = SessionFixture.asking()
        SessionFixture.answerAll(&session, from: SessionFixture.olderAlone)
        session.back()
        #expect(session.step == .question(session.history.last!))
        session.answer(try #require(SessionFixture.olderAlone[session.history.last!]))
        #expect(session.step == .review)
        session.showResults()
        #expect(session.reachedResults)
        session.back()
        #expect(session.step == .review)
    }

    @Test func progressCountsAskedQuestionsAndAnHonestTotal() {
        var session = SessionFixture.asking()
        var seen: [QuestionProgress] = []
        while case .question(let fact) = session.step {
            seen.append(session.progress!)
            guard let answer = SessionFixture.olderAlone[fact] else { Issue.record("asked \(fact), which the household does not say"); break }
            session.answer(answer)
        }
        #expect(seen.map(\.current) == Array(1...seen.count))
        // The most still possible is never fewer than are in fact still asked, and never grows.
        for (i, p) in seen.enumerated() { #expect(p.mostRemaining >= seen.count - i, "question \(i + 1): at most \(p.mostRemaining), yet \(seen.count - i) asked") }
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $1.mostRemaining < $0.mostRemaining })
    }

    @Test func wipeLeavesNothing() {
        var session = SessionFixture.asking()
        SessionFixture.answerAll(&session, from: SessionFixture.olderAlone)
        session.showResults()
        session.accessibility = ["large_text"]
        session.isDemo = true
        let now = Date()
        session.wipe(language: .ko, now: now)
        #expect(session == Session(rules: SessionFixture.rules, language: .ko, startedAt: now))
        #expect(session.answers.isEmpty && session.history.isEmpty && session.children.isEmpty)
        #expect(session.rejection == nil && !session.reachedResults && session.step == .welcome)
        #expect(!session.hasBegun)
    }
}

@Suite("Session: choice questions")
struct ChoiceQuestionTests {
    @Test func aForeignNationalIsNotOfferedAKoreanNationalsResidenceStatus() throws {
        var session = SessionFixture.asking()
        let truth: [FactKey: FactValue] = ["age": .number(40), "household_size": .number(1), "nationality": .choice("foreign")]
        SessionFixture.reach("residence_status", in: &session, from: truth)
        let question = try #require(session.question)
        #expect(question.fact == "residence_status")
        guard case .choice(let values) = question.kind else { Issue.record("\(question.kind) is not a choice"); return }
        #expect(values == ["marriage_migrant", "permanent_resident", "refugee", "other", "unregistered"])
    }

    @Test func aChoiceIsStoredAsThePacksValue() throws {
        var session = SessionFixture.asking()
        SessionFixture.reach("nationality", in: &session)
        let question = try #require(session.question)
        #expect(question.kind == .choice(["korean", "foreign"]))
        session.answer(.choice("korean"))
        #expect(session.facts["nationality"] == .choice("korean"))
        #expect(session.history.last == "nationality")
    }
}
