import Rules
import Testing
@testable import Explainer

@Suite struct GroundingGuardTests {
    let sheet = Fixtures.elderSheet
    var grounding: GroundingGuard { GroundingGuard(sheet: sheet, language: .ko) }

    var pension: FactSheet.Program { sheet.programs.first { $0.id == "basic_pension" }! }

    @Test func theHouseholdIsWhatTheTestsAssume() {
        #expect(pension.status == .eligible)
        #expect(pension.monthly != nil)
        #expect(sheet.programs.contains { $0.status == .ineligible })
    }

    @Test func acceptsTheEnginesAmountInEveryForm() throws {
        let won = try #require(pension.monthly).value
        let forms = [KoreanMoney.format(Double(won)), "\(TemplateExplainer.grouped(won, ","))원",
                     "\(TemplateExplainer.grouped(won, ",")) won", "KRW \(TemplateExplainer.grouped(won, ","))"]
        for form in forms {
            #expect(GroundingGuard(sheet: sheet).check("기초연금은 한 달에 \(form)을 받을 수 있어요.") == nil, "\(form)")
        }
    }

    @Test func refusesAWrongAmountInEveryForm() throws {
        let won = try #require(pension.monthly).value + 10_000
        for form in [KoreanMoney.format(Double(won)), "\(TemplateExplainer.grouped(won, ","))원", "\(won / 10_000)만원"] {
            let failure = grounding.check("기초연금은 한 달에 \(form)을 받을 수 있어요.")
            guard case .unknownFigure(.won)? = failure else { Issue.record("\(form) passed: \(String(describing: failure))"); continue }
        }
        #expect(grounding.check("5천원을 더 받아요.") == .unknownFigure(.won(5_000)))
    }

    @Test func refusesPercentagesDatesAndNumbersNotInTheSheet() {
        #expect(grounding.check("중위소득의 99% 이하여야 해요.") == .unknownFigure(.percent(9900)))
        #expect(grounding.check("2027년 3월 5일 기준이에요.") == .unknownFigure(.date(20270305)))
        #expect(grounding.check("2027년 3월 5일까지 신청해요.") == .uncheckable(.deadline))
        #expect(grounding.check("만 61세부터 받아요.") == .unknownFigure(.number(61)))
        #expect(grounding.check("만 67세라서 나이 조건을 채웠어요.") == nil)
    }

    @Test func refusesProgrammesTheEngineNeverJudged() {
        #expect(grounding.check("청년내일채움장려금도 받을 수 있어요.") == .unknownProgramme("청년내일채움장려금"))
        #expect(grounding.check("농어민수당도 있어요.") == .unknownProgramme("농어민수당"))
        #expect(grounding.check("기초연금을 신청해 보세요.") == nil)
    }

    @Test func refusesAStatusThatContradictsTheEngine() throws {
        let ineligible = try #require(sheet.programs.first { $0.status == .ineligible })
        let name = try #require(ineligible.names["ko"])
        #expect(grounding.check("\(name)도 받을 수 있어요.") == .contradictsStatus(ineligible.id, .ineligible))
        #expect(grounding.check("\(name)은 받기 어려워요.") == nil)
        #expect(grounding.check("기초연금은 받을 수 없어요.") == .contradictsStatus("basic_pension", .eligible))
    }

    @Test func refusesTextInAnotherLanguageOrNoise() {
        #expect(grounding.check("You can receive the pension.") == .wrongLanguage(.ko))
        #expect(grounding.check("ab가 xyz qq") == .wrongLanguage(.ko))
    }
}

@Suite struct SentenceSplitterTests {
    @Test func releasesSentencesAsTheyComplete() {
        var s = SentenceSplitter()
        #expect(s.feed("기초연금을 받을 수 ").isEmpty)
        #expect(s.feed("있어요. 한 달에 4.") == ["기초연금을 받을 수 있어요."])
        #expect(s.feed("17%예요. 끝") == ["한 달에 4.17%예요."])
        #expect(s.finish() == "끝")
        #expect(s.finish() == nil)
    }

    @Test func noiseIsRefusedBeforeItsSentenceEnds() {
        let grounding = GroundingGuard(sheet: Fixtures.elderSheet, language: .ko)
        #expect(grounding.checkPartial("기초연금은 한 달에") == nil)
        #expect(grounding.checkPartial("신청가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허") == .unreadable)
        #expect(grounding.checkPartial(String(repeating: "가나 ", count: 100)) == .unreadable)
        #expect(grounding.checkPartial("This is plainly English text") == .wrongLanguage(.ko))
        #expect(GroundingGuard(sheet: Fixtures.elderSheet, language: .zh).checkPartial("基础养老金每月可以领取一定金额的养老金这是一个很长的句子没有空格") == nil)
    }
}
