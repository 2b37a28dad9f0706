import Settings
import Terminal

extension Palette {
    /// The terminal colours of a theme file: each role's 256-colour index with its 8-colour
    /// fallback, on the theme's background (focus on its own background).
    public init(theme: Theme) {
        var colors: [ColorRole: RoleColors] = [:]
        for role in ColorRole.allCases {
            // The two enums name the same roles; Settings cannot import Terminal's.
            let themeRole = ThemeRole(rawValue: role.rawValue)!
            colors[role] = RoleColors(
                foreground: TerminalColor(
                    index256: theme.xterm256.foreground(for: themeRole).index,
                    index8: UInt8(theme.ansi8.foreground(for: themeRole).rawValue)),
                background: TerminalColor(
                    index256: theme.xterm256.background(for: themeRole).index,
                    index8: UInt8(theme.ansi8.background(for: themeRole).rawValue)))
        }
        // Every role is filled above, so this cannot throw.
        try! self.init(colors)
    }
}
