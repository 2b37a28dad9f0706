import ArgumentParser
import Explainer
import Explanations
import Foundation
import Rules
import Settings

/// `welfare-kiosk ask`: the answer a citizen would see to a typed question about a household's
/// result, through the same guard as `explain` (issue 15), so answers are testable from the
/// command line. The question is never written anywhere: not to a log, not into an error.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer a question about one household's result, with the local model when one is set, else the templates."
    )

    @OptionGroup var configOption: ConfigOption
    @Option(name: .long, help: ArgumentHelp("The day the rules apply for (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?
    @Option(name: .long, help: ArgumentHelp("Base URL of an OpenAI-compatible server (overrides [llm] endpoint).", valueName: "BASE_URL"))
    var llm: String?
    @Option(name: .customLong("deadline-ms"), help: ArgumentHelp("Total deadline in milliseconds (overrides [llm] total_ms).", valueName: "N"))
    var deadlineMs: Int?
    @Option(name: [.customLong("lang"), .customLong("language")], help: ArgumentHelp("The language of the answer: ko, en, zh or vi.", valueName: "LANG"))
    var language: String = "ko"
    @Option(name: .long, help: "text (what the citizen reads) or json (source, fallback_reason, text, timings).")
    var format: ExplainCommand.Format = .text
    @Option(name: .long, help: ArgumentHelp("The citizen's question (at most 200 characters).", valueName: "TEXT"))
    var question: String
    @Argument(help: ArgumentHelp("A JSON file of facts, or - for standard input.", valueName: "FILE"))
    var file: String

    private func fail(_ message: String) -> ExitCode { HouseholdInput.fail(message) }

    func run() async throws {
        guard let lang = Language(rawValue: language) else { throw fail("--lang '\(language)': expected ko, en, zh or vi") }
        let asked = question.trimmingCharacters(in: .whitespacesAndNewlines)
        // The message names the key and the limit, never the question itself.
        guard !asked.isEmpty else { throw fail("--question: the question is empty") }
        guard asked.count <= 200 else { throw fail("--question: \(asked.count) characters; at most 200") }
        let (config, evaluation, settings, explainer) = try ExplainCommand.setUp(
            llm: llm, deadlineMs: deadlineMs, configOption: configOption, file: file, date: date)
        let counter = config.centre.counter.text(in: lang), phone = config.centre.phone
        var outcome: ExplanationOutcome?
        if settings.endpoint == nil {
            for await event in explainer.answer(asked, about: evaluation, language: lang, counter: counter, phone: phone) {
                if case .finished(let o) = event { outcome = o }
            }
        } else {
            let request = ExplanationRequest(subject: .question(asked), facts: FactsJSON.encode(evaluation.facts.facts),
                                             day: evaluation.day.description, language: lang.rawValue)
            outcome = try ExplainCommand.throughWorker(
                request, configPath: configOption.path, settings: settings, deadlineMs: deadlineMs,
                fallback: explainer.templateAnswer(asked, about: evaluation, language: lang, counter: counter, phone: phone))
        }
        guard let outcome else { throw fail("the answer ended without a result") }
        try ExplainCommand.print(outcome, format: format)
    }
}
