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
        #expect(explainer.suggestedQuestions(.ko) == ["신청은 어디서 해요?", "필요한 서류는?", "언제 신청해요?", "왜 안 돼요?"])
        let pension = try #require(Fixtures.pack.program("basic_pension"))
        let whereText = try #require(await answer("신청은 어디서 해요?")).text
        #expect(whereText.contains(pension.apply.office.ko))
        let documents = try #require(await answer("필요한 서류는?")).text
        #expect(documents.contains(pension.apply.documents[0].ko))
        let when = try #require(await answer("언제 신청해요?")).text
        #expect(when.contains(try #require(pension.apply.when).ko), "\(when)")
        let why = try #require(await answer("왜 안 돼요?")).text
        let failed = try #require(Fixtures.elderSheet.programs.first { $0.status == .ineligible })
        #expect(why.contains(TemplateExplainer.trimmed(failed.unmet[0])))
    }

    /// Asked on one programme's page, the answer is about that programme only; where an
    /// English answer read "apply at Your community service centre".
    @Test func aQuestionOnAProgrammesPageIsAboutIt() throws {
        let explainer = Explainer(settings: ExplainerSettings(endpoint: nil), locales: Fixtures.locales)
        func ask(_ q: String, _ language: Language = .ko, program: ProgramID? = nil) -> String {
            explainer.templateAnswer(q, about: Fixtures.elder, language: language, counter: "1층 복지 상담 창구", phone: "129", program: program)
        }
        let all = ask("신청은 어디서 해요?").split(separator: "\n")
        #expect(all.count > 1)
        let housing = try #require(Fixtures.pack.program("housing_benefit"))
        let one = ask("Nộp đơn ở đâu?", .vi, program: "housing_benefit").split(separator: "\n")
        #expect(one.count == 1 && one[0].hasPrefix(housing.name["vi"]), "\(one)")
        let english = ask("Where do I apply?", .en, program: "basic_pension")
        #expect(english.hasPrefix("Basic Pension — where to apply: "), "\(english)")
        #expect(!english.contains("apply at Your"))
        // A programme of another pack: nothing from this one, so the other pack's answer stands.
        #expect(ask("Where do I apply?", .en, program: "culture_nuri_card") == "")
        // How much: the amount of the result, in the citizen's language.
        let status = try #require(Fixtures.elderSheet.programs.first { $0.id == "basic_pension" })
        let much = ask("How much will I get?", .en, program: "basic_pension")
        if let monthly = status.monthly, status.status == .eligible {
            #expect(much.contains(TemplateExplainer.money(monthly.value, .en)), "\(much)")
        } else {
            #expect(!much.isEmpty)
        }
        // Whom to call: the programme's number and the counter here.
        let call = ask("어디에 전화해요?", program: "basic_pension")
        #expect(call.contains(try #require(Fixtures.pack.program("basic_pension")).apply.phone) && call.contains("1층 복지 상담 창구"))
        // Why not, on a page of a programme she gets: it says so, not the other programmes' reasons.
        if status.status == .eligible {
            #expect(ask("왜 안 돼요?", program: "basic_pension").split(separator: "\n").count == 1)
        }
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
