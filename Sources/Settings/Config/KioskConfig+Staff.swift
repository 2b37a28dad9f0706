/// `[staff]`: the welfare staff's way into the kiosk.
extension KioskConfig {
    public struct Staff: Sendable, Equatable {
        /// The PIN's salted Argon2id hash; `nil` means staff entry is disabled.
        public let pinHash: StaffPinHash?
        /// Inactivity after which a staff session returns to the citizen's attract screen.
        public let idleTimeout: Duration
        /// The pause between two steps of a demo played continuously.
        public let demoStep: Duration
    }

    static func readStaff(_ r: inout SettingsReader) -> Staff {
        let hash = r.read("staff", "pin_hash", default: "", StaffPinHash.convert)
        let idle = r.read("staff", "idle_seconds", default: 120, SettingsReader.integer(in: 30...3600))
        let step = r.read("staff", "demo_step_seconds", default: 1.5, SettingsReader.number(in: 0.2...10))
        return Staff(pinHash: hash.isEmpty ? nil : StaffPinHash(hash), idleTimeout: .seconds(idle),
                     demoStep: .milliseconds(Int((step * 1000).rounded())))
    }
}

/// A staff PIN as kiosk.conf keeps it: libsodium's `crypto_pwhash_str` text for Argon2id,
/// `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`. Never the PIN itself.
///
/// Settings only checks the shape (so a pasted PIN or a bcrypt hash is caught by
/// `check-config`); the kiosk verifies PINs against it with libsodium.
public struct StaffPinHash: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    /// What every hash this kiosk accepts starts with: Argon2id, version 1.3.
    public static let prefix = "$argon2id$v=19$m="

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The hash is not secret in the way the PIN is, but it need not be printed either.
    public var description: String { "\(Self.prefix)..." }

    /// Whether `text` has the shape of a `crypto_pwhash_str` Argon2id hash.
    public static func isWellFormed(_ text: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/$=,")
        // libsodium's crypto_pwhash_STRBYTES is 128, its terminating NUL included.
        return text.hasPrefix(prefix) && text.count < 128 && text.allSatisfy(allowed.contains)
            && text.split(separator: "$", omittingEmptySubsequences: false).count == 6
    }

    static func convert(_ node: TOMLNode) -> Result<String, Expectation> {
        let expectation = Expectation(
            "\"\" (staff entry disabled) or an Argon2id hash starting \"\(prefix)\"; set it with welfare-kiosk set-pin")
        guard case .string(let value) = node, value.isEmpty || isWellFormed(value) else { return .failure(expectation) }
        return .success(value)
    }
}
