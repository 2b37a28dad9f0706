import ArgumentParser
import KioskApp

/// `welfare-kiosk [run]`: the kiosk itself, full screen, until SIGTERM.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start the kiosk on this terminal (the default command)."
    )

    @OptionGroup var configOption: ConfigOption

    func run() throws {
        KioskLaunch.run(configPath: configOption.path, mustExist: configOption.isExplicit)
    }
}
