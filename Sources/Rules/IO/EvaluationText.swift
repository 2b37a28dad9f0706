/// A readable Korean summary of an evaluation, for staff at the counter (`eval --format text`).
///
/// Staff work in Korean, so the summary is Korean whatever `--lang` says; the citizen's
/// language is the JSON's and the kiosk's business.
public enum EvaluationText {
    public static func render(_ e: Evaluation) -> String { render([e]) }

    /// Several packs' evaluations of one household as one summary, every pack's programmes
    /// grouped by status together.
    public static func render(_ evaluations: [Evaluation]) -> String {
        precondition(!evaluations.isEmpty, "render needs at least one evaluation")
        let packs = evaluations.map { "\($0.pack.id) \($0.pack.version)" }.joined(separator: " + ")
        var out = "\(evaluations[0].day) 기준 · 규칙 \(packs)\n"
        let groups: [(Status, String)] = [(.eligible, "받을 수 있어요"), (.undetermined, "정보가 더 필요해요"), (.ineligible, "받기 어려워요")]
        for (status, title) in groups {
            let rows = evaluations.flatMap { e in e.programs.filter { $0.status == status }.map { (e, $0) } }
            guard !rows.isEmpty else { continue }
            out += "\n[\(title)]\n"
            for (e, r) in rows {
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
        let next = Evaluation.nextQuestion(across: evaluations)
        if let q = next, let f = evaluations.lazy.compactMap({ $0.pack.fact(q) }).first {
            out += "\n다음 질문: \(f.question.ko) (\(q))\n"
        } else {
            out += "\n더 물어볼 것이 없어요.\n"
        }
        out += "※ 키오스크의 결과는 추정이에요. 최종 결정은 행정복지센터에서 해요.\n"
        return out
    }
}
