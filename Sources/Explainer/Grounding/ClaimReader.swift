import Foundation
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
        let letters = Letters(sentence)
        let text = letters.codes
        let mentions = lexicon.mentions(text)
        let figures = QuantityScanner.spans(letters.characters)
        let clauses = Self.clauses(text, figures: figures)
        var claims: [Claim] = []
        for (kind, phrases) in Compiled.uncheckable where Self.contains(text, phrases, in: 0..<text.count) {
            claims.append(.uncheckable(kind))
        }
        if let unknown = lexicon.unknownName(letters, masked: mentions) { claims.append(.unknownProgramme(unknown)) }
        readProcess(text, mentions: mentions, figures: figures, clauses: clauses, into: &claims)

        var pending: [ProgramID] = []
        var last: [ProgramID] = []
        for clause in clauses {
            let named = mentions.filter { clause.contains($0.range.lowerBound) }.map(\.program)
            let predicate = Compiled.predicates.first { Self.contains(text, $0.1, in: clause) }?.0
            var subjects = pending + named
            if Self.contains(text, Compiled.nothing, in: clause) {
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
            readAmounts(letters, clause: clause, figures: figures, predicate: predicate, subjects: Self.unique(subjects), into: &claims)
        }
        return claims
    }

    // MARK: - Amounts

    private func readAmounts(_ letters: Letters, clause: Range<Int>, figures: [(quantity: Quantity, range: Range<Int>)],
                             predicate: Assertion?, subjects: [ProgramID], into claims: inout [Claim]) {
        let text = letters.codes
        let inClause = figures.filter { clause.contains($0.range.lowerBound) }
        let phoneClause = Self.contains(text, Compiled.phoneWords, in: clause)
        var amounts: [Int] = []
        var previousEnd = clause.lowerBound
        for figure in inClause {
            guard case .won(let won) = figure.quantity else {
                // A number beside a phone word is a number to call, read with the process claims.
                if case .number = figure.quantity, phoneClause { continue }
                // The "1" of "1년에" is the period, read below.
                if case .number(1) = figure.quantity, Self.occurs(Self.year, text, figure.range.upperBound..<min(text.count, figure.range.upperBound + 1)) { continue }
                claims.append(.figure(figure.quantity))
                continue
            }
            amounts.append(won)
            let approximate = isApproximate(letters.characters, figure.range)
            let before = previousEnd..<figure.range.lowerBound
            previousEnd = figure.range.upperBound
            if let label = nearestQuantity(text, before) {
                claims.append(.namedQuantity(label: label, won: won, approximate: approximate, programs: subjects))
                continue
            }
            let period = Self.period(text, clause)
            let paid = period != nil || predicate == .receives || predicate == .may || Self.contains(text, Compiled.payment, in: clause)
            if paid {
                claims.append(.payment(won: won, period: period, approximate: approximate, programs: subjects))
            } else {
                claims.append(.figure(.won(won)))
            }
        }
        if amounts.count >= 2 {
            if Self.contains(text, Compiled.above, in: clause) { claims.append(.comparison(first: amounts[0], second: amounts[1], above: true)) }
            else if Self.contains(text, Compiled.below, in: clause) { claims.append(.comparison(first: amounts[0], second: amounts[1], above: false)) }
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
    private func nearestQuantity(_ text: [UInt32], _ range: Range<Int>) -> String? {
        var best: (at: Int, label: String)?
        for (label, words) in Compiled.quantities {
            for codes in words {
                var from = range.lowerBound
                while let at = ProgrammeLexicon.find(codes, in: text, from: from), at + codes.count <= range.upperBound {
                    if best == nil || at > best!.at { best = (at, label) }
                    from = at + 1
                }
            }
        }
        return best?.label
    }

    static let year = Letters.codes("년")

    static func period(_ text: [UInt32], _ clause: Range<Int>) -> Period? {
        if contains(text, Compiled.monthly, in: clause) { return .month }
        if contains(text, Compiled.yearly, in: clause) { return .year }
        if contains(text, Compiled.once, in: clause) { return .once }
        return nil
    }

    // MARK: - The process

    private func readProcess(_ text: [UInt32], mentions: [ProgrammeLexicon.Mention],
                             figures: [(quantity: Quantity, range: Range<Int>)], clauses: [Range<Int>], into claims: inout [Claim]) {
        let all = 0..<text.count
        let named = Self.unique(mentions.map(\.program))
        if Self.contains(text, Compiled.centreDecides, in: all) {
            claims.append(.centreDecides)
        } else {
            for clause in clauses where Self.contains(text, Compiled.finality, in: clause) {
                claims.append(.finality(negated: Self.contains(text, Compiled.negation, in: clause)))
            }
        }
        let dontGo = Self.contains(text, Compiled.dontGo, in: all)
        var offices: [String] = []
        for (office, codes) in Self.officesLongestFirst
        where Self.occurs(codes, text, all) && !offices.contains(where: { $0.contains(office) }) {
            offices.append(office)
        }
        for office in offices { claims.append(.visit(office: office, programs: named, negated: dontGo)) }
        if offices.isEmpty, dontGo || Self.contains(text, Compiled.goToCentre, in: all) {
            claims.append(.visit(office: nil, programs: named, negated: dontGo))
        }
        let dontCall = Self.contains(text, Compiled.dontCall, in: all)
        if Self.contains(text, Compiled.phoneWords, in: all) {
            let numbers = figures.compactMap { f -> Int? in if case .number(let n) = f.quantity { n } else { nil } }
            for n in numbers { claims.append(.call(number: n, negated: dontCall)) }
            if numbers.isEmpty, dontCall { claims.append(.call(number: nil, negated: true)) }
        }
        if Self.contains(text, Compiled.noDocuments, in: all) {
            claims.append(.noDocuments)
        } else {
            var found: [String] = []
            for (document, codes) in Self.documentsLongestFirst
            where Self.occurs(codes, text, all) && !found.contains(where: { $0.contains(document) }) {
                found.append(document)
                claims.append(.document(document, programs: named))
            }
        }
    }

    // MARK: - Pieces

    /// Clause ranges: cut after each break phrase, never at a comma between digits ("349,700").
    static let officesLongestFirst = ClaimPhrases.offices.sorted { $0.count > $1.count }.map { ($0, Letters.codes($0)) }
    static let documentsLongestFirst = ClaimPhrases.documents.sorted { $0.count > $1.count }.map { ($0, Letters.codes($0)) }

    static func clauses(_ text: [UInt32], figures: [(quantity: Quantity, range: Range<Int>)]) -> [Range<Int>] {
        var cuts: [Int] = []
        for p in Compiled.clauseBreaks {
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

    static func contains(_ text: [UInt32], _ phrases: [[UInt32]], in range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        for phrase in phrases where occurs(phrase, text, range) { return true }
        return false
    }

    static func unique(_ ids: [ProgramID]) -> [ProgramID] {
        var seen = Set<ProgramID>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// Whether `needle` lies wholly inside `range` of `text`.
    static func occurs(_ needle: [UInt32], _ text: [UInt32], _ range: Range<Int>) -> Bool {
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

/// A sentence as the reader searches it: lowercased, in NFC, as Characters (for the figures and
/// the words) and, index for index, as codes — a Character's scalar value, or a value no phrase
/// holds for the rare Character of several scalars. Phrases are found by comparing integers:
/// comparing Characters costs a grapheme-aware string comparison each.
struct Letters {
    let characters: [Character]
    let codes: [UInt32]

    /// Beyond every scalar value: matches nothing.
    static let cluster: UInt32 = 0x110000

    init(_ sentence: String) {
        var text = sentence.lowercased()
        // Decomposed Vietnamese (e + combining marks) is composed, as the phrases are written.
        if text.unicodeScalars.contains(where: { (0x300...0x36F).contains($0.value) }) {
            text = text.precomposedStringWithCanonicalMapping
        }
        characters = Array(text)
        codes = characters.map { c in
            let scalars = c.unicodeScalars
            return scalars.count == 1 ? scalars.first!.value : Letters.cluster
        }
    }

    /// A phrase's codes, as `Letters` would give them.
    static func codes(_ phrase: String) -> [UInt32] { Letters(phrase).codes }
}

/// Every phrase list of `ClaimPhrases` as codes, made once: a check compares integers, never
/// builds them again.
enum Compiled {
    static func list(_ phrases: [String]) -> [[UInt32]] { phrases.map(Letters.codes) }

    static let nothing = list(ClaimPhrases.nothing), monthly = list(ClaimPhrases.monthly), yearly = list(ClaimPhrases.yearly)
    static let once = list(ClaimPhrases.once), payment = list(ClaimPhrases.payment), above = list(ClaimPhrases.above)
    static let below = list(ClaimPhrases.below), centreDecides = list(ClaimPhrases.centreDecides), finality = list(ClaimPhrases.finality)
    static let negation = list(ClaimPhrases.negation), goToCentre = list(ClaimPhrases.goToCentre), dontGo = list(ClaimPhrases.dontGo)
    static let phoneWords = list(ClaimPhrases.phoneWords), dontCall = list(ClaimPhrases.dontCall), noDocuments = list(ClaimPhrases.noDocuments)
    static let predicates = ClaimPhrases.predicates.map { ($0.0, list($0.1)) }
    static let uncheckable = ClaimPhrases.uncheckable.map { ($0.0, list($0.1)) }
    static let clauseBreaks = list(ClaimPhrases.clauseBreaks)
    static let quantities = ClaimPhrases.quantities.map { ($0.label, list($0.words)) }

}

extension String {
    func trimmingSuffix(_ s: String) -> String { var t = self; while t.hasSuffix(s), !s.isEmpty { t.removeLast(s.count) }; return t }
    func trimmingPrefix(_ s: String) -> String { var t = self; while t.hasPrefix(s), !s.isEmpty { t.removeFirst(s.count) }; return t }
}
