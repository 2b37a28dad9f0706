import ExplainerHTTP
import Explanations
import Foundation
import Rules
import Settings
import Testing
@testable import Explainer

@Suite struct AnswerTests {
    func answer(_ question: String, endpoint: URL? = nil, language: Language = .ko) async -> ExplanationOutcome? {
        // Deadlines a passing answer never meets, even while the whole suite loads both cores:
        // these tests are about what is said; the fault tests are about when.
        let settings = ExplainerSettings(endpoint: endpoint, connectTimeout: .seconds(5), firstTokenDeadline: .seconds(20),
                                         totalDeadline: .seconds(30), answerPrompt: "자료로만 답해요.")
        let explainer = Explainer.connecting(settings: settings, locales: Fixtures.locales)
        var outcome: ExplanationOutcome?
        for await e in explainer.answer(question, about: Fixtures.elder, language: language, counter: "1층 복지 상담 창구", phone: "129") {
            if case .finished(let o) = e { outcome = o }
        }
        await explainer.shutdown()
        return outcome
    }

    @Test func theSuggestedQuestionsAreAnsweredFromThePack() async throws {
        let explainer = Explainer(settings: ExplainerSettings(endpoint: nil), locales: Fixtures.locales)
        #expect(explainer.suggestedQuestions(.ko) == ["신청은 어디서 해요?", "필요한 서류는?", "왜 안 돼요?"])
        let pension = try #require(Fixtures.pack.program("basic_pension"))
        let whereText = try #require(await answer("신청은 어디서 해요?")).text
        #expect(whereText.contains(pension.apply.office.ko))
        let documents = try #require(await answer("필요한 서류는?")).text
        #expect(documents.contains(pension.apply.documents[0].ko))
        let why = try #require(await answer("왜 안 돼요?")).text
        let failed = try #require(Fixtures.elderSheet.programs.first { $0.status == .ineligible })
        #expect(why.contains(TemplateExplainer.trimmed(failed.unmet[0])))
    }

    @Test func outOfScopeAndUnsafeQuestionsGetTheKindAnswer() async throws {
        let kind = Fixtures.locales.catalog(.ko).text("answer.out_of_scope", ["counter": "1층 복지 상담 창구", "phone": "129"])
        #expect(try #require(await answer("오늘 날씨 어때요?")).text == kind)
        // A crisis question never goes to the model, even with one configured.
        let crisis = try #require(await answer("죽고 싶어요", endpoint: ScriptedServer.shared.url("ok", "괜찮아요.")))
        #expect(crisis.text == kind)
        #expect(crisis.source == .template)
    }

    @Test func aFreeQuestionCitesOnlyTheRetrievedPassages() async throws {
        let template = try #require(await answer("기초연금이 뭐예요?"))
        #expect(template.text.contains(Fixtures.pack.program("basic_pension")!.description.ko))
        let grounded = "기초연금은 받을 수 있어요."
        let model = try #require(await answer("기초연금이 뭐예요?", endpoint: ScriptedServer.shared.url("ok", grounded)))
        #expect(model.source == .llm)
        let invented = try #require(await answer("기초연금이 뭐예요?", endpoint: ScriptedServer.shared.url("ok", "기초연금은 1577-1000에 전화해요.")))
        #expect(invented.fallbackReason == .ungrounded)
        #expect(invented.text == template.text)
    }
}
