@testable import KioskApp
import Rules
import Settings
import Testing

/// The demo's next press, read from the state: digits one at a time towards the persona's
/// answer, an erase for anything that does not lead there, "잘 모르겠어요" for a fact it lacks.
@Suite struct DemoScriptTests {
    static func onFirstQuestion() -> KioskState {
        var session = Session(rules: Fixture.rules, language: .ko)
        session.showPrivacy()
        session.startQuestions()
        return KioskState(session: session, now: .zero, accessibility: AccessibilityMode(config: Fixture.resources.config))
    }

    @Test func typesTheAnswerDigitByDigitThenConfirms() throws {
        var state = Self.onFirstQuestion()
        // Who lives in the household comes first; the first amount follows.
        while let asked = state.session.question, asked.kind != .amount { state.session.answerUnknown() }
        let question = try #require(state.session.question)
        // 1,200,000 won is typed as a citizen types it: 120 (만원).
        let facts = Facts([question.fact: .number(1_200_000)])
        func next() -> Action? { DemoScript.nextAction(state, facts: facts, language: .ko, shownDetail: false) }
        #expect(next() == .type("1"))
        state.input = "1"
        #expect(next() == .type("2"))
        state.input = "12"
        #expect(next() == .type("0"))
        state.input = "120"
        #expect(next() == .confirmInput)
        state.input = "13"
        #expect(next() == .erase, "a wrong digit is erased, as a citizen would")
        state.input = "1200"
        #expect(next() == .erase)
    }

    @Test func aFactThePersonaLacksIsAnsweredUnknown() {
        let state = Self.onFirstQuestion()
        #expect(DemoScript.nextAction(state, facts: Facts(), language: .ko, shownDetail: false) == .answerUnknown)
    }

    @Test func theArrivalAndTheEnd() {
        var state = KioskState(session: Session(rules: Fixture.rules, language: .ko), now: .zero, accessibility: AccessibilityMode(config: Fixture.resources.config))
        #expect(DemoScript.nextAction(state, facts: Facts(), language: .en, shownDetail: false) == .start)
        state.choosingLanguage = true
        #expect(DemoScript.nextAction(state, facts: Facts(), language: .en, shownDetail: false) == .chooseLanguage(.en))
        state.session.goodbye()
        #expect(DemoScript.nextAction(state, facts: Facts(), language: .en, shownDetail: false) == nil)
    }
}
