import Rules

/// Decides whether the fact sheet entails one claim: pure, no I/O.
///
/// Statuses are the engine's; an amount paid is one of the programme's own (its monthly
/// amount, twelve of them a year, or its one-off amount), exact unless the sentence marks it
/// approximate, then within 5%. A named quantity must be one the sheet labels so; every other
/// figure must be among the sheet's. Process claims are held to the programme's apply data and
/// to what the kiosk always says (the centre decides). Anything else is refused.
struct Entailment: Sendable {
    let sheet: FactSheet
    let extraQuantities: Set<Quantity>
    /// The kiosk's own phone number (the 129 welfare line), always a number to call.
    let centrePhone: Int?
    /// Named quantities the sheet states, by programme and label key word ("소득인정액", "기준").
    private let named: [ProgramID: [String: Set<Int>]]

    init(sheet: FactSheet, extraQuantities: Set<Quantity>, centrePhone: Int?, reader: ClaimReader) {
        self.sheet = sheet
        self.extraQuantities = extraQuantities
        self.centrePhone = centrePhone
        var named: [ProgramID: [String: Set<Int>]] = [:]
        let koNames = sheet.programs.compactMap { p in p.names["ko"].map { (p.id, $0) } }
        for p in sheet.programs {
            // A programme's trace also shows figures of others it reads (생계급여 reads the 의료급여
            // line for the 장애인연금 부가급여): a value labelled with another programme's name is
            // that programme's, not this one's.
            let own = p.names["ko"] ?? ""
            for v in p.values where own.isEmpty || v.label.contains(own) || !koNames.contains(where: { $0.0 != p.id && v.label.contains($0.1) }) {
                for (label, words) in ClaimPhrases.quantities where words.contains(where: { v.label.contains($0) }) {
                    named[p.id, default: [:]][label, default: []].insert(v.won)
                }
            }
            // The reasons state figures under their names ("소득인정액 150만 원이 기준 82만 556원보다 많아요").
            for u in p.unmet {
                for case .namedQuantity(let label, let won, _, _) in reader.read(u) { named[p.id, default: [:]][label, default: []].insert(won) }
            }
        }
        self.named = named
    }

    func failure(_ claim: Claim) -> GroundingFailure? {
        switch claim {
        case .status(let id, let assertion):
            guard let p = sheet.programs.first(where: { $0.id == id }) else { return .unknownProgramme(id.rawValue) }
            return Self.holds(assertion, p) ? nil : .contradictsStatus(id, p.status)
        case .unnamedStatus(let assertion, let universal):
            if universal {
                return sheet.programs.contains { $0.status == .eligible } ? .notEntailed("nothing at all, while something is eligible") : nil
            }
            // "신청해 보세요" with no programme named is general advice: applying is always open.
            if assertion == .mustApply { return nil }
            return sheet.programs.contains { Self.holds(assertion, $0) } ? nil : .notEntailed("'\(assertion.rawValue)' of no programme")
        case .payment(let won, let period, let approximate, let programs):
            let candidates = programs.isEmpty ? sheet.programs.filter { $0.status == .eligible }
                                              : sheet.programs.filter { programs.contains($0.id) }
            let ok = candidates.contains { p in
                p.status == .eligible && Self.amounts(p, period).contains { Self.matches(won, $0, approximate: approximate) }
            }
            return ok ? nil : .unknownFigure(.won(won))
        case .namedQuantity(let label, let won, let approximate, let programs):
            // Said of named programmes, the quantity must be theirs ("생계급여 기준"); else anyone's.
            let pool = programs.isEmpty ? Array(named.values) : programs.compactMap { named[$0] }
            let ok = pool.contains { ($0[label] ?? []).contains { Self.matches(won, $0, approximate: approximate) } }
            return ok ? nil : .unknownFigure(.won(won))
        case .comparison(let first, let second, let above):
            return (above ? first > second : first <= second) ? nil : .notEntailed("comparison of \(first) and \(second)")
        case .figure(let q):
            return allows(q) ? nil : .unknownFigure(q)
        case .unknownProgramme(let name):
            return .unknownProgramme(name)
        case .centreDecides:
            return nil
        case .finality(let negated):
            return negated ? nil : .contradictsProcess("says the result is final; the centre decides")
        case .visit(let office, let programs, let negated):
            if negated { return .contradictsProcess("tells the citizen not to go to the centre") }
            guard let office else { return nil }
            if ClaimPhrases.ownCentre.contains(office) { return nil }
            let pool = programs.isEmpty ? sheet.programs : sheet.programs.filter { programs.contains($0.id) }
            let ok = pool.contains { p in p.apply.office.values.contains { $0.lowercased().contains(office) } || p.apply.url.lowercased().contains(office) }
            return ok ? nil : .contradictsProcess("office '\(office)' is not where to apply")
        case .call(let number, let negated):
            if negated { return .contradictsProcess("tells the citizen not to call") }
            guard let number else { return nil }
            if number == centrePhone { return nil }
            if sheet.programs.contains(where: { Int($0.apply.phone.filter(\.isASCIIDigit)) == number }) { return nil }
            return extraQuantities.contains(.number(number)) ? nil : .unknownFigure(.number(number))
        case .document(let document, let programs):
            let pool = programs.isEmpty ? sheet.programs : sheet.programs.filter { programs.contains($0.id) }
            let ok = pool.contains { $0.apply.documents.contains { $0.lowercased().contains(document) } }
            return ok ? nil : .contradictsProcess("document '\(document)' is not in the apply data")
        case .noDocuments:
            return .contradictsProcess("says no documents are needed")
        case .uncheckable(let kind):
            return .uncheckable(kind)
        }
    }

    static func holds(_ assertion: Assertion, _ p: FactSheet.Program) -> Bool {
        switch assertion {
        case .receives: p.status == .eligible
        case .cannot: p.status == .ineligible
        case .may: p.status == .undetermined || (p.status == .eligible && p.confidence == .toCheck)
        case .needsInformation: p.status == .undetermined
        case .mustApply: p.status != .ineligible
        case .automatic: false
        }
    }

    static func amounts(_ p: FactSheet.Program, _ period: Period?) -> [Int] {
        let monthly = p.monthly.map(\.value).flatMap { $0 > 0 ? $0 : nil }
        let once = p.oneTime.map(\.value).flatMap { $0 > 0 ? $0 : nil }
        switch period {
        case .month: return monthly.map { [$0] } ?? []
        case .year: return monthly.map { [$0 * 12] } ?? []
        case .once: return once.map { [$0] } ?? []
        case nil: return [monthly, once].compactMap { $0 }
        }
    }

    /// Equal, or within 5% when the sentence says it is approximate.
    static func matches(_ said: Int, _ actual: Int, approximate: Bool) -> Bool {
        if said == actual { return true }
        return approximate && Double(abs(said - actual)) <= 0.05 * Double(actual)
    }

    func allows(_ q: Quantity) -> Bool {
        if sheet.quantities.contains(q) || extraQuantities.contains(q) { return true }
        // A whole number also written as money elsewhere (e.g. "65" vs "65세") is fine; a
        // bare number equal to a stated amount is too.
        if case .number(let n) = q { return sheet.quantities.contains(.won(n)) || sheet.quantities.contains(.percent(n * 100)) }
        return false
    }
}
