import Rules

/// Reads one sentence into the claims it makes: pure, no I/O.
///
/// A sentence is cut into clauses where a predicate can end ("있고", "지만", ",", "but"…). A
/// clause with a predicate says it of every programme named since the last predicate, so lists
/// ("의료급여와 주거급여를 받을 수 있어요", "의료급여, 주거급여는 받기 어려워요") and
/// conjunctions ("기초연금을 받을 수 있고, 생계급여도 받을 수 있어요") give one claim per
/// programme; a clause with a predicate and no name says it of the previous clause's
/// programmes. Amounts are read with their approximation ("약", "about") and period, and are
/// payments, named quantities (the nearest preceding 소득인정액 / 기준) or plain figures.
struct ClaimReader: Sendable {
    let lexicon: ProgrammeLexicon

    func read(_ sentence: String) -> [Claim] {
        let text = Array(sentence.lowercased())
        let mentions = lexicon.mentions(text)
        let figures = QuantityScanner.spans(text)
        var claims: [Claim] = []
        for (kind, phrases) in ClaimPhrases.uncheckable where Self.contains(text, phrases, in: 0..<text.count) {
            claims.append(.uncheckable(kind))
        }
        if let unknown = lexicon.unknownName(text, masked: mentions) { claims.append(.unknownProgramme(unknown)) }
        readProcess(text, mentions: mentions, figures: figures, into: &claims)

        var pending: [ProgramID] = []
        var last: [ProgramID] = []
        for clause in Self.clauses(text, figures: figures) {
            let named = mentions.filter { clause.contains($0.range.lowerBound) }.map(\.program)
            let predicate = ClaimPhrases.predicates.first { Self.contains(text, $0.1, in: clause) }?.0
            var subjects = pending + named
            if Self.contains(text, ClaimPhrases.nothing, in: clause) {
                claims.append(.unnamedStatus(.cannot, universal: true))
                pending = []
            } else if let predicate {
                if subjects.isEmpty { subjects = last }
                if subjects.isEmpty {
                    claims.append(.unnamedStatus(predicate, universal: false))
                } else {
                    for p in Self.unique(subjects) { claims.append(.status(p, predicate)) }
                }
                last = subjects
                pending = []
            } else {
                pending += named
                if !named.isEmpty { last = named }
            }
            if subjects.isEmpty { subjects = last }
            readAmounts(text, clause: clause, figures: figures, predicate: predicate, subjects: Self.unique(subjects), into: &claims)
        }
        return claims
    }

    // MARK: - Amounts

    private func readAmounts(_ text: [Character], clause: Range<Int>, figures: [(quantity: Quantity, range: Range<Int>)],
                             predicate: Assertion?, subjects: [ProgramID], into claims: inout [Claim]) {
        let inClause = figures.filter { clause.contains($0.range.lowerBound) }
        let phoneClause = Self.contains(text, ClaimPhrases.phoneWords, in: clause)
        var amounts: [Int] = []
        var previousEnd = clause.lowerBound
        for figure in inClause {
            guard case .won(let won) = figure.quantity else {
                // A number beside a phone word is a number to call, read with the process claims.
                if case .number = figure.quantity, phoneClause { continue }
                // The "1" of "1년에" is the period, read below.
                if case .number(1) = figure.quantity, Self.occurs(Array("년"), text, figure.range.upperBound..<min(text.count, figure.range.upperBound + 1)) { continue }
                claims.append(.figure(figure.quantity))
                continue
            }
            amounts.append(won)
            let approximate = isApproximate(text, figure.range)
            let before = previousEnd..<figure.range.lowerBound
            previousEnd = figure.range.upperBound
            if let label = nearestQuantity(text, before) {
                claims.append(.namedQuantity(label: label, won: won, approximate: approximate, programs: subjects))
                continue
            }
            let period = Self.period(text, clause)
            let paid = period != nil || predicate == .receives || predicate == .may || Self.contains(text, ClaimPhrases.payment, in: clause)
            if paid {
                claims.append(.payment(won: won, period: period, approximate: approximate, programs: subjects))
            } else {
                claims.append(.figure(.won(won)))
            }
        }
        if amounts.count >= 2 {
            if Self.contains(text, ClaimPhrases.above, in: clause) { claims.append(.comparison(first: amounts[0], second: amounts[1], above: true)) }
            else if Self.contains(text, ClaimPhrases.below, in: clause) { claims.append(.comparison(first: amounts[0], second: amounts[1], above: false)) }
        }
    }

    private func isApproximate(_ text: [Character], _ range: Range<Int>) -> Bool {
        let before = String(text[max(0, range.lowerBound - 14)..<range.lowerBound]).trimmingSuffix(" ")
        if ClaimPhrases.approximate.contains(where: { before.hasSuffix($0.trimmingSuffix(" ")) }) { return true }
        let after = String(text[range.upperBound..<min(text.count, range.upperBound + 6)]).trimmingPrefix(" ")
        let word = String(text[max(0, range.upperBound - 3)..<min(text.count, range.upperBound + 6)])
        return ClaimPhrases.approximateAfter.contains { after.hasPrefix($0) || word.contains($0) }
    }

    /// The label of the quantity word nearest before an amount, within its stretch of the clause.
    private func nearestQuantity(_ text: [Character], _ range: Range<Int>) -> String? {
        var best: (at: Int, label: String)?
        for (label, words) in ClaimPhrases.quantities {
            for word in words {
                var from = range.lowerBound
                while let at = ProgrammeLexicon.find(Array(word), in: text, from: from), at + word.count <= range.upperBound {
                    if best == nil || at > best!.at { best = (at, label) }
                    from = at + 1
                }
            }
        }
        return best?.label
    }

    static func period(_ text: [Character], _ clause: Range<Int>) -> Period? {
        if contains(text, ClaimPhrases.monthly, in: clause) { return .month }
        if contains(text, ClaimPhrases.yearly, in: clause) { return .year }
        if contains(text, ClaimPhrases.once, in: clause) { return .once }
        return nil
    }

    // MARK: - The process

    private func readProcess(_ text: [Character], mentions: [ProgrammeLexicon.Mention],
                             figures: [(quantity: Quantity, range: Range<Int>)], into claims: inout [Claim]) {
        let all = 0..<text.count
        let named = Self.unique(mentions.map(\.program))
        if Self.contains(text, ClaimPhrases.centreDecides, in: all) {
            claims.append(.centreDecides)
        } else {
            for clause in Self.clauses(text, figures: figures) where Self.contains(text, ClaimPhrases.finality, in: clause) {
                claims.append(.finality(negated: Self.contains(text, ClaimPhrases.negation, in: clause)))
            }
        }
        let dontGo = Self.contains(text, ClaimPhrases.dontGo, in: all)
        var offices: [String] = []
        for office in ClaimPhrases.offices.sorted(by: { $0.count > $1.count })
        where Self.contains(text, [office], in: all) && !offices.contains(where: { $0.contains(office) }) {
            offices.append(office)
        }
        for office in offices { claims.append(.visit(office: office, programs: named, negated: dontGo)) }
        if offices.isEmpty, dontGo || Self.contains(text, ClaimPhrases.goToCentre, in: all) {
            claims.append(.visit(office: nil, programs: named, negated: dontGo))
        }
        let dontCall = Self.contains(text, ClaimPhrases.dontCall, in: all)
        if Self.contains(text, ClaimPhrases.phoneWords, in: all) {
            let numbers = figures.compactMap { f -> Int? in if case .number(let n) = f.quantity { n } else { nil } }
            for n in numbers { claims.append(.call(number: n, negated: dontCall)) }
            if numbers.isEmpty, dontCall { claims.append(.call(number: nil, negated: true)) }
        }
        if Self.contains(text, ClaimPhrases.noDocuments, in: all) {
            claims.append(.noDocuments)
        } else {
            var found: [String] = []
            for document in ClaimPhrases.documents.sorted(by: { $0.count > $1.count })
            where Self.contains(text, [document], in: all) && !found.contains(where: { $0.contains(document) }) {
                found.append(document)
                claims.append(.document(document, programs: named))
            }
        }
    }

    // MARK: - Pieces

    /// Clause ranges: cut after each break phrase, never at a comma between digits ("349,700").
    static func clauses(_ text: [Character], figures: [(quantity: Quantity, range: Range<Int>)]) -> [Range<Int>] {
        var cuts: [Int] = []
        for phrase in ClaimPhrases.clauseBreaks {
            let p = Array(phrase)
            var from = 0
            while let at = ProgrammeLexicon.find(p, in: text, from: from) {
                let end = at + p.count
                if !figures.contains(where: { $0.range.contains(at) && $0.range.contains(end - 1) }) { cuts.append(end) }
                from = at + 1
            }
        }
        var out: [Range<Int>] = []
        var start = 0
        for cut in Set(cuts).sorted() where cut > start && cut < text.count {
            out.append(start..<cut)
            start = cut
        }
        out.append(start..<text.count)
        return out
    }

    static func contains(_ text: [Character], _ phrases: [String], in range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        for phrase in phrases where occurs(Compiled.characters(phrase), text, range) { return true }
        return false
    }

    static func unique(_ ids: [ProgramID]) -> [ProgramID] {
        var seen = Set<ProgramID>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// Whether `needle` lies wholly inside `range` of `text`.
    static func occurs(_ needle: [Character], _ text: [Character], _ range: Range<Int>) -> Bool {
        guard !needle.isEmpty, range.count >= needle.count else { return false }
        let first = needle[0]
        var i = range.lowerBound
        while i + needle.count <= range.upperBound {
            if text[i] == first {
                var k = 1
                while k < needle.count, text[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}

/// Every phrase of `ClaimPhrases` as characters, made once: a check compares characters, never
/// builds them again.
enum Compiled {
    static let table: [String: [Character]] = {
        var all: [String] = ClaimPhrases.nothing + ClaimPhrases.clauseBreaks + ClaimPhrases.approximate + ClaimPhrases.approximateAfter
        all += ClaimPhrases.monthly + ClaimPhrases.yearly + ClaimPhrases.once + ClaimPhrases.payment + ClaimPhrases.above + ClaimPhrases.below
        all += ClaimPhrases.centreDecides + ClaimPhrases.finality + ClaimPhrases.negation + ClaimPhrases.goToCentre + ClaimPhrases.dontGo
        all += ClaimPhrases.phoneWords + ClaimPhrases.dontCall + ClaimPhrases.offices + ClaimPhrases.documentNeed + ClaimPhrases.noDocuments
        all += ClaimPhrases.documents + ClaimPhrases.predicates.flatMap(\.1) + ClaimPhrases.uncheckable.flatMap(\.1)
        all += ClaimPhrases.quantities.flatMap(\.words)
        return Dictionary(all.map { ($0, Array($0)) }, uniquingKeysWith: { a, _ in a })
    }()

    static func characters(_ phrase: String) -> [Character] { table[phrase] ?? Array(phrase) }

}

extension String {
    func trimmingSuffix(_ s: String) -> String { var t = self; while t.hasSuffix(s), !s.isEmpty { t.removeLast(s.count) }; return t }
    func trimmingPrefix(_ s: String) -> String { var t = self; while t.hasPrefix(s), !s.isEmpty { t.removeFirst(s.count) }; return t }
}
