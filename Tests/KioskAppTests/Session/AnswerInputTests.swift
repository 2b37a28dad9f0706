import KioskApp
import Rules
import Testing

@Suite("Typed answers: 만원, numbers, ages, children")
struct AnswerInputTests {
    @Test(arguments: [
        ("150", 1_500_000), ("1,500", 15_000_000), ("12.5", 125_000), ("0", 0), ("123.4567", 1_234_567),
        (" 82 ", 820_000), ("150만원", 1_500_000), ("0.0001", 1),
    ])
    func amountsAreTypedInManWon(text: String, won: Int) throws {
        #expect(try AnswerInput.amount(text, fact: "earned_income_krw").get() == .number(won))
    }

    @Test(arguments: [
        ("-30", "session.invalid.negative"), ("", "session.invalid.empty"), ("abc", "session.invalid.not_a_number"),
        ("1.23456", "session.invalid.amount_precision"), ("99999999999", "session.invalid.amount_too_large"),
        ("1.2.3", "session.invalid.not_a_number"),
    ])
    func badAmountsAreRefusedWithTheInputKept(text: String, key: String) {
        guard case .failure(let refused) = AnswerInput.amount(text, fact: "earned_income_krw") else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(refused.messageKey == key)
        #expect(refused.input == text)
        #expect(refused.fact == "earned_income_krw")
    }

    @Test func anAgeOf140IsATypingMistake() {
        var session = SessionFixture.asking()
        SessionFixture.reach("age", in: &session)
        #expect(session.question?.kind == .age(0...120))
        session.submit("140")
        #expect(session.step == .question("age"), "still on the question")
        #expect(session.rejection?.messageKey == "session.invalid.age_too_large")
        #expect(session.rejection?.placeholders["max"] == "120")
        #expect(session.rejection?.input == "140")
        #expect(session.answers["age"] == nil)
        session.submit("-3")
        #expect(session.rejection?.messageKey == "session.invalid.negative")
        session.submit("78")
        #expect(session.rejection == nil)
        #expect(session.answers["age"] == .known(.number(78)))
    }

    @Test("the refusal goes once the text being typed would be accepted, not before")
    func aCorrectedAnswerClearsItsMessage() {
        var session = SessionFixture.asking()
        SessionFixture.reach("age", in: &session)
        session.submit("140")
        #expect(session.rejection != nil)
        session.revise("14")
        #expect(session.rejection == nil, "14 is an age the question accepts")
        session.submit("140")
        session.revise("1400")
        #expect(session.rejection?.messageKey == "session.invalid.age_too_large", "still too large")
        #expect(session.answers["age"] == nil, "revising answers nothing")
    }

    @Test func anAmountQuestionTakesManWon() {
        var session = SessionFixture.asking()
        SessionFixture.reach("other_income_krw", in: &session)
        #expect(session.question?.kind == .amount)
        session.submit("-40")
        #expect(session.rejection?.messageKey == "session.invalid.negative")
        session.submit("40")
        #expect(session.answers["other_income_krw"] == .known(.number(400_000)))
    }

    @Test func numbersRespectThePacksBounds() throws {
        #expect(try AnswerInput.number("3", in: 1...30, fact: "household_size").get() == .number(3))
        guard case .failure(let zero) = AnswerInput.number("0", in: 1...30, fact: "household_size") else {
            Issue.record("a household of 0 was accepted")
            return
        }
        #expect(zero.messageKey == "session.invalid.too_small")
        #expect(zero.placeholders == ["min": "1"])
        guard case .failure(let huge) = AnswerInput.number("99999999999999", in: 1...30, fact: "household_size") else {
            Issue.record("a huge household was accepted")
            return
        }
        #expect(huge.messageKey == "session.invalid.too_large")
    }

    @Test func childrenAreAddedOneByOneAsYearsAndMonths() {
        var session = SessionFixture.asking()
        SessionFixture.reach("children_age_months", in: &session, from: [:])
        #expect(session.question?.kind == .children)
        session.addChild(years: "2", months: "3")
        session.addChild(years: "", months: "5")
        session.addChild(years: "1", months: "12")
        #expect(session.rejection?.messageKey == "session.invalid.months_range")
        #expect(session.rejection?.input == "1 12", "what was typed stays for correction")
        session.addChild(years: "10", months: "0")
        #expect(session.children == [ChildAge(years: 2, months: 3), ChildAge(years: 0, months: 5), ChildAge(years: 10, months: 0)])
        session.removeChild(at: 2)
        session.answerChildren()
        #expect(session.answers["children_age_months"] == .known(.list([27, 5])))
        #expect(session.children.isEmpty)
        // Reopened from the review, the children come back as given.
        session.change("children_age_months")
        #expect(session.children == [ChildAge(years: 2, months: 3), ChildAge(years: 0, months: 5)])
    }

    @Test func noChildrenIsAnAnswerToo() {
        var session = SessionFixture.asking()
        SessionFixture.reach("children_age_months", in: &session, from: [:])
        session.answerChildren()
        #expect(session.answers["children_age_months"] == .known(.list([])))
    }

    @Test func durationsAreYearsAndMonths() throws {
        #expect(try AnswerInput.duration(years: "3", months: "6", fact: "months_in_siheung").get().totalMonths == 42)
        #expect(ChildAge(totalMonths: 27) == ChildAge(years: 2, months: 3))
    }
}

@Suite("Echoing an amount while it is typed")
struct AmountPreviewTests {
    @Test func theTypedAmountIsEchoedInWon() {
        #expect(AnswerInput.preview("150") == Won(1_500_000))
        #expect(AnswerInput.preview("150")?.description == "150만 원")
        #expect(AnswerInput.preview("82.0556")?.description == "82만 556원")
        #expect(AnswerInput.preview("-1") == nil)
        #expect(AnswerInput.preview("") == nil)
    }
}
