import CHangul
import Synchronization
import TextLayout

/// Korean typed on a 두벌식 keyboard, composed by libhangul: the kiosk's own input method.
///
/// A public kiosk has no operating-system input method, so key presses (QWERTY letters from a
/// physical keyboard, or jamo from the on-screen keyboard, which `DubeolsikLayout` turns into
/// the same letters) go to libhangul's input context, which keeps the syllable being built (the
/// preedit) and hands over finished syllables (the commit). `text` is what is committed;
/// `preedit` is drawn apart (underlined) until a space, a submit or the next syllable commits
/// it. In Latin mode (the 한/영 key) letters are typed as they are.
///
/// A class, because libhangul's context is C state that must be freed exactly once; the
/// context sits behind a mutex, so the composer may live in the kiosk's `Sendable` state.
///
/// ```swift
/// let composer = HangulComposer()
/// for key in "rk" { composer.type(key) }   // preedit "가"
/// composer.type(" ")                         // text "가 "
/// ```
public final class HangulComposer: Sendable {
    public enum Mode: Sendable, Equatable {
        /// Letters are 두벌식 keys: `r` is ㄱ, `k` is ㅏ.
        case hangul
        /// Letters are typed as they are.
        case latin
    }

    /// What the composer refused, for a clear message beside the field.
    public enum Refusal: Sendable, Equatable {
        /// The text already has `limit` characters.
        case tooLong(limit: Int)
    }

    private struct State: ~Copyable {
        let context: OpaquePointer
        var committed: [Unicode.Scalar] = []
        var mode: Mode = .hangul
    }

    /// Characters a question may have, preedit included.
    public let limit: Int
    /// Latin letters compose Vietnamese the Telex way (`Telex`): a Vietnamese session's keyboard.
    public let telex: Bool
    private let state: Mutex<State>

    /// A 두벌식 composer; `limit` bounds the text in characters.
    public init(limit: Int = 60, telex: Bool = false) {
        self.limit = limit
        self.telex = telex
        // "2" is libhangul's id for the standard 두벌식 layout; it cannot fail for a built-in id.
        state = Mutex(State(context: hangul_ic_new("2")))
    }

    deinit {
        state.withLock { hangul_ic_delete($0.context) }
    }

    // MARK: - What is on screen

    /// Committed text, NFC.
    public var text: String { nfc(state.withLock { String(String.UnicodeScalarView($0.committed)) }) }

    /// The syllable being composed, NFC; empty when none is.
    public var preedit: String { nfc(state.withLock { Self.string(hangul_ic_get_preedit_string($0.context)) }) }

    /// The whole question as it would be submitted now: the text and the preedit, NFC.
    public var fullText: String { nfc(text + preedit) }

    public var mode: Mode { state.withLock { $0.mode } }

    public var isEmpty: Bool { text.isEmpty && preedit.isEmpty }

    // MARK: - Typing

    /// One key: a QWERTY letter (a 두벌식 jamo in Hangul mode), a space or any other printable
    /// character. Returns why the key was refused, if it was.
    @discardableResult
    public func type(_ key: Character) -> Refusal? {
        state.withLock { s in
            // A key that would start a new character is refused at the limit; one that only
            // completes the syllable being composed is not.
            let count = s.committed.count + Self.string(hangul_ic_get_preedit_string(s.context)).count
            if let ascii = key.asciiValue, key.isLetter, s.mode == .hangul {
                let before = count
                _ = hangul_ic_process(s.context, Int32(ascii))
                s.committed += Self.scalars(hangul_ic_get_commit_string(s.context))
                let after = s.committed.count + Self.string(hangul_ic_get_preedit_string(s.context)).count
                if after > limit, after > before {
                    // The key began a character past the limit: the syllable it began is dropped
                    // (a syllable it finished stays committed), and the citizen is told why.
                    hangul_ic_reset(s.context)
                    return .tooLong(limit: limit)
                }
                return nil
            }
            Self.flush(&s)
            if telex, s.mode == .latin, key.isLetter {
                // A Telex key may only reshape the word (no new character), so the limit is
                // checked on the result.
                let typed = Telex.typing(key, into: nfc(String(String.UnicodeScalarView(s.committed))))
                guard typed.count <= limit else { return .tooLong(limit: limit) }
                s.committed = Array(typed.unicodeScalars)
                return nil
            }
            guard s.committed.count < limit else { return .tooLong(limit: limit) }
            s.committed += key.unicodeScalars
            return nil
        }
    }

    /// Removes the last jamo of the syllable being composed, or else the last character.
    public func backspace() {
        state.withLock { s in
            if !hangul_ic_backspace(s.context), !s.committed.isEmpty {
                s.committed.removeLast()
            }
        }
    }

    /// Commits the syllable being composed (on submit, or before moving on).
    public func commit() {
        state.withLock { Self.flush(&$0) }
    }

    /// 한/영: commits what is being composed and switches between Hangul and Latin letters.
    public func toggleMode() {
        state.withLock { s in
            Self.flush(&s)
            s.mode = s.mode == .hangul ? .latin : .hangul
        }
    }

    /// Forgets everything typed (the screen was left or the session wiped).
    public func clear() {
        state.withLock { s in
            hangul_ic_reset(s.context)
            s.committed.removeAll()
        }
    }

    // MARK: - libhangul's UCS-4 strings

    private static func flush(_ s: inout State) {
        s.committed += scalars(hangul_ic_flush(s.context))
    }

    /// libhangul returns zero-terminated UCS-4 strings it owns until the next call.
    private static func scalars(_ pointer: UnsafePointer<ucschar>?) -> [Unicode.Scalar] {
        guard var p = pointer else { return [] }
        var out: [Unicode.Scalar] = []
        while p.pointee != 0 {
            if let scalar = Unicode.Scalar(p.pointee) { out.append(scalar) }
            p += 1
        }
        return out
    }

    private static func string(_ pointer: UnsafePointer<ucschar>?) -> String {
        String(String.UnicodeScalarView(scalars(pointer)))
    }
}
