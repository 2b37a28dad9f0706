import ArgumentParser
import Explainer
import Explanations
import Foundation
import Rules
import Settings

/// `welfare-kiosk explain`: the explanation a citizen would see for a facts file (issue 5, item 6).
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain the result for one household's facts, with the local model when one is set, else the templates."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var configOption: ConfigOption
    @Option(name: .long, help: ArgumentHelp("The day the rules apply for (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?
    @Option(name: .long, help: ArgumentHelp("Base URL of an OpenAI-compatible server (overrides [llm] endpoint).", valueName: "BASE_URL"))
    var llm: String?
    @Option(name: .customLong("deadline-ms"), help: ArgumentHelp("Total deadline in milliseconds (overrides [llm] total_ms).", valueName: "N"))
    var deadlineMs: Int?
    @Option(name: .long, help: ArgumentHelp("The language of the explanation: ko, en, zh or vi.", valueName: "LANG"))
    var language: String = "ko"
    @Option(name: .long, help: "text (what the citizen reads) or json (source, fallback_reason, text, timings).")
    var format: Format = .text
    @Argument(help: ArgumentHelp("A JSON file of facts, or - for standard input.", valueName: "FILE"))
    var file: String

    private func fail(_ message: String) -> ExitCode { HouseholdInput.fail(message) }

    func run() async throws {
        guard let lang = Language(rawValue: language) else { throw fail("--language '\(language)': expected ko, en, zh or vi") }
        let (_, evaluation, settings, explainer) = try Self.setUp(
            llm: llm, deadlineMs: deadlineMs, configOption: configOption, file: file, date: date)
        var outcome: ExplanationOutcome?
        if settings.endpoint == nil {
            for await event in explainer.explain(evaluation, language: lang) {
                if case .finished(let o) = event { outcome = o }
            }
        } else {
            // The model is reached through kiosk-explainer, as the kiosk reaches it: this binary
            // carries no HTTP client.
            let request = ExplanationRequest(subject: .result, facts: FactsJSON.encode(evaluation.facts.facts),
                                             day: evaluation.day.description, language: lang.rawValue)
            outcome = try Self.throughWorker(request, configPath: configOption.path, settings: settings, deadlineMs: deadlineMs,
                                             fallback: explainer.templateExplanation(evaluation, language: lang))
        }
        guard let outcome else { throw fail("the explanation ended without a result") }
        try Self.print(outcome, format: format)
    }

    /// What `explain` and `ask` share before their request: the options checked, kiosk.conf, the
    /// household evaluated with the same input and errors as `eval` (the pack from kiosk.conf,
    /// the facts through `FactsJSON`), and an explainer on the configured (or given) server.
    static func setUp(llm: String?, deadlineMs: Int?, configOption: ConfigOption, file: String, date: String?) throws
        -> (KioskConfig, Evaluation, ExplainerSettings, Explainer) {
        func fail(_ message: String) -> ExitCode { HouseholdInput.fail(message) }
        if let deadlineMs, !(100...600_000).contains(deadlineMs) { throw fail("--deadline-ms \(deadlineMs): expected 100 to 600000") }
        var endpoint: URL?
        if let llm {
            guard let url = URL(string: llm), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw fail("--llm '\(llm)' is not a base URL; write e.g. http://127.0.0.1:8080")
            }
            endpoint = url
        }
        let config: KioskConfig
        do {
            config = try KioskConfig.load(path: configOption.path, mustExist: configOption.isExplicit)
        } catch {
            CheckConfigCommand.printError(error)
            throw ExitCode(2)
        }
        let evaluation = try HouseholdInput.evaluate(file: file, date: date, rules: [], config: configOption, mainOnly: true)[0]
        let locales: LocaleBundle
        let settings: ExplainerSettings
        do {
            locales = try LocaleBundle.load(from: config.paths.locales)
            settings = try ExplainerSettings(config.llm, endpoint: endpoint, totalDeadline: deadlineMs.map { .milliseconds($0) })
        } catch {
            throw fail("\(error)")
        }
        let explainer = Explainer(settings: settings, locales: locales)
        return (config, evaluation, settings, explainer)
    }

    /// What `explain` and `ask` print: the text, or the JSON fields of issue 5.
    static func print(_ outcome: ExplanationOutcome, format: Format) throws {
        switch format {
        case .text:
            Swift.print(outcome.text)
        case .json:
            let object: [String: Any] = [
                "source": outcome.source.rawValue,
                "fallback_reason": outcome.fallbackReason.map { $0.rawValue as Any } ?? NSNull(),
                "text": outcome.text,
                "first_token_ms": outcome.firstTokenMilliseconds.map { ($0 * 10).rounded() / 10 as Any } ?? NSNull(),
                "total_ms": (outcome.totalMilliseconds * 10).rounded() / 10,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            Swift.print(String(decoding: data, as: UTF8.self))
        }
    }

    /// Runs one request through a `kiosk-explainer` beside this binary and waits for its end.
    static func throughWorker(_ request: ExplanationRequest, configPath: String, settings: ExplainerSettings, deadlineMs: Int?,
                              fallback: String) throws -> ExplanationOutcome {
        guard let executable = WorkerLocation.beside(CommandLine.arguments[0]) else {
            throw HouseholdInput.fail("kiosk-explainer is not installed beside welfare-kiosk; build it with `swift build --product kiosk-explainer`")
        }
        var arguments = ["--config", configPath]
        if let endpoint = settings.endpoint { arguments += ["--llm", endpoint.absoluteString] }
        if let deadlineMs { arguments += ["--deadline-ms", String(deadlineMs)] }
        let service = WorkerExplanationService(
            configuration: .init(executable: executable, arguments: arguments, errors: .inherit,
                                 watchdog: settings.totalDeadline + WorkerExplanationService.watchdogMargin),
            fallback: { _ in fallback })
        defer { service.shutdown() }
        let ticket = service.begin(request)
        while true {
            var descriptor = pollfd(fd: service.wakeDescriptor ?? -1, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 50)
            for (from, event) in service.poll() where from == ticket {
                if case .finished(let outcome) = event { return outcome }
            }
        }
    }
}
