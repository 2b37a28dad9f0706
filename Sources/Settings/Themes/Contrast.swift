/// The palettes a theme covers, each checked for contrast on its own.
public enum PaletteKind: String, CaseIterable, Sendable {
    case xterm256 = "256-colour"
    case ansi8 = "8-colour"
}

/// The WCAG 2.x contrast level a theme must reach for every text role.
public enum ContrastLevel: Sendable {
    /// 4.5:1, WCAG 1.4.3 (AA): every theme.
    case minimum
    /// 7:1, WCAG 1.4.6 (AAA): the high-contrast theme.
    case enhanced

    public var requiredRatio: Double {
        switch self {
        case .minimum: 4.5
        case .enhanced: 7
        }
    }
}

/// One text role's contrast against what it is drawn on, in one palette.
public struct ContrastCheck: Sendable, Equatable {
    public let palette: PaletteKind
    public let role: ThemeRole
    public let foreground: RGB
    public let background: RGB
    public let ratio: Double

    /// Whether the ratio reaches `level`; compared unrounded, as WCAG asks.
    public func passes(_ level: ContrastLevel) -> Bool { ratio >= level.requiredRatio }
}

extension Theme {
    /// Every text role's contrast in both palettes, in role order, 256-colour first.
    public var contrastChecks: [ContrastCheck] {
        func checks<C>(_ palette: PaletteKind, _ colors: ThemeColors<C>, _ rgb: (C) -> RGB) -> [ContrastCheck] {
            ThemeRole.textRoles.map { role in
                let fg = rgb(colors.foreground(for: role)), bg = rgb(colors.background(for: role))
                return ContrastCheck(palette: palette, role: role, foreground: fg, background: bg, ratio: fg.contrastRatio(with: bg))
            }
        }
        return checks(.xterm256, xterm256, \.rgb) + checks(.ansi8, ansi8, \.rgb)
    }
}
