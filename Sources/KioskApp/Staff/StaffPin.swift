import CSodium
import Settings

/// The staff PIN: checked for shape, hashed and verified with libsodium's Argon2id.
///
/// Why Argon2id at OWASP's minimum (19 MiB, 2 passes) rather than libsodium's "interactive"
/// 64 MiB: a verify runs inside the kiosk process, whose memory is kept small, and on this
/// 2-core machine under load the interactive limits took over 800 ms; these take well under
/// a second even then (`kiosk-bench` reports `staff.pin_verify_ms`). A 4–12 digit PIN is weak
/// against an offline search whatever the cost, which is why kiosk.conf is readable by the
/// kiosk's user only and five wrong PINs lock entry.
///
///     let hash = try StaffPin.hash(StaffPin("482913")!)
///     StaffPin.verify("482913", against: hash)   // true
public struct StaffPin: Sendable, Equatable {
    public let digits: String

    /// The lengths a PIN may have.
    public static let lengths = 4...12

    /// A PIN of 4 to 12 ASCII digits, or `nil`.
    public init?(_ text: String) {
        guard Self.lengths.contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        digits = text
    }

    /// Why `text` is not a PIN, in the words `set-pin` prints; `nil` when it is one.
    public static func problem(with text: String) -> PinProblem? {
        if text.isEmpty { return .empty }
        if !text.allSatisfy({ $0.isASCII && $0.isNumber }) { return .notDigits }
        if text.count < lengths.lowerBound { return .tooShort }
        if text.count > lengths.upperBound { return .tooLong }
        return nil
    }

    public enum PinProblem: Sendable, Equatable {
        case empty, notDigits, tooShort, tooLong
    }

    /// Argon2id passes over memory.
    public static let opsLimit: UInt64 = 2
    /// Argon2id memory in bytes: 19 MiB.
    public static let memLimit = 19 * 1024 * 1024

    /// A new salted hash of `pin` in `crypto_pwhash_str` form.
    public static func hash(_ pin: StaffPin) throws(SodiumError) -> StaffPinHash {
        try initialize()
        var output = [CChar](repeating: 0, count: csodium_pwhash_strbytes())
        let status = pin.digits.withCString { text in
            crypto_pwhash_str_alg(&output, text, UInt64(pin.digits.utf8.count), opsLimit, memLimit,
                                  csodium_pwhash_alg_argon2id13())
        }
        guard status == 0 else { throw SodiumError("crypto_pwhash_str_alg failed (out of memory?)") }
        return StaffPinHash(String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// Whether `typed` is the PIN `hash` was made from. Runs for as long as the hash's own
    /// limits say (those in the file, not `opsLimit`/`memLimit`), whatever is typed.
    public static func verify(_ typed: String, against hash: StaffPinHash) -> Bool {
        guard (try? initialize()) != nil else { return false }
        return hash.rawValue.withCString { stored in
            typed.withCString { text in
                crypto_pwhash_str_verify(stored, text, UInt64(typed.utf8.count)) == 0
            }
        }
    }

    private static func initialize() throws(SodiumError) {
        // sodium_init is idempotent and thread-safe; 1 means "already initialised".
        guard sodium_init() >= 0 else { throw SodiumError("sodium_init failed") }
    }
}

/// libsodium refused to work.
public struct SodiumError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
