import Foundation
import Rules
import Settings

/// Why a sentence from the model was refused.
public enum GroundingFailure: Sendable, Equatable, CustomStringConvertible {
    /// A number, amount, percentage or date that the fact sheet does not hold.
    case unknownFigure(Quantity)
    /// A programme-like name ("…수당", "…급여") that is not in the sheet.
    case unknownProgramme(String)
    /// A status said about a programme that the engine decided otherwise.
    case contradictsStatus(ProgramID, Status)
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
        }
    }
}

/// Checks one sentence at a time against the fact sheet: pure, no I/O.
///
/// The rule is the one public chatbots lacked: the engine decides, the model only words it.
/// Anything checkable that the sheet does not back is refused, and one refusal ends the model's
/// turn (the caller switches to the template).
public struct GroundingGuard: Sendable {
    public let sheet: FactSheet
    /// Figures the answer's passages add (a phone number in an office's text, say).
    public var extraQuantities: Set<Quantity> = []

    /// The language the text must be in; nil accepts any.
    public var language: Language?

    public init(sheet: FactSheet, language: Language? = nil) {
        self.sheet = sheet
        self.language = language
    }

    public func check(_ sentence: String) -> GroundingFailure? {
        if let language, !Self.isWritten(in: language, sentence) { return .wrongLanguage(language) }
        for q in QuantityScanner.scan(sentence) where !allows(q) {
            return .unknownFigure(q)
        }
        let mentioned = sheet.programs.filter { p in p.names.values.contains { !$0.isEmpty && sentence.contains($0) } }
        if let unknown = unknownProgrammeName(in: sentence) { return .unknownProgramme(unknown) }
        // A status claim is read only when one programme is named: with several the claim's
        // subject is ambiguous, and a sentence listing names claims nothing about each.
        if mentioned.count == 1, let p = mentioned.first, let claim = Self.claimedStatus(sentence), claim != p.status {
            if !(claim == .ineligible && p.status == .undetermined) { return .contradictsStatus(p.id, p.status) }
        }
        return nil
    }

    func allows(_ q: Quantity) -> Bool {
        if sheet.quantities.contains(q) || extraQuantities.contains(q) { return true }
        // A whole number also written as money elsewhere (e.g. "65" vs "65세") is fine; a
        // bare number equal to a stated amount is too.
        if case .number(let n) = q { return sheet.quantities.contains(.won(n)) || sheet.quantities.contains(.percent(n * 100)) }
        return false
    }

    /// Words the pack's programme names end with; a word ending so that is no programme of the
    /// sheet names a programme the engine never judged.
    static let programmeSuffixes = ["급여", "수당", "연금", "바우처", "이용권", "장려금", "지원금", "양육비", "수급"]

    func unknownProgrammeName(in sentence: String) -> String? {
        let names = sheet.programs.flatMap { $0.names.values }
        for word in sentence.split(whereSeparator: { !$0.isLetter }) {
            var w = String(word)
            // Drop a trailing particle so "기초연금을" and "아동수당은" read as names.
            for particle in ["으로", "에서", "이나", "은", "는", "이", "가", "을", "를", "도", "과", "와", "의", "로", "만"] where w.hasSuffix(particle) && w.count > particle.count + 1 {
                let stem = String(w.dropLast(particle.count))
                if Self.programmeSuffixes.contains(where: { stem.hasSuffix($0) }) { w = stem; break }
            }
            guard w.count > 2, Self.programmeSuffixes.contains(where: { w.hasSuffix($0) }) else { continue }
            if Self.programmeSuffixes.contains(w) { continue }
            if names.contains(where: { $0.contains(w) || w.contains($0) }) { continue }
            if ["국민연금", "기초생활수급", "기초수급"].contains(w) { continue }
            return w
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

    /// The status a sentence asserts, from the plain phrases the kiosk and models use.
    static func claimedStatus(_ s: String) -> Status? {
        let lower = s.lowercased()
        let negative = ["받을 수 없", "받기 어려", "대상이 아니", "해당되지 않", "해당하지 않", "받지 못", "어려워요", "안 돼요", "not eligible",
                        "cannot receive", "can't receive", "do not qualify", "don't qualify", "不符合", "不能领取", "không đủ điều kiện"]
        let unknown = ["더 필요", "알 수 없", "확인이 필요", "more information", "需要更多", "cần thêm"]
        let positive = ["받을 수 있", "대상이에요", "대상입니다", "해당돼요", "해당됩니다", "신청할 수 있", "eligible", "you qualify", "can receive",
                        "可以领取", "符合条件", "đủ điều kiện", "có thể nhận"]
        if negative.contains(where: { lower.contains($0) }) { return .ineligible }
        if unknown.contains(where: { lower.contains($0) }) { return .undetermined }
        if positive.contains(where: { lower.contains($0) }) { return .eligible }
        return nil
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
