import Foundation

/// What a piece of text means on screen; a theme gives each role its colours.
public enum ThemeRole: String, CaseIterable, Sendable {
    case text, muted, accent, focus, warning, ok, bad, background

    /// The roles drawn as text, whose contrast must be checked (all but the background).
    public static let textRoles: [ThemeRole] = allCases.filter { $0 != .background }
}

/// A theme's file name without `.toml` (`default`, `high-contrast`).
public struct ThemeName: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    static func convert(_ node: TOMLNode) -> Result<ThemeName, Expectation> {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        guard case .string(let name) = node, !name.isEmpty, name.count <= 64, name.allSatisfy(allowed.contains) else {
            return .failure(Expectation("a theme file name without .toml (lowercase letters, digits, '-', '_')"))
        }
        return .success(ThemeName(name))
    }
}

/// The colours of every role in one palette (256-colour or 8-colour).
///
/// Text is drawn in its role's colour on the theme's background; focused items are the one
/// exception, drawn in the focus colour on `focusBackground`.
public struct ThemeColors<Color: Sendable & Hashable>: Sendable, Equatable {
    private let roles: [ThemeRole: Color]
    public let focusBackground: Color

    init(roles: [ThemeRole: Color], focusBackground: Color) {
        precondition(ThemeRole.allCases.allSatisfy { roles[$0] != nil }, "every role has a colour")
        self.roles = roles
        self.focusBackground = focusBackground
    }

    public subscript(role: ThemeRole) -> Color { roles[role]! }

    /// The colour text of `role` is drawn in.
    public func foreground(for role: ThemeRole) -> Color { self[role] }

    /// The colour behind text of `role`.
    public func background(for role: ThemeRole) -> Color {
        role == .focus ? focusBackground : self[.background]
    }
}

/// A colour theme loaded from `themes/<name>.toml`.
public struct Theme: Sendable, Equatable {
    public let name: ThemeName
    /// The theme file's one-line `[theme] description`, for staff choosing between themes.
    public let summary: String
    public let xterm256: ThemeColors<XtermColor>
    public let ansi8: ThemeColors<ANSIColor>

    /// Loads `<folder>/<name>.toml`.
    public static func load(_ name: ThemeName, from folder: URL) throws(ConfigError) -> Theme {
        let url = folder.appendingPathComponent("\(name.rawValue).toml")
        let document = try TOMLDocument(contentsOf: url, displayPath: KioskConfig.displayName(for: url))
        return try read(document, name: name)
    }

    /// Parses a theme file's text.
    public static func parse(text: String, name: ThemeName, displayPath: String) throws(ConfigError) -> Theme {
        try read(TOMLDocument(text: text, displayPath: displayPath), name: name)
    }

    /// Every theme file in `folder`, sorted by name.
    public static func names(in folder: URL) -> [ThemeName] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".toml") }.sorted().map { ThemeName(String($0.dropLast(5))) }
    }

    private static let focusBackgroundKey = "focus_background"

    private static func read(_ document: TOMLDocument, name: ThemeName) throws(ConfigError) -> Theme {
        var r = SettingsReader(document: document, keyNoun: "colour role")
        let summary = r.read("theme", "description", default: "", SettingsReader.string("a short description"))

        let xterm = readColors(&r, section: "xterm256") { node -> Result<XtermColor, Expectation> in
            guard case .integer(let index) = node, (0...255).contains(index) else {
                return .failure(Expectation("an xterm colour index from 0 to 255"))
            }
            return .success(XtermColor(UInt8(index)))
        }
        let ansi = readColors(&r, section: "ansi8") { node -> Result<ANSIColor, Expectation> in
            let names = ANSIColor.allCases.map(\.name)
            guard case .string(let word) = node, let color = ANSIColor.allCases.first(where: { $0.name == word }) else {
                let hint = { () -> String in
                    guard case .string(let word) = node, let close = closestMatch(to: word, in: names) else { return "" }
                    return " (did you mean \"\(close)\"?)"
                }()
                return .failure(Expectation("one of \(names.joined(separator: ", "))\(hint)"))
            }
            return .success(color)
        }
        try r.finish()
        // finish() throws when any role is missing or wrong, so both palettes are complete here.
        return Theme(name: name, summary: summary, xterm256: xterm!, ansi8: ansi!)
    }

    private static func readColors<Color>(
        _ r: inout SettingsReader, section: String, _ convert: (TOMLNode) -> Result<Color, Expectation>
    ) -> ThemeColors<Color>? {
        var roles: [ThemeRole: Color] = [:]
        for role in ThemeRole.allCases {
            roles[role] = r.readRequired(section, role.rawValue, convert)
        }
        let focusBackground = r.readRequired(section, focusBackgroundKey, convert)
        guard roles.count == ThemeRole.allCases.count, let focusBackground else { return nil }
        return ThemeColors(roles: roles, focusBackground: focusBackground)
    }
}
