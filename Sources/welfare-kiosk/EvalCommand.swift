import ArgumentParser
import Foundation
import Rules

/// `welfare-kiosk eval`: the eligibility interface of contract/eval.md.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate one household's facts (a JSON object) against the rule pack."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @OptionGroup var configOption: ConfigOption
    @Option(name: .long, help: ArgumentHelp("The day the rules apply for (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?
    @Option(name: .long, help: ArgumentHelp("A rule-pack folder (one with pack.yaml).", valueName: "DIR"))
    var rules: String?
    @Option(name: .long, help: "json (the contract) or text (a Korean summary for staff).")
    var format: Format = .json
    @Argument(help: ArgumentHelp("A JSON file of facts, or - for standard input.", valueName: "FILE"))
    var file: String

    private func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        return ExitCode(2)
    }

    func run() throws {
        let day: Day
        if let date {
            guard let d = Day(date) else { throw fail("--date '\(date)' is not a date; write YYYY-MM-DD, e.g. 2026-06-01") }
            day = d
        } else {
            day = Day(Date())
        }
        let pack = try RulesLocation.load(try RulesLocation.resolve(rules, config: configOption))
        guard pack.coverage.contains(day) else {
            throw fail("--date \(day) is outside the dates the \(pack.id) pack covers (\(pack.coverage.from) to \(pack.coverage.to))")
        }
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: file) else { throw fail("\(file): cannot read this file") }
            data = d
        }
        guard let text = String(data: data, encoding: .utf8) else { throw fail("\(file): the input is not UTF-8 text") }
        let facts: Facts
        do {
            facts = try FactsJSON.parse(text, vocabulary: pack.facts)
        } catch {
            throw fail("\(file == "-" ? "<stdin>" : file): \(error)")
        }
        let evaluation = pack.evaluate(facts, on: day, trace: true)
        switch format {
        case .json: print(EvaluationJSON.render(evaluation))
        case .text: print(EvaluationText.render(evaluation), terminator: "")
        }
    }
}
