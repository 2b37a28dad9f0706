import Rules

/// Finds the programmes a sentence names, and the programme-like names it invents.
///
/// Names come from the pack (every language), matched on lowercased text with spaces ignored
/// inside Korean and Chinese names ("기초 연금" is 기초연금). Anything that looks like a
/// programme's name but is none of the sheet's — a word ending in 급여/수당/연금…, a near-name one
/// letter off ("기초연급"), an English "… Allowance" — is reported so the guard can refuse it.
struct ProgrammeLexicon: Sendable {
    struct Mention: Sendable, Equatable {
        let program: ProgramID
        let range: Range<Int>
    }

    /// Lowercased names as codes (`Letters`), longest first so "긴급복지 생계지원" wins over a
    /// shorter overlap.
    private let names: [(program: ProgramID, name: [UInt32])]
    private let known: Set<String>
    /// `known` as characters, for the letter-by-letter comparisons of near-names.
    private let knownCharacters: [[Character]]

    init(_ programs: [FactSheet.Program]) {
        var list: [(ProgramID, String)] = []
        for p in programs {
            for name in Set(p.names.values) where !name.isEmpty {
                list.append((p.id, name.lowercased()))
                // A name written without its inner spaces ("긴급복지생계지원") is the same name.
                let squeezed = name.lowercased().filter { $0 != " " }
                if squeezed.count != name.count { list.append((p.id, squeezed)) }
            }
        }
        names = list.map { ($0.0, Letters.codes($0.1)) }.sorted { $0.1.count > $1.1.count }
        known = Set(list.map { $0.1.filter { $0 != " " } })
        knownCharacters = known.sorted().map(Array.init)
    }

    /// Every named programme, without overlaps, in order.
    func mentions(_ text: [UInt32]) -> [Mention] {
        var taken = [Bool](repeating: false, count: text.count)
        var out: [Mention] = []
        for (program, name) in names {
            var i = 0
            while let at = Self.find(name, in: text, from: i) {
                let r = at..<(at + name.count)
                if !r.contains(where: { taken[$0] }) {
                    for k in r { taken[k] = true }
                    out.append(Mention(program: program, range: r))
                }
                i = at + 1
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Korean and Chinese words ending like a programme name; English and Vietnamese head words.
    static let suffixes = ["급여", "수당", "연금", "바우처", "이용권", "장려금", "지원금", "양육비", "수급", "补助", "津贴", "养老金", "补贴", "券"]
    static let englishHeads = ["allowance", "benefit", "pension", "voucher", "aid", "subsidy", "grant"]
    static let vietnameseHeads = ["trợ cấp", "lương hưu", "phiếu"]
    /// Names of things that are not the sheet's programmes yet fine to mention.
    static let allowed: Set<String> = ["국민연금", "기초생활수급", "기초수급", "급여", "수당", "연금", "national pension", "国民年金",
                                       "补助", "津贴", "养老金", "补贴"]
    static let particles = ["으로", "에서", "이나", "이랑", "하고", "까지", "부터", "은", "는", "이", "가", "을", "를", "도", "과", "와", "의", "로", "만", "랑"]

    /// The first programme-like name in `text` (lowercased, with the known mentions blanked) that
    /// the sheet does not hold.
    func unknownName(_ letters: Letters, masked: [Mention]) -> String? {
        let text = letters.characters
        var chars = text
        for m in masked { for k in m.range { chars[k] = " " } }
        let words = String(chars).split(whereSeparator: { !$0.isLetter })
        for (index, word) in words.enumerated() {
            var w = String(word)
            for particle in Self.particles where w.hasSuffix(particle) && w.count > particle.count + 1 {
                let stem = String(w.dropLast(particle.count))
                if Self.suffixes.contains(where: { stem.hasSuffix($0) }) { w = stem; break }
            }
            if Self.allowed.contains(w) || known.contains(w) { continue }
            if Self.suffixes.contains(where: { w.hasSuffix($0) }) && w.count > 2 { return w }
            if Self.isNearName(w, knownCharacters) { return w }
            // "Housing Allowance": a capitalised head word after a name-like word.
            if Self.englishHeads.contains(w), index > 0 {
                let previous = String(words[index - 1])
                if !["the", "this", "that", "your", "a", "any", "each", "every", "which", "of", "no", "national", "other"].contains(previous),
                   !known.contains("\(previous)\(w)") {
                    return "\(previous) \(w)"
                }
            }
        }
        var flat = letters.codes
        for m in masked { for k in m.range { flat[k] = 0x20 } }
        for head in Self.vietnameseHeadCodes where Self.find(head.codes, in: flat, from: 0) != nil { return head.name }
        // A known name with letters glued on ("아동수당금", "기초연금급여") hides inside a mention.
        for word in String(text).split(whereSeparator: { !$0.isLetter }) {
            let stem = Self.stem(String(word))
            if known.contains(stem) { continue }
            let letters = Array(stem)
            for name in knownCharacters where name.count >= 3 && letters.count >= name.count && letters.starts(with: name) {
                let rest = String(letters[name.count...])
                if !Self.allowedTails.contains(rest) { return stem }
            }
            if Self.isNearName(stem, knownCharacters) { return stem }
        }
        return nil
    }

    /// What may follow a programme's name inside one word: its amount, its applicants.
    static let allowedTails: Set<String> = ["액", "금액", "대상", "대상자", "수급자", "신청", "신청서", "처럼", "이라", "이라서", "이라도", "이에요",
                                            "예요", "입니다", "이고", "이며", "이면", "인데", "만큼"]

    /// A Korean word without its trailing particles ("기초연금을" → "기초연금").
    static func stem(_ word: String) -> String {
        var w = word
        var changed = true
        while changed {
            changed = false
            for particle in particles where w.hasSuffix(particle) && w.count >= particle.count + 2 {
                w = String(w.dropLast(particle.count))
                changed = true
                break
            }
        }
        return w
    }

    /// One letter off a known Korean name of four letters or more ("기초연급", "생게급여").
    static func isNearName(_ word: String, _ known: [[Character]]) -> Bool {
        guard word.unicodeScalars.first.map({ (0xAC00...0xD7A3).contains($0.value) }) == true else { return false }
        let w = Array(word)
        guard w.count >= 4 else { return false }
        for n in known where n.count == w.count {
            var differences = 0
            for k in 0..<w.count where w[k] != n[k] { differences += 1; if differences > 1 { break } }
            if differences == 1 { return true }
        }
        // A known name with a particle is not a near-name; a known name with one letter more is.
        for n in known where n.count + 1 == w.count && (w.starts(with: n) || w.dropFirst().elementsEqual(n)) {
            if !particles.contains(String(w.last!)) { return true }
        }
        return false
    }

    static let vietnameseHeadCodes = vietnameseHeads.map { (name: $0, codes: Letters.codes($0)) }

    static func find(_ needle: [UInt32], in hay: [UInt32], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var i = from
        let first = needle[0]
        while i + needle.count <= hay.count {
            if hay[i] == first {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
