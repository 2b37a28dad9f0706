import ArgumentParser
import Foundation
import SessionLog
import Settings

/// `welfare-kiosk stats`: a month's k-anonymous figures from the session log.
///
/// Why it opens the log like the kiosk does (quick_check, migrations): staff run it on the
/// installation itself, and a log that needs recovering should be recovered the same way
/// whichever program touches it first.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print a month's session statistics, with small cells suppressed."
    )

    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: ArgumentHelp("The session log (default: [paths] database in kiosk.conf).", valueName: "PATH"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The month to report (default: this month).", valueName: "YYYY-MM"))
    var month: String?

    @Option(name: .long, help: "Output format: table, csv or json.")
    var format: StatisticsFormat = .table

    func run() throws {
        let config: KioskConfig
        do {
            config = try KioskConfig.load(path: configOption.path, mustExist: configOption.isExplicit)
        } catch {
            CheckConfigCommand.printError(error)
            throw ExitCode(2)
        }
        let settings = (k: config.log.kAnonymity, timeZone: config.log.timeZone)
        let path = db ?? config.paths.database.path

        let chosenMonth: LogMonth
        if let month {
            guard let parsed = LogMonth(month) else {
                throw fail("--month '\(month)': expected YYYY-MM, e.g. 2026-11")
            }
            chosenMonth = parsed
        } else {
            chosenMonth = LogMonth(containing: Date(), timeZone: settings.timeZone)
        }
        guard path == ":memory:" || FileManager.default.fileExists(atPath: path) else {
            throw fail("--db '\(path)': no session log there (run the kiosk or simulate first, or pass --db PATH)")
        }

        let statistics: MonthlyStatistics
        do {
            let database = try SessionDatabase.open(path: path)
            statistics = try database.statistics(for: chosenMonth, k: settings.k)
        } catch {
            throw fail("\(path): cannot read the session log: \(error)")
        }
        FileHandle.standardOutput.write(Data(format.render(statistics).utf8))
    }

    /// One line on standard error and exit 2, as every command reports bad input.
    private func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("welfare-kiosk stats: \(message)\n".utf8))
        return ExitCode(2)
    }
}

extension StatisticsFormat: ExpressibleByArgument {}
