import Rules
import Testing
@testable import Explainer

@Suite struct BM25Tests {
    @Test func bigramsMatchAcrossKoreanParticles() {
        #expect(BM25Index.tokens("신청은 어디") == ["신청", "청은", "어디"])
        let index = BM25Index(documents: ["기초연금 신청은 주민센터에서 해요", "아동수당 서류", "에너지바우처 전기 요금"])
        #expect(index.search("기초연금을 신청하려면").first?.document == 0)
        #expect(index.search("아동수당에 필요한 서류").first?.document == 1)
        #expect(index.search("날씨 어때").isEmpty)
    }

    @Test func rarerTermsWeighMore() {
        let index = BM25Index(documents: ["지원 지원 지원 바우처", "지원 연금", "지원 수당"])
        let hits = index.search("바우처 지원")
        #expect(hits.first?.document == 0)
        #expect(hits.count == 3)
    }
}

@Suite struct ProgramDocumentsTests {
    let documents = ProgramDocuments(pack: Fixtures.pack, language: .ko)

    @Test func everyProgrammeHasItsPassages() {
        // Description, where, documents, and when to apply where the pack says.
        let withWhen = Fixtures.pack.programs.filter { $0.apply.when != nil }.count
        #expect(withWhen == Fixtures.pack.programs.count, "every programme of kr-welfare says when to apply")
        #expect(documents.passages.count == Fixtures.pack.programs.count * 3 + withWhen)
    }

    @Test func findsTheProgrammeAsked() {
        let hits = documents.retrieve("기초연금은 어디서 신청해요?")
        #expect(hits.first?.program == "basic_pension")
        #expect(documents.retrieve("에너지바우처 서류").first?.program == "energy_voucher")
    }

    @Test func nothingForAnOutOfScopeQuestion() {
        #expect(documents.retrieve("오늘 날씨 어때요?").isEmpty)
        #expect(documents.retrieve("주식 추천해 줘").isEmpty)
    }

    /// The common questions in the four languages, Vietnamese with and without its marks.
    @Test(arguments: [
        ("기초연금 언제 신청해요?", QuestionIntent.whenToApply), ("When do I apply?", .whenToApply), ("什么时候申请？", .whenToApply),
        ("Khi nào thì nộp đơn?", .whenToApply), ("khi nao nop don", .whenToApply),
        ("얼마 받아요?", .howMuch), ("How much will I get?", .howMuch), ("能领多少钱？", .howMuch), ("Được bao nhiêu tiền?", .howMuch),
        ("bao nhieu tien", .howMuch),
        ("어디에 전화해요?", .whoToCall), ("Who do I ask?", .whoToCall), ("联系电话是多少", .whoToCall), ("Gọi số nào?", .whoToCall),
        ("where do i apply", .whereToApply), ("在哪里申请？", .whereToApply), ("Nộp đơn ở đâu?", .whereToApply), ("o dau", .whereToApply),
        ("what do i need to bring", .documents), ("Cần giấy tờ gì?", .documents), ("can giay to gi", .documents),
        ("why not", .whyNot), ("Tại sao không được?", .whyNot), ("tai sao", .whyNot),
        ("기초연금이 뭐예요?", .free),
        // Unmarked Vietnamese matches whole words only: "going" is not "gọi".
        ("how much is it going to be", .howMuch), ("is it a good idea", .free),
        // Chinese typed as pinyin on the Latin keys.
        ("shenme shihou shenqing", .whenToApply), ("zai nali shenqing", .whereToApply), ("duoshao qian", .howMuch),
        ("xuyao shenme cailiao", .documents),
    ])
    func commonQuestions(question: String, intent: QuestionIntent) {
        #expect(QuestionIntent.classify(question) == intent, "\(question)")
    }

    @Test func intents() {
        #expect(QuestionIntent.classify("신청은 어디서 해요?") == .whereToApply)
        #expect(QuestionIntent.classify("필요한 서류는?") == .documents)
        #expect(QuestionIntent.classify("왜 안 돼요?") == .whyNot)
        #expect(QuestionIntent.classify("Why can't I get it?") == .whyNot)
        #expect(QuestionIntent.classify("죽고 싶어요") == .unsafe)
        #expect(QuestionIntent.classify("기초연금이 뭐예요?") == .free)
    }
}
