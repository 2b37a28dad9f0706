import Rules
import Settings

/// What the engine decided, laid out for the model and for the guard that checks the model.
///
/// The sheet is the whole truth the model may speak from: every programme with its status,
/// amounts, the thresholds and values its rules used, and the reasons it failed. The grounding
/// guard accepts a figure only when it is in `quantities`, and a status only when it matches
/// `programs`.
public struct FactSheet: Sendable {
    public struct Program: Sendable {
        public let id: ProgramID
        /// The programme's name in every language the pack gives.
        public let names: [String: String]
        public let status: Status
        public let monthly: Won?
        public let oneTime: Won?
        public let confidence: Confidence
        /// Named values and thresholds the rules used, with their Korean labels.
        public let values: [(label: String, won: Int)]
        /// Failed conditions in plain Korean, figures filled in.
        public let unmet: [String]
        /// Unknown facts that could settle it, by their Korean label.
        public let missing: [String]
        public let description: String
        /// Where and how to apply, for the guard's process claims.
        public let apply: Apply
        /// What a citizen reads of it, in the sheet's language: the checks above stay on the
        /// Korean, which the guard's vocabulary is written against.
        public let shown: Shown
    }

    /// The labels and reasons of one programme in the citizen's language, figures written its
    /// way; `values` is index for index the same as `Program.values`.
    public struct Shown: Sendable {
        public let values: [(label: String, won: Int)]
        public let unmet: [String]
        public let missing: [String]
    }

    /// The language `Shown` is in.
    public let language: Language

    /// A programme's apply data, in every language the pack gives (documents in Korean).
    public struct Apply: Sendable {
        public let office: [String: String]
        public let phone: String
        public let url: String
        public let documents: [String]
        /// When to apply: the pack gives no dates yet, so deadline claims cannot be checked.
        public let when: [String: String]?
    }

    public let day: Day
    public let programs: [Program]
    /// Every figure the model may state.
    public let quantities: Set<Quantity>

    /// Builds the sheet from a traced evaluation (`evaluate(…, trace: true)`).
    public init(_ e: Evaluation, extraNumbers: [Int] = [], language: Language = .ko) {
        self.language = language
        let lang = language.rawValue
        var q = Set<Quantity>()
        func addWon(_ x: Double) { if x.isFinite, x >= 0 { q.insert(.won(x.rounded().clampedInt)) } }
        func addText(_ s: String) { for item in QuantityScanner.scan(s) { q.insert(item) } }
        day = e.day
        q.insert(.date(e.day.year * 10000 + e.day.month * 100 + e.day.day))
        q.insert(.date(e.day.month * 100 + e.day.day))
        q.insert(.number(e.day.year))
        for n in extraNumbers { q.insert(.number(n)) }
        let units = Dictionary(e.pack.parameters.map { ($0.name, $0.unit) }, uniquingKeysWith: { a, _ in a })
        var programs: [Program] = []
        for r in e.programs {
            guard let spec = e.pack.program(r.id) else { continue }
            var values: [(String, Int)] = [], shownValues: [(String, Int)] = []
            for entry in e.trace(r) {
                for reading in entry.facts {
                    switch reading.value {
                    case .number(let n)?:
                        q.insert(.number(n))
                        if e.pack.fact(reading.key)?.type == .scalar(.won) { q.insert(.won(n)) }
                    case .list(let l)?: for n in l { q.insert(.number(n)) }
                    default: break
                    }
                }
                for p in entry.parameters {
                    guard let v = p.value.point else { continue }
                    switch units[p.name] ?? .number {
                    case .won: addWon(v)
                    case .ratio: q.insert(.percent((v * 10000).rounded().clampedInt))
                    default: if v.isFinite { q.insert(.number(v.rounded().clampedInt)) }
                    }
                    if let cell = p.cell { q.insert(.number(cell)) }
                }
                if entry.kind == .value || entry.kind == .amount, entry.unit == .won, let v = entry.value?.point, v.isFinite {
                    addWon(v)
                    if entry.kind == .value, let label = entry.label {
                        values.append((label, v.rounded().clampedInt))
                        shownValues.append((entry.label(in: lang) ?? label, v.rounded().clampedInt))
                    }
                }
                if entry.kind == .note, let label = entry.label { addText(label) }
            }
            if let m = r.monthlyAmount { q.insert(.won(m.value)) }
            if let o = r.oneTimeAmount { q.insert(.won(o.value)) }
            let unmet = e.unmet(r)
            for u in unmet { addText(u) }
            // The translations state the same figures; scanning Korean alone keeps the sheet cheap.
            addText(spec.description.ko)
            if let phone = Int(spec.apply.phone.filter(\.isASCIIDigit)) { q.insert(.number(phone)) }
            let missingKeys = e.missing(r)
            let missing = missingKeys.map { e.pack.fact($0)?.label.ko ?? $0.rawValue }
            let shown = language == .ko ? Shown(values: values, unmet: unmet, missing: missing)
                : Shown(values: shownValues, unmet: e.unmet(r, language: lang),
                        missing: missingKeys.map { e.pack.fact($0)?.label[lang] ?? $0.rawValue })
            programs.append(Program(id: r.id, names: spec.name.values, status: r.status, monthly: r.monthlyAmount,
                                    oneTime: r.oneTimeAmount, confidence: r.confidence, values: values, unmet: unmet,
                                    missing: missing, description: spec.description.ko,
                                    apply: Apply(office: spec.apply.office.values, phone: spec.apply.phone, url: spec.apply.url,
                                                 documents: spec.apply.documents.map(\.ko), when: nil), shown: shown))
        }
        self.programs = programs
        self.quantities = q
    }

    /// One sheet for a household evaluated by several packs (the kiosk's kr-welfare and
    /// kr-culture): every programme, in the packs' order, and every figure. A result is
    /// explained once over them all, so "nothing found" is never said beside a programme the
    /// household can receive from another pack.
    public init(merging sheets: [FactSheet]) {
        precondition(!sheets.isEmpty, "merging needs at least one sheet")
        language = sheets[0].language
        day = sheets[0].day
        programs = sheets.flatMap(\.programs)
        quantities = sheets.reduce(into: Set<Quantity>()) { $0.formUnion($1.quantities) }
    }

    /// The sheet as the prompt carries it: one block per programme, Korean money throughout.
    public func rendered(language: Language) -> String {
        var out = "기준일: \(day)\n"
        let order: [Status] = [.eligible, .undetermined, .ineligible]
        for status in order {
            for p in programs where p.status == status {
                out += "\n[\(p.names["ko"] ?? p.id.rawValue)]"
                if language != .ko, let local = p.names[language.rawValue] { out += " (\(local))" }
                out += "\n상태: \(Self.statusWord(status))\n"
                if let m = p.monthly { out += "월 금액: \(KoreanMoney.format(Double(m.value)))\n" }
                if let o = p.oneTime { out += "한 번 금액: \(KoreanMoney.format(Double(o.value)))\n" }
                for v in p.values { out += "\(v.label): \(KoreanMoney.format(Double(v.won)))\n" }
                for u in p.unmet { out += "안 되는 이유: \(u)\n" }
                if !p.missing.isEmpty { out += "더 필요한 정보: \(p.missing.joined(separator: ", "))\n" }
                if p.confidence == .toCheck { out += "확인 필요: 센터에서 금액을 확인해야 해요\n" }
                if status != .ineligible {
                    out += "신청: \(p.apply.office[language.rawValue] ?? p.apply.office["ko"] ?? "")\n"
                    if !p.apply.phone.isEmpty { out += "문의 전화: \(p.apply.phone)\n" }
                    if !p.apply.documents.isEmpty { out += "서류: \(p.apply.documents.joined(separator: ", "))\n" }
                }
            }
        }
        return out
    }

    static func statusWord(_ s: Status) -> String {
        switch s {
        case .eligible: "받을 수 있음"
        case .ineligible: "받기 어려움"
        case .undetermined: "정보가 더 필요함"
        }
    }

    public func program(named name: String) -> Program? {
        programs.first { $0.names.values.contains(name) }
    }
}
