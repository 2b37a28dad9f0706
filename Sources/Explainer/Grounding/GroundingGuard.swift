import Foundation
import Rules
import Settings

/// Why a sentence from the model was refused.
public enum GroundingFailure: Sendable, Equatable, CustomStringConvertible {
    /// A number, amount, percentage or date that the fact sheet does not hold (an amount paid
    /// that is not the programme's, for its period).
    case unknownFigure(Quantity)
    /// A programme-like name ("…수당", "…급여", a near-name) that is not in the sheet.
    case unknownProgramme(String)
    /// A status said about a programme that the engine decided otherwise.
    case contradictsStatus(ProgramID, Status)
    /// A statement about the process (where to go, whom to call, documents, "final") the
    /// programme's apply data or the kiosk's rules contradict.
    case contradictsProcess(String)
    /// A claim of a kind the sheet cannot back (deny by default).
    case uncheckable(UncheckableKind)
    /// A claim the sheet does not entail, in words.
    case notEntailed(String)
    /// Not written in the language asked for: noise, or a model ignoring its instructions.
    case wrongLanguage(Language)
    /// A run of characters no language writes: a "word" of dozens of letters, or a sentence
    /// that never ends. Random or degenerate output looks like this.
    case unreadable

    public var description: String {
        switch self {
        case .wrongLanguage(let l): "not written in \(l.rawValue)"
        case .unreadable: "not readable text (an overlong word or sentence)"
        case .unknownFigure(let q): "figure \(q) is not in the fact sheet"
        case .unknownProgramme(let n): "programme '\(n)' is not in the fact sheet"
        case .contradictsStatus(let id, let s): "says the wrong status for \(id) (engine: \(s.rawValue))"
        case .contradictsProcess(let why): why
        case .uncheckable(let kind): "a claim that cannot be checked (\(kind.rawValue))"
        case .notEntailed(let why): "not entailed: \(why)"
        }
    }

    /// The failure's kind alone: what a log may keep (never the sentence or its figures).
    public var category: String {
        switch self {
        case .wrongLanguage: "wrong_language"
        case .unreadable: "unreadable"
        case .unknownFigure: "figure"
        case .unknownProgramme: "programme"
        case .contradictsStatus: "status"
        case .contradictsProcess: "process"
        case .uncheckable(let kind): "uncheckable_" + kind.rawValue
        case .notEntailed: "not_entailed"
        }
    }
}

/// Checks one sentence at a time against the fact sheet: pure, no I/O.
///
/// The rule is the one public chatbots lacked: the engine decides, the model only words it.
/// The sentence is read into claims (`ClaimReader`) and shown only when the sheet entails every
/// one of them (`Entailment`); a claim of a kind the guard cannot check is refused.
public struct GroundingGuard: Sendable {
    public let sheet: FactSheet
    /// Figures the answer's passages add (a phone number in an office's text, say).
    public var extraQuantities: Set<Quantity> = [] {
        didSet { entailment = Entailment(sheet: sheet, extraQuantities: extraQuantities, centrePhone: centrePhone, reader: reader) }
    }
    /// The kiosk's welfare line (`[centre] phone`), a number the citizen may always be told to call.
    public var centrePhone: Int? {
        didSet { entailment = Entailment(sheet: sheet, extraQuantities: extraQuantities, centrePhone: centrePhone, reader: reader) }
    }

    /// The language the text must be in; nil accepts any.
    public var language: Language?

    let reader: ClaimReader
    private var entailment: Entailment
    /// The sheet's own labels and reasons in the citizen's language, each with its Korean
    /// original, longest first: a sentence that repeats one is read as the Korean, which the
    /// claim vocabulary is written against ("Medical benefit threshold" is 의료급여 선정기준, not
    /// a near-name of 의료급여). Empty for a Korean sheet.
    private let translations: [(shown: String, korean: String)]

    public init(sheet: FactSheet, language: Language? = nil, centrePhone: Int? = 129) {
        self.sheet = sheet
        self.language = language
        self.centrePhone = centrePhone
        reader = ClaimReader(lexicon: ProgrammeLexicon(sheet.programs))
        entailment = Entailment(sheet: sheet, extraQuantities: [], centrePhone: centrePhone, reader: reader)
        translations = Self.translations(of: sheet)
    }

    static func translations(of sheet: FactSheet) -> [(shown: String, korean: String)] {
        guard sheet.language != .ko else { return [] }
        var pairs: [String: String] = [:]
        for p in sheet.programs {
            for (v, shown) in zip(p.values, p.shown.values) where shown.label != v.label { pairs[shown.label] = v.label }
            for (u, shown) in zip(p.unmet, p.shown.unmet) {
                let local = TemplateExplainer.trimmed(shown), korean = TemplateExplainer.trimmed(u)
                if local != korean, !local.isEmpty { pairs[local] = korean }
            }
        }
        return pairs.map { ($0.key, $0.value) }.sorted { $0.shown.count > $1.shown.count }
    }

    /// The sentence with the sheet's own translated words put back in Korean.
    func inKorean(_ sentence: String) -> String {
        guard !translations.isEmpty else { return sentence }
        var text = sentence
        for pair in translations where text.range(of: pair.shown, options: .caseInsensitive) != nil {
            text = text.replacingOccurrences(of: pair.shown, with: pair.korean, options: .caseInsensitive)
        }
        return text
    }

    /// Whether the text explains a whole result (an explanation) rather than answers a question:
    /// then what remains after refusals must still name every programme the household gets.
    public var explainsResult = false

    /// The most sentences one answer may lose before the template replaces it.
    public static let mostDropped = 2

    /// Whether the sentences kept, after `refused` were dropped, still explain the result: some
    /// text is left, no more was refused than kept, and (for an explanation) every eligible
    /// programme is still named as one the household can receive.
    public func stillExplains(_ kept: [String], refused: Int) -> Bool {
        guard !kept.isEmpty, refused <= Self.mostDropped, refused <= kept.count else { return false }
        guard explainsResult else { return true }
        var said = Set<ProgramID>()
        for sentence in kept {
            for case .status(let id, .receives) in reader.read(inKorean(sentence)) { said.insert(id) }
        }
        return sheet.programs.allSatisfy { $0.status != .eligible || said.contains($0.id) }
    }

    /// The claims a sentence makes, as the guard reads them.
    public func claims(_ sentence: String) -> [Claim] { reader.read(inKorean(sentence)) }

    public func check(_ sentence: String) -> GroundingFailure? {
        if let language, !Self.isWritten(in: language, sentence) { return .wrongLanguage(language) }
        for claim in reader.read(inKorean(sentence)) {
            if let failure = entailment.failure(claim) { return failure }
        }
        return nil
    }

    /// Checks a sentence still being streamed, so noise is refused before it ends: a word longer
    /// than any real one (Chinese, written without spaces, is held only to the sentence limit)
    /// or, once there are enough letters to tell, the wrong script.
    public func checkPartial(_ pending: String) -> GroundingFailure? {
        if pending.count > SentenceSplitter.longest { return .unreadable }
        if language != .zh, pending.split(whereSeparator: { $0 == " " || $0 == "\n" }).contains(where: { $0.count > Self.longestWord }) {
            return .unreadable
        }
        if let language, pending.unicodeScalars.filter(\.properties.isAlphabetic).count >= 12, !Self.isWritten(in: language, pending) {
            return .wrongLanguage(language)
        }
        return nil
    }

    /// Longer than 엄마아빠할머니할아버지 twice over; no Korean, English or Vietnamese word is.
    static let longestWord = 24

    /// Whether at least half the letters are in the language's script (a sentence of fewer
    /// than four letters passes: "OK." or a bare amount says nothing about its language).
    static func isWritten(in language: Language, _ sentence: String) -> Bool {
        var letters = 0, native = 0
        for s in sentence.unicodeScalars where s.properties.isAlphabetic {
            letters += 1
            let v = s.value
            switch language {
            case .ko: if (0xAC00...0xD7A3).contains(v) || (0x1100...0x11FF).contains(v) || (0x3130...0x318F).contains(v) { native += 1 }
            case .zh: if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) { native += 1 }
            case .en: if s.isASCII { native += 1 }
            case .vi: if v < 0x250 || (0x1E00...0x1EFF).contains(v) || (0x300...0x36F).contains(v) { native += 1 }
            }
        }
        return letters < 4 || native * 2 >= letters
    }
}

/// Cuts streamed text into sentences as they complete, so each can be checked and shown.
public struct SentenceSplitter: Sendable {
    private var pendingText = ""
    /// A sentence longer than this is refused unread (`GroundingGuard.checkPartial`).
    static let longest = 240

    /// The sentence begun but not ended.
    public var pending: String { pendingText }

    public init() {}

    /// Adds text; returns the sentences it completed.
    public mutating func feed(_ text: String) -> [String] {
        pendingText += text
        var out: [String] = []
        var chars = Array(pendingText)
        var i = 0
        var start = 0
        while i < chars.count {
            let c = chars[i]
            var end = false
            if c == "\n" { end = true }
            else if "。！？!?".contains(c) { end = true }
            else if c == ".", i + 1 < chars.count {
                // "4.17%" and "1.5" are not ends; a '.' before a space or newline is.
                end = chars[i + 1] == " " || chars[i + 1] == "\n"
            }
            if end {
                let s = String(chars[start...i]).trimmingCharacters(in: .whitespacesAndNewlines)
                if !s.isEmpty { out.append(s) }
                start = i + 1
            }
            i += 1
        }
        chars.removeFirst(start)
        pendingText = String(chars)
        return out
    }

    /// What is left when the stream ends: the last sentence, if any.
    public mutating func finish() -> String? {
        let s = pendingText.trimmingCharacters(in: .whitespacesAndNewlines)
        pendingText = ""
        return s.isEmpty ? nil : s
    }
}
