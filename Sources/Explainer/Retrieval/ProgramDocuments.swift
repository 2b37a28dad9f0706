import Rules
import Settings

/// A passage of a programme's documents that an answer may cite.
public struct Passage: Sendable, Equatable {
    public enum Kind: String, Sendable { case description, apply, when, documents }
    public let program: ProgramID
    public let kind: Kind
    /// The passage in the citizen's language (Korean where the pack has no translation).
    public let text: String
}

/// The pack's programme documents, indexed for follow-up questions.
///
/// What the pack says about each programme (description, where to apply, documents) is all an
/// answer may draw on: the model is shown the passages retrieved here and nothing else.
/// Each passage is indexed in Korean and in the citizen's language, so a question typed in
/// either finds it.
public struct ProgramDocuments: Sendable {
    public let passages: [Passage]
    public let names: [ProgramID: String]
    private let index: BM25Index

    public init(pack: RulePack, language: Language) {
        let lang = language.rawValue
        var passages: [Passage] = []
        var searchTexts: [String] = []
        var names: [ProgramID: String] = [:]
        for p in pack.programs {
            let name = p.name[lang]
            names[p.id] = name
            let nameKeys = "\(p.name.ko) \(name)"
            passages.append(Passage(program: p.id, kind: .description, text: p.description[lang]))
            searchTexts.append("\(nameKeys) \(p.description.ko) \(p.description[lang]) 무엇 어떤 what 什么 gì")
            let phone = p.apply.phone
            passages.append(Passage(program: p.id, kind: .apply, text: "\(p.apply.office[lang]) (\(phone))"))
            searchTexts.append("\(nameKeys) 신청 어디 접수 전화 apply where 申请 哪里 nộp đơn ở đâu \(p.apply.office.ko) \(p.apply.office[lang])")
            if let when = p.apply.when {
                passages.append(Passage(program: p.id, kind: .when, text: when[lang]))
                searchTexts.append("\(nameKeys) 언제 기간 시기 when deadline 什么时候 khi nào \(when.ko) \(when[lang])")
            }
            let docs = p.apply.documents.map { $0[lang] }.joined(separator: ", ")
            passages.append(Passage(program: p.id, kind: .documents, text: docs))
            searchTexts.append("\(nameKeys) 필요한 서류 준비물 documents papers 材料 文件 giấy tờ \(docs)")
        }
        self.passages = passages
        self.names = names
        self.index = BM25Index(documents: searchTexts)
    }

    /// The passages most relevant to a question, best first; empty when nothing matches well
    /// enough to be worth citing.
    public func retrieve(_ question: String, limit: Int = 3, minimumScore: Double = 1.5) -> [Passage] {
        index.search(question, limit: limit).filter { $0.score >= minimumScore }.map { passages[$0.document] }
    }
}
