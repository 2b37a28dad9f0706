import Foundation

/// What a question asks, decided without a model, in the kiosk's four languages.
///
/// Keyword matching, so the suggested questions and the common ones work with the model off.
/// Vietnamese is matched with and without its tone marks, and Chinese in characters or in
/// pinyin typed on the Latin keys, since a question may be typed either way. A question naming
/// a crisis is never given to the model.
public enum QuestionIntent: Sendable, Equatable, CaseIterable {
    case whereToApply, documents, whyNot, whenToApply, howMuch, whoToCall
    /// Anything else: answered from retrieved passages.
    case free
    /// Harm, crisis or abuse words: always the fixed answer sending the citizen to a person.
    case unsafe

    /// Checked in this order: "언제 신청해요" asks when, not where, and "서류는 어디서" asks for
    /// the documents.
    static let keywords: [(QuestionIntent, [String])] = [
        (.unsafe, ["자살", "죽고 싶", "죽을", "자해", "폭력", "학대", "때려", "마약",
                   "suicide", "kill myself", "abuse", "自杀", "想死", "家暴", "tự tử", "bạo lực"]),
        (.documents, ["서류", "준비물", "가져가", "뭐가 필요", "무엇이 필요", "document", "paper", "bring", "what do i need",
                      "材料", "文件", "证件", "需要什么", "giấy tờ", "hồ sơ", "cần gì", "cần những gì", "cailiao", "wenjian"]),
        (.whenToApply, ["언제", "기간", "마감", "기한", "얼마나 걸", "when", "deadline", "how long", "什么时候", "何时", "期限",
                        "khi nào", "bao giờ", "lúc nào", "thời hạn", "shenme shihou", "shenmeshihou", "heshi"]),
        (.whyNot, ["왜", "안 돼", "못 받", "why", "not eligible", "can't i", "cannot i", "为什么", "为何", "tại sao", "vì sao", "weishenme", "wei shenme"]),
        (.whoToCall, ["전화", "연락", "문의", "누구한테", "누구에게", "call", "phone", "contact", "who do i ask", "who can i ask",
                      "电话", "联系", "咨询",
                      "gọi", "điện thoại", "liên hệ", "hỏi ai", "dianhua", "lianxi"]),
        (.howMuch, ["얼마", "금액", "how much", "amount", "多少", "金额", "bao nhiêu", "số tiền", "duoshao", "jine"]),
        (.whereToApply, ["어디", "신청", "접수", "where", "apply", "哪里", "在哪", "申请", "ở đâu", "nộp", "đăng ký", "nali", "zai nar", "shenqing"]),
    ]

    public static func classify(_ question: String) -> QuestionIntent {
        let q = question.lowercased()
        let bare = Self.withoutMarks(q)
        for (intent, words) in keywords where words.contains(where: { q.contains($0) || Self.matchesUnmarked($0, in: bare) }) {
            return intent
        }
        return .free
    }

    /// A Vietnamese keyword typed without its marks ("khi nao" for "khi nào"), as whole words
    /// only: unmarked, "gọi" is "goi", which "going" must not match.
    static func matchesUnmarked(_ keyword: String, in bare: String) -> Bool {
        let plain = withoutMarks(keyword)
        guard plain != keyword else { return false }
        var searchRange = bare.startIndex..<bare.endIndex
        while let found = bare.range(of: plain, range: searchRange) {
            let before = found.lowerBound == bare.startIndex ? nil : bare[bare.index(before: found.lowerBound)]
            let after = found.upperBound == bare.endIndex ? nil : bare[found.upperBound]
            if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { return true }
            searchRange = found.upperBound..<bare.endIndex
        }
        return false
    }

    /// Latin letters without their accents (Vietnamese typed without tone marks; đ as d);
    /// Hangul and Chinese are left as they are.
    static func withoutMarks(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.flatMap { scalar -> [Unicode.Scalar] in
            if scalar == "đ" || scalar == "Đ" { return ["d"] }
            guard scalar.value < 0x0250 || (0x1E00...0x1EFF).contains(scalar.value) else { return [scalar] }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            return decomposed.filter { !(0x0300...0x036F).contains($0.value) }
        }))
    }
}
