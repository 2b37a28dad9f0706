import ArgumentParser
import Foundation
import KioskApp
import Settings
import Terminal

/// `welfare-kiosk [run]`: the kiosk itself, full screen, until SIGTERM.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start the kiosk on this terminal (the default command)."
    )

    @OptionGroup var configOption: ConfigOption

    func run() throws {
        let resources: KioskResources
        do {
            let config = try KioskConfig.load(path: configOption.path, mustExist: configOption.isExplicit)
            resources = try KioskResources.load(config: config)
        } catch {
            CheckConfigCommand.printError(error)
            throw ExitCode(2)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Self.fail("welfare-kiosk: the kiosk needs a terminal on standard input and output")
        }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(palette: Palette(theme: resources.theme))
        } catch {
            Self.fail("welfare-kiosk: \(error.description)")
        }
        KioskApp(terminal: terminal, resources: resources).run()
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(2)
    }
}
