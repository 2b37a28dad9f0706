import Foundation

/// Vietnamese typed the Telex way on Latin keys, as a kiosk with no input method needs it:
/// `aa` â, `aw` ă, `ee` ê, `oo` ô, `ow` ơ, `uw` ư (and `uow` ươ), `dd` đ, and a tone key after
/// the word's letters: `s` sắc, `f` huyền, `r` hỏi, `x` ngã, `j` nặng, `z` none. The tone goes
/// on the vowel the modern rule gives it ("hoà", "thuý", "người"), moving when the word grows;
/// pressing a mark's key again takes the mark off and types the letter ("ass" → "as").
///
/// Pure: the text so far and one key in, the text out. Only the last word changes.
public enum Telex {
    public static func typing(_ key: Character, into text: String) -> String {
        let letters = text.reversed().prefix { $0.isLetter }.count
        let head = String(text.dropLast(letters))
        var word = Word(String(text.suffix(letters)))
        guard key.isLetter, let lower = key.lowercased().first else { return text + String(key) }
        let changed: Bool = switch lower {
        case "s", "f", "r", "x", "j", "z": word.tone(Tone(key: lower))
        case "w": word.hook()
        case "a", "e", "o": word.circumflex(lower)
        case "d": word.stroke()
        default: false
        }
        if !changed { word.letters.append(Letter(key)) }
        return head + word.text
    }

    enum Tone: Equatable {
        case none, acute, grave, hook, tilde, dot

        init(key: Character) {
            self = switch key {
            case "s": .acute
            case "f": .grave
            case "r": .hook
            case "x": .tilde
            case "j": .dot
            default: .none
            }
        }

        init?(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x0301: self = .acute
            case 0x0300: self = .grave
            case 0x0309: self = .hook
            case 0x0303: self = .tilde
            case 0x0323: self = .dot
            default: return nil
            }
        }

        var mark: Unicode.Scalar? {
            switch self {
            case .none: nil
            case .acute: "\u{0301}"
            case .grave: "\u{0300}"
            case .hook: "\u{0309}"
            case .tilde: "\u{0303}"
            case .dot: "\u{0323}"
            }
        }
    }

    /// A letter as its base, its vowel mark (circumflex, breve, horn), its tone and its case.
    struct Letter {
        var base: Character
        var shape: Unicode.Scalar?
        var tone = Tone.none
        var upper: Bool
        var stroke = false

        init(_ c: Character) {
            upper = c.isUppercase
            let lowered = String(c).lowercased()
            if lowered == "đ" {
                base = "d"; stroke = true
                return
            }
            let scalars = Array(lowered.decomposedStringWithCanonicalMapping.unicodeScalars)
            base = Character(scalars.first ?? " ")
            for s in scalars.dropFirst() {
                if let t = Tone(s) { tone = t } else if [0x0302, 0x0306, 0x031B].contains(s.value) { shape = s }
            }
        }

        var isVowel: Bool { "aeiouy".contains(base) }

        var text: String {
            if stroke { return upper ? "Đ" : "đ" }
            var s = String(base)
            if let shape { s.unicodeScalars.append(shape) }
            if let mark = tone.mark { s.unicodeScalars.append(mark) }
            s = s.precomposedStringWithCanonicalMapping
            return upper ? s.uppercased() : s
        }
    }

    struct Word {
        var letters: [Letter]

        init(_ text: String) { letters = text.map(Letter.init) }

        var text: String { letters.map(\.text).joined() }

        /// The word's vowels, without the u of "qu" and the i of "gi" before another vowel
        /// (they belong to the consonant).
        var vowels: [Int] {
            var indices = letters.indices.filter { letters[$0].isVowel }
            if let first = indices.first, first == 1 {
                let before = letters[0].base
                if (before == "q" && letters[1].base == "u") || (before == "g" && letters[1].base == "i"),
                   indices.count > 1 { indices.removeFirst() }
            }
            return indices
        }

        /// Where the tone goes: the shaped vowel (ơ of ươ), else the last vowel before a final
        /// consonant, else the second of oa/oe/uy and the first of other pairs, the middle of three.
        var toneIndex: Int? {
            let v = vowels
            guard !v.isEmpty else { return nil }
            if let shaped = v.last(where: { letters[$0].shape != nil }) { return shaped }
            if let last = v.last, last < letters.count - 1 { return last }
            switch v.count {
            case 1: return v[0]
            case 2:
                let pair = String([letters[v[0]].base, letters[v[1]].base])
                return ["oa", "oe", "uy"].contains(pair) ? v[1] : v[0]
            default: return v[v.count / 2]
            }
        }

        var currentTone: Tone { letters.first { $0.tone != .none }?.tone ?? .none }

        /// A tone key: sets the tone, or takes it off (and is typed) if it was that tone already.
        mutating func tone(_ tone: Tone) -> Bool {
            guard let at = toneIndex else { return false }
            let had = currentTone
            for i in letters.indices { letters[i].tone = .none }
            if had == tone || tone == .none {
                // "z" with no tone, or a tone key pressed twice: the letter itself.
                return tone == .none && had != .none
            }
            letters[at].tone = tone
            return true
        }

        /// `w`: ươ from uo, ă from a, ơ from o, ư from u; pressed again, the letters and a w.
        mutating func hook() -> Bool {
            let v = vowels
            if let i = v.firstIndex(where: { letters[$0].base == "u" }), i + 1 < v.count, letters[v[i + 1]].base == "o",
               letters[v[i]].shape == nil || letters[v[i + 1]].shape == nil {
                letters[v[i]].shape = "\u{031B}"
                letters[v[i + 1]].shape = "\u{031B}"
                return moveTone()
            }
            guard let at = v.last(where: { "aou".contains(letters[$0].base) }) else { return false }
            let wanted: Unicode.Scalar = letters[at].base == "a" ? "\u{0306}" : "\u{031B}"
            if letters[at].shape == wanted {
                for i in v where letters[i].shape == wanted { letters[i].shape = nil }
                return false
            }
            letters[at].shape = wanted
            return moveTone()
        }

        /// `a`, `e`, `o` after the same vowel: â, ê, ô; pressed again, back to the letters.
        mutating func circumflex(_ base: Character) -> Bool {
            guard let at = vowels.last(where: { letters[$0].base == base }) else { return false }
            if letters[at].shape == "\u{0302}" {
                letters[at].shape = nil
                return false
            }
            letters[at].shape = "\u{0302}"
            return moveTone()
        }

        /// `d` after a first d: đ; pressed again, back to dd.
        mutating func stroke() -> Bool {
            guard let first = letters.first, first.base == "d" else { return false }
            letters[0].stroke.toggle()
            return letters[0].stroke
        }

        /// A vowel changed shape: the tone moves to where the rule now puts it.
        mutating func moveTone() -> Bool {
            let tone = currentTone
            guard tone != .none, let at = toneIndex else { return true }
            for i in letters.indices { letters[i].tone = .none }
            letters[at].tone = tone
            return true
        }
    }
}
