/// Renders an evaluation as the JSON of contract/eval.md: keys exactly as the contract names
/// them, in a stable order, with extra keys only added, never renamed.
public enum EvaluationJSON {
    public static func render(_ e: Evaluation, language: String = "ko") -> String {
        render([e], language: language)
    }

    /// One household's evaluations by several packs as one result: `rules` names the first
    /// (main) pack, `packs` every pack; `programs` holds every pack's programmes sorted by id,
    /// each naming its pack; `next_question` is planned over them all. `unmet` and the trace's
    /// labels and notes are in `language` (ko, en, zh or vi).
    public static func render(_ evaluations: [Evaluation], language: String = "ko") -> String {
        precondition(!evaluations.isEmpty, "render needs at least one evaluation")
        let main = evaluations[0]
        var rows: [(Evaluation, ProgramResult)] = []
        for e in evaluations { for r in e.programs { rows.append((e, r)) } }
        if evaluations.count > 1 { rows.sort { $0.1.id.rawValue < $1.1.id.rawValue } }
        let w = JSONWriter()
        w.object {
            w.key("date"); w.string(main.day.description)
            w.key("rules"); w.object {
                w.key("id"); w.string(main.pack.id)
                w.key("version"); w.string(main.pack.version)
            }
            w.key("packs"); w.array(evaluations) { e in
                w.object {
                    w.key("id"); w.string(e.pack.id)
                    w.key("version"); w.string(e.pack.version)
                }
            }
            w.key("language"); w.string(language)
            w.key("programs"); w.array(rows.indices) { i in
                let (e, r) = rows[i]
                program(e, r, trace: e.trace(r), language: language, w)
            }
            w.key("next_question")
            if let q = Evaluation.nextQuestion(across: evaluations) { w.string(q.rawValue) } else { w.null() }
        }
        return w.text
    }

    private static func program(_ e: Evaluation, _ r: ProgramResult, trace: [TraceEntry], language: String, _ w: JSONWriter) {
        let spec = e.pack.programs[r.programIndex]
        w.object {
            w.key("id"); w.string(r.id.rawValue)
            w.key("name"); w.object {
                for language in ["ko", "en", "zh", "vi"] where spec.name.values[language] != nil {
                    w.key(language); w.string(spec.name[language])
                }
            }
            w.key("status"); w.string(r.status.rawValue)
            w.key("monthly_amount_krw"); if let a = r.monthlyAmount { w.int(a.value) } else { w.null() }
            w.key("one_time_amount_krw"); if let a = r.oneTimeAmount { w.int(a.value) } else { w.null() }
            w.key("confidence"); w.string(r.confidence.rawValue)
            w.key("missing"); w.array(e.missing(r)) { w.string($0.rawValue) }
            w.key("unmet"); w.array(e.unmet(r, language: language)) { w.string($0) }
            w.key("refer_to_staff"); w.bool(r.referToStaff)
            w.key("category"); w.string(spec.category)
            w.key("pack"); w.string(e.pack.id)
            w.key("trace"); w.array(trace) { entry(e, $0, language: language, w) }
        }
    }

    private static func entry(_ e: Evaluation, _ t: TraceEntry, language: String, _ w: JSONWriter) {
        w.object {
            w.key("kind"); w.string(t.kind.rawValue)
            w.key("rule"); w.string(t.rule)
            if let label = t.label(in: language) { w.key(t.kind == .note ? "text" : "label"); w.string(label) }
            switch t.kind {
            case .condition:
                w.key("value"); if let b = t.truth { w.bool(b) } else { w.null() }
            case .value, .amount:
                w.key("value"); interval(t.value ?? .nonNegative, unit: t.unit, w)
                w.key("unit"); w.string(t.unit.rawValue)
            case .note:
                break
            }
            if t.kind != .note {
                w.key("facts"); w.object {
                    for f in t.facts {
                        w.key(f.key.rawValue)
                        switch f.value {
                        case nil: w.null()
                        case .number(let n)?: w.int(n)
                        case .bool(let b)?: w.bool(b)
                        case .list(let l)?: w.array(l) { w.int($0) }
                        case .choice(let c)?: w.string(c)
                        }
                    }
                }
                w.key("parameters"); w.array(t.parameters) { p in
                    w.object {
                        w.key("name"); w.string(p.name)
                        if let cell = p.cell { w.key("household_size"); w.int(cell) }
                        w.key("value"); interval(p.value, unit: e.pack.parameters.first { $0.name == p.name }?.unit ?? .number, w)
                        w.key("date"); if let d = p.from { w.string(d.description) } else { w.null() }
                        w.key("source"); w.string(p.source)
                        w.key("confidence"); w.string(p.mark.rawValue)
                    }
                }
            }
        }
    }

    /// A single value as a number; a range as {"min": …, "max": … or null for unbounded}.
    /// Money is whole won, as the contract's amounts are: a point rounded, a range widened to
    /// the whole won around it (a threshold of 1,234.5 won is between 1,234 and 1,235).
    private static func interval(_ v: Interval, unit: Unit, _ w: JSONWriter) {
        let money = unit == .won
        if v.isPoint {
            if v.lo.isFinite { w.number(money ? v.lo.rounded() : v.lo) } else { w.null() }
            return
        }
        w.object {
            w.key("min"); if v.lo.isFinite { w.number(money ? v.lo.rounded(.down) : v.lo) } else { w.null() }
            w.key("max"); if v.hi.isFinite { w.number(money ? v.hi.rounded(.up) : v.hi) } else { w.null() }
        }
    }
}

/// A minimal streaming JSON writer that keeps keys in the order written.
final class JSONWriter {
    private(set) var text = ""
    private var needsComma = [false]
    private var afterKey = false

    private func beginValue() {
        if afterKey {
            afterKey = false
        } else if needsComma[needsComma.count - 1] {
            text += ","
        }
        needsComma[needsComma.count - 1] = true
    }

    func object(_ body: () -> Void) {
        beginValue()
        text += "{"
        needsComma.append(false)
        body()
        needsComma.removeLast()
        text += "}"
    }

    func array<S: Sequence>(_ items: S, _ body: (S.Element) -> Void) {
        beginValue()
        text += "["
        needsComma.append(false)
        for item in items { body(item) }
        needsComma.removeLast()
        text += "]"
    }

    func key(_ k: String) {
        beginValue()
        text += JSONWriter.quote(k) + ":"
        afterKey = true
    }

    private func scalar(_ s: String) {
        beginValue()
        text += s
    }

    func string(_ s: String) { scalar(JSONWriter.quote(s)) }
    func int(_ n: Int) { scalar(String(n)) }
    func bool(_ b: Bool) { scalar(b ? "true" : "false") }
    func null() { scalar("null") }
    func number(_ x: Double) {
        // A whole number is written in full, however large; JSON has no NaN or infinity.
        if !x.isFinite { scalar("null") } else if x == x.rounded() { scalar(WholeNumber.digits(x)) } else { scalar(String(x)) }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
