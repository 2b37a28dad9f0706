import ArgumentParser

/// The kiosk's command-line surface. With no subcommand it starts the kiosk; the subcommands
/// are the tools staff and engineers use on the same installation.
@main
struct WelfareKiosk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "welfare-kiosk",
        abstract: "A public welfare kiosk for 시흥시's 행정복지센터.",
        subcommands: [
            RunCommand.self, EvalCommand.self, ExplainCommand.self, AskCommand.self, RulesCommand.self, SimulateCommand.self,
            StatsCommand.self, CheckConfigCommand.self, ThemesCommand.self, SetPinCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}
