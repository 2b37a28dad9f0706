/// What a piece of the screen *means*; the backend turns it into colours through a `Palette`.
///
/// Screens never name colours: the city's theme files map these roles to colours, so a
/// high-contrast theme changes every screen at once.
public enum ColorRole: String, CaseIterable, Hashable, Sendable {
    case text, muted, accent, focus, warning, ok, bad, background
}

/// How a cell is drawn: its colour role plus attributes.
public struct Style: Hashable, Sendable {
    public var role: ColorRole
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(_ role: ColorRole = .text, bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.role = role
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
    }

    /// Plain body text on the screen background.
    public static let plain = Style()
}

/// One colour as a terminal can show it: an index into the 256-colour palette, and the
/// nearest of the eight basic colours for terminals (the Linux console) that have no more.
public struct TerminalColor: Hashable, Sendable {
    public var index256: UInt8
    /// 0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white.
    public var index8: UInt8

    public init(index256: UInt8, index8: UInt8) {
        precondition(index8 < 8, "an 8-colour index is 0...7, got \(index8)")
        self.index256 = index256
        self.index8 = index8
    }
}

/// The foreground and background a colour role is drawn with.
public struct RoleColors: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor

    public init(foreground: TerminalColor, background: TerminalColor) {
        self.foreground = foreground
        self.background = background
    }
}

/// Colours for every role, given to a backend when it starts (read from a theme file).
public struct Palette: Hashable, Sendable {
    private let colors: [ColorRole: RoleColors]

    /// Fails when a role has no colours, naming the missing roles.
    public init(_ colors: [ColorRole: RoleColors]) throws(PaletteError) {
        let missing = ColorRole.allCases.filter { colors[$0] == nil }
        guard missing.isEmpty else { throw PaletteError.missingRoles(missing) }
        self.colors = colors
    }

    public subscript(role: ColorRole) -> RoleColors {
        colors[role]!  // init guarantees every role is present
    }
}

/// Why a palette could not be made.
public enum PaletteError: Error, Equatable, CustomStringConvertible {
    case missingRoles([ColorRole])

    public var description: String {
        switch self {
        case .missingRoles(let roles):
            "palette has no colours for role(s) \(roles.map(\.rawValue).joined(separator: ", ")); every theme must define all of \(ColorRole.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
