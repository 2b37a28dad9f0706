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
    @Option(name: .long, help: ArgumentHelp("A rule-pack folder (one with pack.yaml); repeat for several (default: every pack kiosk.conf enables).", valueName: "DIR"))
    var rules: [String] = []
    @Option(name: .long, help: "json (the contract) or text (a Korean summary for staff).")
    var format: Format = .json
    @Option(name: .long, help: ArgumentHelp("The language of `unmet` and the trace's labels and notes in the JSON: ko, en, zh or vi.", valueName: "LANG"))
    var lang: String = "ko"
    @Argument(help: ArgumentHelp("A JSON file of facts, or - for standard input.", valueName: "FILE"))
    var file: String

    func run() throws {
        guard LocalizedText.kioskLanguages.contains(lang) else {
            throw HouseholdInput.fail("--lang '\(lang)': expected one of \(LocalizedText.kioskLanguages.joined(separator: ", "))")
        }
        let evaluations = try HouseholdInput.evaluate(file: file, date: date, rules: rules, config: configOption)
        switch format {
        case .json: print(EvaluationJSON.render(evaluations, language: lang))
        case .text: print(EvaluationText.render(evaluations), terminator: "")
        }
    }
}
