import Foundation

/// Everything the kiosk reads at start besides rule packs: settings, both themes, all locales.
///
/// Loading it is what `check-config` checks and what the kiosk does before drawing anything,
/// so a file that would break a citizen's session stops the kiosk at start instead.
public struct KioskResources: Sendable {
    public let config: KioskConfig
    /// The theme named by `[display] theme`.
    public let theme: Theme
    /// The theme named by `[display] high_contrast_theme`.
    public let highContrastTheme: Theme
    public let locales: LocaleBundle

    /// Loads and checks the themes and locales that `config` names.
    public static func load(config: KioskConfig) throws(ConfigError) -> KioskResources {
        KioskResources(
            config: config,
            theme: try Theme.load(config.display.theme, from: config.paths.themes),
            highContrastTheme: try Theme.load(config.display.highContrastTheme, from: config.paths.themes),
            locales: try LocaleBundle.load(from: config.paths.locales))
    }

    /// The contrast level `name` must reach: enhanced for the configured high-contrast theme.
    public static func requiredContrast(for name: ThemeName, in config: KioskConfig) -> ContrastLevel {
        name == config.display.highContrastTheme ? .enhanced : .minimum
    }
}

extension KioskConfig.Centre {
    /// The centre's details as locale placeholders: `{centre}`, `{counter}`, `{hours}`, `{phone}`.
    public func placeholders(in language: Language) -> [String: String] {
        [
            "centre": name.text(in: language),
            "counter": counter.text(in: language),
            "hours": hours.text(in: language),
            "phone": phone,
        ]
    }
}
