/// A readable Korean summary of an evaluation, for staff at the counter (`eval --format text`).
public enum EvaluationText {
    public static func render(_ e: Evaluation) -> String {
        var out = "\(e.day) 기준 · 규칙 \(e.pack.id) \(e.pack.version)\n"
        let groups: [(Status, String)] = [(.eligible, "받을 수 있어요"), (.undetermined, "정보가 더 필요해요"), (.ineligible, "받기 어려워요")]
        for (status, title) in groups {
            let rs = e.programs.filter { $0.status == status }
            guard !rs.isEmpty else { continue }
            out += "\n[\(title)]\n"
            for r in rs {
                let spec = e.pack.programs.first { $0.id == r.id }!
                var line = "  · \(spec.name.ko)"
                if let m = r.monthlyAmount { line += " — 월 \(KoreanMoney.format(Double(m.value)))" }
                if let o = r.oneTimeAmount { line += " — 한 번 \(KoreanMoney.format(Double(o.value)))" }
                if r.confidence == .toCheck { line += " (확인 필요)" }
                out += line + "\n"
                if r.referToStaff {
                    out += "      확인이 필요해요: 센터 직원이 판단해야 해요\n"
                } else if status == .undetermined {
                    let names = e.missing(r).map { e.pack.fact($0)?.label.ko ?? $0.rawValue }
                    out += "      필요한 정보: \(names.joined(separator: ", "))\n"
                }
                for u in e.unmet(r) { out += "      \(u)\n" }
            }
        }
        if let q = e.nextQuestion, let f = e.pack.fact(q) {
            out += "\n다음 질문: \(f.question.ko) (\(q))\n"
        } else {
            out += "\n더 물어볼 것이 없어요.\n"
        }
        out += "※ 키오스크의 결과는 추정이에요. 최종 결정은 행정복지센터에서 해요.\n"
        return out
    }
}
