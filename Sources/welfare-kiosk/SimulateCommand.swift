import ArgumentParser
import Foundation
import KioskApp
import Rules
import SessionLog
import Settings

/// `welfare-kiosk simulate`: whole sessions from a facts file, through the kiosk's own session
/// code and into the session log, without a screen.
///
/// For tests, for load, and for staff checking an installation: the planner asks, the file
/// answers ("잘 모르겠어요" where it has no value), the results are computed on the day, and each
/// session is logged as the kiosk logs it. Sessions are queued with `submitWaiting` and the log
/// is closed before the summary is printed, so none is lost to the command's own speed.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run whole sessions from a facts file through the session model and log them.",
        discussion: """
            FILE holds one JSON object of facts (as for eval), or one object per line (JSONL) for \
            several households, used in turn. Prints one line: sessions written, dropped, time. \
            Exits 2 on bad input, 1 if any session was dropped. On a kiosk's own log, pass --demo \
            so the statistics leave these sessions out.
            """
    )

    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: ArgumentHelp("Facts: one JSON object, or one per line.", valueName: "FILE"))
    var answers: String

    @Option(name: .long, help: ArgumentHelp("Sessions to run (default: one per household in FILE).", valueName: "N"))
    var count: Int?

    @Option(name: .long, help: ArgumentHelp("The session log (default: [paths] database in kiosk.conf).", valueName: "PATH"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The day the rules apply and the sessions are dated (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Flag(name: .long, help: "Mark the sessions as staff demonstrations: logged, but never counted in statistics.")
    var demo = false

    func run() throws {
        let config: KioskConfig
        let catalog: LocaleCatalog
        do {
            config = try KioskConfig.load(path: configOption.path, mustExist: configOption.isExplicit)
            catalog = try LocaleBundle.load(from: config.paths.locales).catalog(config.kiosk.language)
        } catch {
            CheckConfigCommand.printError(error)
            throw ExitCode(2)
        }
        if let count, count < 1 { throw fail("--count \(count): must be at least 1") }
        let day: Day
        let startedAt: Date
        if let date {
            guard let parsed = Day(date) else { throw fail("--date '\(date)' is not a date; write YYYY-MM-DD, e.g. 2026-06-01") }
            day = parsed
            // Midday on the kiosk's clock, so the log files every session under that date.
            startedAt = CivilTime.noon(year: parsed.year, month: parsed.month, day: parsed.day, timeZone: config.log.timeZone)
        } else {
            startedAt = Date()
            day = KioskLaunch.today(in: config.log.timeZone)
        }
        let rules: RuleBook
        do {
            rules = try RuleBook.load(config: config, day: day)
        } catch {
            throw fail("\(error)")
        }
        for pack in rules.packs where !pack.coverage.contains(day) {
            throw fail("--date \(day) is outside the dates the \(pack.id) pack covers (\(pack.coverage.from) to \(pack.coverage.to))")
        }
        let households = try readHouseholds(vocabulary: rules.vocabulary)

        let path = db ?? config.paths.database.path
        let anonymizer = Anonymizer(kioskID: config.kiosk.id.rawValue, timeZone: config.log.timeZone)
        let report = Simulation.run(
            households: households, count: count ?? households.count, rules: rules, language: config.kiosk.language,
            startedAt: startedAt, isDemo: demo, writer: SessionLogWriter.open(path: path, anonymizer: anonymizer, capacity: Simulation.writerCapacity))
        let seconds = Double(report.elapsed.components.seconds) + Double(report.elapsed.components.attoseconds) / 1e18
        print(catalog.text("cli.simulate.done", [
            "sessions": String(report.committed), "dropped": String(report.dropped), "seconds": String(format: "%.2f", seconds),
        ]))
        if report.dropped > 0 {
            FileHandle.standardError.write(Data("welfare-kiosk simulate: \(path): \(report.lastError ?? "sessions were dropped")\n".utf8))
            throw ExitCode(1)
        }
    }

    /// One household from a JSON object, or one per non-blank line of a JSONL file.
    private func readHouseholds(vocabulary: [FactSpec]) throws -> [Facts] {
        guard let data = FileManager.default.contents(atPath: answers) else { throw fail("\(answers): cannot read this file") }
        guard let text = String(data: data, encoding: .utf8) else { throw fail("\(answers): the file is not UTF-8 text") }
        let whole: FactsInputError
        do {
            return [try FactsJSON.parse(text, vocabulary: vocabulary)]
        } catch {
            whole = error
        }
        // Not one object: JSONL, if its first line is an object of its own.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, (try? FactsJSON.parse(String(first), vocabulary: vocabulary)) != nil else {
            throw fail("\(answers): \(whole)")
        }
        var households: [Facts] = []
        for (offset, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                households.append(try FactsJSON.parse(String(line), vocabulary: vocabulary))
            } catch {
                let key = error.key.map { "fact '\($0)': " } ?? ""
                throw fail("\(answers): line \(offset + 1), column \(error.column): \(key)\(error.message)")
            }
        }
        return households
    }

    /// One line on standard error and exit 2, as every command reports bad input.
    private func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("welfare-kiosk simulate: \(message)\n".utf8))
        return ExitCode(2)
    }
}
