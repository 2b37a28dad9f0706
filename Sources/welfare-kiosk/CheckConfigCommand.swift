import ArgumentParser
import Foundation
import Settings

/// `welfare-kiosk check-config`: validates kiosk.conf and the themes and locales it names.
///
/// Staff run this after editing a file and before restarting the kiosk; it does exactly the
/// checks the kiosk does at start, so "ok" here means the kiosk will start.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check kiosk.conf and the themes and locales it names.",
        discussion: "Prints 'ok: <path>' and exits 0, or prints one line naming the file, line and key and exits 2."
    )

    @OptionGroup var configOption: ConfigOption

    func run() throws {
        do {
            let config = try KioskConfig.load(path: configOption.path, mustExist: configOption.isExplicit)
            let resources = try KioskResources.load(config: config)
            let catalog = resources.locales.catalog(config.kiosk.language)
            print(catalog.text("cli.check_config.ok", ["path": config.displayPath]))
            if config.staff.pinHash == nil {
                print("note: [staff] pin_hash is empty, so staff entry is disabled (set a PIN with welfare-kiosk set-pin)")
            }
        } catch {
            Self.printError(error)
            throw ExitCode(2)
        }
    }

    /// Writes `error` as its one line on standard error.
    static func printError(_ error: ConfigError) {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
    }
}
