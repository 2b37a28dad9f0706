import ArgumentParser
import Foundation
import Settings

/// `welfare-kiosk themes`: tools for the colour themes.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "Work with the colour themes.",
        subcommands: [Check.self]
    )

    /// `welfare-kiosk themes check`: every theme's contrast by the WCAG 2.x formula.
    ///
    /// The law asks public kiosks for 4.5:1, and 7:1 in high-contrast mode; this proves the
    /// shipped and edited themes reach it in both 256- and 8-colour terminals.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print each theme's contrast ratios and fail when one falls short.",
            discussion: """
                Every theme in the themes folder needs 4.5:1 for every text role; the theme named \
                by [display] high_contrast_theme needs 7:1. Exits 1 when a theme falls short, \
                2 when a file cannot be read.
                """
        )

        @OptionGroup var configOption: ConfigOption

        func run() throws {
            let config: KioskConfig
            let catalog: LocaleCatalog
            var themes: [Theme] = []
            do {
                config = try KioskConfig.load(path: configOption.path, mustExist: configOption.isExplicit)
                catalog = try LocaleBundle.load(from: config.paths.locales).catalog(config.kiosk.language)
                var names = Theme.names(in: config.paths.themes)
                // The configured themes are checked even when their files are missing, so that
                // a missing one is reported rather than skipped.
                for name in [config.display.theme, config.display.highContrastTheme] where !names.contains(name) {
                    names.append(name)
                }
                for name in names {
                    themes.append(try Theme.load(name, from: config.paths.themes))
                }
            } catch {
                CheckConfigCommand.printError(error)
                throw ExitCode(2)
            }

            var shortfalls = 0
            for theme in themes {
                let level = KioskResources.requiredContrast(for: theme.name, in: config)
                let required = String(format: "%g", level.requiredRatio)
                print(catalog.text("cli.themes.heading", ["theme": theme.name.rawValue, "required": required]))
                for check in theme.contrastChecks {
                    let args = [
                        "palette": catalog.text(check.palette == .xterm256 ? "cli.themes.palette_256" : "cli.themes.palette_8"),
                        "role": check.role.rawValue,
                        "ratio": Self.format(check.ratio),
                        "required": required,
                    ]
                    let passes = check.passes(level)
                    if !passes { shortfalls += 1 }
                    print("  " + catalog.text(passes ? "cli.themes.row" : "cli.themes.short", args))
                }
            }
            if shortfalls > 0 {
                print(catalog.text("cli.themes.failed", ["count": String(shortfalls)]))
                throw ExitCode(1)
            }
            print(catalog.text("cli.themes.passed"))
        }

        /// Two decimals, rounded down, so a ratio just short of the bar never prints as reaching it.
        static func format(_ ratio: Double) -> String {
            String(format: "%.2f", (ratio * 100).rounded(.down) / 100)
        }
    }
}
