/// A short machine identifier as the log stores it: a programme id, a fact key, a screen or step
/// id, a language code, a model name.
///
/// Why a type of its own: the stored record must be unable to hold free text — a typed question,
/// a name, a model's answer. A token is 1–64 characters of lowercase ASCII letters, digits and
/// `_ - . :`, so a sentence (spaces, Hangul, capitals) cannot pass for one.
///
///     LogToken("basic_pension")      // ok
///     LogToken("제 이름은 김철수")      // nil
public struct LogToken: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// The stand-in for a value that was not a token, so a field meant for an identifier still
    /// records that something was there without recording what.
    public static let invalid = LogToken(unchecked: "invalid")

    public init?(rawValue: String) {
        guard Self.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    public init?(_ text: String) {
        self.init(rawValue: text)
    }

    /// A token from a value the caller cannot vouch for: anything that is not a token becomes
    /// `LogToken.invalid`.
    public init(sanitizing text: String) {
        self = LogToken(rawValue: text) ?? .invalid
    }

    private init(unchecked: String) {
        rawValue = unchecked
    }

    public var description: String { rawValue }

    public static func < (lhs: LogToken, rhs: LogToken) -> Bool { lhs.rawValue < rhs.rawValue }

    static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (1...64).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"):
                true
            default:
                false
            }
        }
    }
}
