import Explanations
import Foundation
import Rules
import Settings
import Synchronization

/// The settings `[llm]` gives, with the prompt files read.
public struct ExplainerSettings: Sendable {
    public var endpoint: URL?
    public var model: String
    public var connectTimeout: Duration
    public var firstTokenDeadline: Duration
    public var totalDeadline: Duration
    public var temperature: Double
    public var seed: Int
    public var maxTokens: Int
    public var explainPrompt: String
    public var answerPrompt: String

    public init(endpoint: URL?, model: String = "local", connectTimeout: Duration = .milliseconds(500),
                firstTokenDeadline: Duration = .milliseconds(2500), totalDeadline: Duration = .milliseconds(8000),
                temperature: Double = 0.2, seed: Int = 42, maxTokens: Int = 300,
                explainPrompt: String = "", answerPrompt: String = "") {
        self.endpoint = endpoint
        self.model = model
        self.connectTimeout = connectTimeout
        self.firstTokenDeadline = firstTokenDeadline
        self.totalDeadline = totalDeadline
        self.temperature = temperature
        self.seed = seed
        self.maxTokens = maxTokens
        self.explainPrompt = explainPrompt
        self.answerPrompt = answerPrompt
    }

    /// From kiosk.conf, reading the two prompt files; the error names the file and what to do.
    public init(_ llm: KioskConfig.LLM) throws(ExplainerSetupError) {
        func read(_ url: URL) throws(ExplainerSetupError) -> String {
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw ExplainerSetupError(message: "\(url.path): cannot read this prompt file; restore it from the repository or point [llm] at another")
            }
            return text
        }
        // The prompts are read only when a model will use them: a kiosk without one needs no files.
        var explain = "", answer = ""
        if llm.endpoint != nil {
            explain = try read(llm.explainPrompt)
            answer = try read(llm.answerPrompt)
        }
        self.init(endpoint: llm.endpoint, model: llm.model, connectTimeout: llm.connectTimeout,
                  firstTokenDeadline: llm.firstTokenDeadline, totalDeadline: llm.totalDeadline,
                  temperature: llm.temperature, seed: llm.seed, maxTokens: llm.maxTokens,
                  explainPrompt: explain, answerPrompt: answer)
    }

    /// `[llm]` with a command line's `--llm` and `--deadline-ms` laid over it (`explain`, and the
    /// worker it starts): a model named on the command line uses kiosk.conf's prompt files even
    /// when kiosk.conf names no model, and the first-token deadline never outlasts the total one.
    public init(_ llm: KioskConfig.LLM, endpoint: URL?, totalDeadline: Duration?) throws(ExplainerSetupError) {
        try self.init(llm)
        if let endpoint {
            self.endpoint = endpoint
            if explainPrompt.isEmpty {
                explainPrompt = (try? String(contentsOf: llm.explainPrompt, encoding: .utf8)) ?? ""
                answerPrompt = (try? String(contentsOf: llm.answerPrompt, encoding: .utf8)) ?? ""
            }
        }
        if let totalDeadline {
            self.totalDeadline = totalDeadline
            if firstTokenDeadline >= totalDeadline { firstTokenDeadline = totalDeadline }
        }
    }
}

public struct ExplainerSetupError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Explains results and answers follow-up questions, with a local model when one is
/// configured and the templates otherwise.
///
/// Every call returns a stream that a screen consumes: the template arrives at once when there
/// is no model; with a model, checked sentences arrive one by one, and the first failure (too
/// slow, unreachable, malformed, ungrounded) replaces them with the template. Dropping the
/// stream, or `cancelAll()` on a session wipe, cancels the request. Nothing a citizen types is
/// kept or logged: the question lives only inside the call.
///
/// ```swift
/// let explainer = Explainer(settings: settings, locales: locales)
/// for await event in explainer.explain(evaluation, language: .ko) { … }
/// ```
public final class Explainer: Sendable {
    public let settings: ExplainerSettings
    public let locales: LocaleBundle
    private let client: (any ChatCompletionStreaming)?
    private let running = Mutex<[Int: Task<Void, Never>]>([:])
    private let nextID = Atomic<Int>(0)
    private let fallbacks = Mutex<[FallbackReason: Int]>([:])

    /// Explains with `client` when one is given (it must talk to `settings.endpoint`; the
    /// explainer owns it and shuts it down), and with the templates alone otherwise.
    /// `ExplainerHTTP` adds `Explainer.connecting(settings:locales:)`, which opens the HTTP client.
    public init(settings: ExplainerSettings, locales: LocaleBundle, client: (any ChatCompletionStreaming)? = nil) {
        self.settings = settings
        self.locales = locales
        self.client = client
    }

    /// Cancels everything in flight and closes the client; call once at exit.
    public func shutdown() async {
        cancelAll()
        await client?.shutdown()
    }

    /// Cancels every explanation and answer in flight (the session was wiped).
    public func cancelAll() {
        let tasks = running.withLock { r in defer { r.removeAll() }; return Array(r.values) }
        for t in tasks { t.cancel() }
    }

    /// How often each fallback reason was taken since start (for the staff statistics).
    public var fallbackCounts: [FallbackReason: Int] { fallbacks.withLock { $0 } }

    public func suggestedQuestions(_ language: Language) -> [String] {
        let c = locales.catalog(language)
        return [c.text("answer.suggest_where"), c.text("answer.suggest_documents"), c.text("answer.suggest_when"), c.text("answer.suggest_why")]
    }

    // MARK: - Explaining a result

    /// Explains a traced evaluation (`evaluate(…, trace: true)`).
    public func explain(_ evaluation: Evaluation, language: Language) -> AsyncStream<ExplanationEvent> {
        run(explanationPlan(evaluation, language: language))
    }

    /// What `explain` shows without a model: the template, at once and without a task.
    public func templateExplanation(_ evaluation: Evaluation, language: Language) -> String {
        explanationPlan(evaluation, language: language).template
    }

    /// The template over several packs' evaluations of one household, as one explanation.
    public func templateExplanation(_ evaluations: [Evaluation], language: Language) -> String {
        let sheet = FactSheet(merging: evaluations.map { FactSheet($0, language: language) })
        return TemplateExplainer(catalog: locales.catalog(language)).text(sheet)
    }

    private func explanationPlan(_ evaluation: Evaluation, language: Language) -> Plan {
        let sheet = FactSheet(evaluation, language: language)
        let template = TemplateExplainer(catalog: locales.catalog(language)).text(sheet)
        let messages = [
            ChatMessage(role: "system", content: settings.explainPrompt + "\n\n답할 언어: \(Self.languageName(language))\n\n[사실표]\n" + sheet.rendered(language: language)),
            ChatMessage(role: "user", content: "이 결과를 쉽게 설명해 주세요."),
        ]
        var grounding = GroundingGuard(sheet: sheet, language: language)
        grounding.explainsResult = true
        return Plan(messages: messages, grounding: grounding, template: template)
    }

    // MARK: - Follow-up questions

    /// Answers a question about a result from the pack's programme documents.
    ///
    /// What it asks (where, what to bring, when, how much, why not, whom to call) is answered
    /// from the pack's data and the result directly; a crisis question, or one nothing in the
    /// documents matches, gets the fixed answer pointing to the counter and 129; anything else
    /// goes to the model with the retrieved passages only. Asked on one programme's page
    /// (`program`), it is about that programme alone.
    public func answer(_ question: String, about evaluation: Evaluation, language: Language,
                       counter: String, phone: String, program: ProgramID? = nil) -> AsyncStream<ExplanationEvent> {
        run(answerPlan(question, about: evaluation, language: language, counter: counter, phone: phone, program: program))
    }

    /// What `answer` shows without a model: the fixed answer or the retrieved passages, at once.
    public func templateAnswer(_ question: String, about evaluation: Evaluation, language: Language,
                               counter: String, phone: String, program: ProgramID? = nil) -> String {
        answerPlan(question, about: evaluation, language: language, counter: counter, phone: phone, program: program).template
    }

    private func answerPlan(_ question: String, about evaluation: Evaluation, language: Language,
                            counter: String, phone: String, program: ProgramID?) -> Plan {
        let catalog = locales.catalog(language)
        let sheet = FactSheet(evaluation, language: language)
        let lang = language.rawValue
        let kind = catalog.text("answer.out_of_scope", ["counter": counter, "phone": phone])
        func fixed(_ text: String) -> Plan { Plan(messages: nil, grounding: nil, template: text) }
        // Another pack's programme: this pack has nothing to say (the answers are combined).
        if let program, evaluation.pack.program(program) == nil { return fixed("") }
        let intent = QuestionIntent.classify(question)
        let asked = sheet.programs.filter { program == nil || $0.id == program }
        // About the whole result, the programmes still possible; about one, that one.
        let relevant = program == nil ? asked.filter { $0.status != .ineligible } : asked
        func name(_ p: FactSheet.Program) -> String { TemplateExplainer.name(p, language) }
        func money(_ won: Won) -> String { TemplateExplainer.money(won.value, language) }
        switch intent {
        case .unsafe:
            return fixed(kind)
        case .whereToApply, .documents, .whenToApply, .whoToCall:
            var lines: [String] = relevant.compactMap { p in
                guard let spec = evaluation.pack.program(p.id) else { return nil }
                let args = ["name": spec.name[lang], "office": spec.apply.office[lang], "phone": spec.apply.phone]
                switch intent {
                case .whereToApply: return catalog.text("answer.where", args)
                case .documents:
                    return catalog.text("answer.documents", ["name": spec.name[lang], "documents": spec.apply.documents.map { $0[lang] }.joined(separator: ", ")])
                case .whenToApply:
                    return spec.apply.when.map { catalog.text("answer.when", ["name": spec.name[lang], "when": $0[lang]]) }
                        ?? catalog.text("answer.when_unknown", args)
                default: return catalog.text("answer.call", args)
                }
            }
            if intent == .whoToCall, !lines.isEmpty { lines.append(catalog.text("answer.call_counter", ["counter": counter])) }
            return fixed(lines.isEmpty ? kind : lines.joined(separator: "\n"))
        case .howMuch:
            let lines: [String] = relevant.flatMap { p -> [String] in
                switch p.status {
                case .eligible:
                    var said: [String] = []
                    if let m = p.monthly, m.value > 0 { said.append(catalog.text("answer.how_much_monthly", ["name": name(p), "amount": money(m)])) }
                    if let o = p.oneTime, o.value > 0 { said.append(catalog.text("answer.how_much_one_time", ["name": name(p), "amount": money(o)])) }
                    return said.isEmpty ? [catalog.text("answer.how_much_unknown", ["name": name(p)])] : said
                case .undetermined: return [catalog.text("answer.how_much_open", ["name": name(p)])]
                case .ineligible: return [catalog.text("answer.how_much_none", ["name": name(p)])]
                }
            }
            return fixed(lines.isEmpty ? kind : lines.joined(separator: "\n"))
        case .whyNot:
            let lines = asked.compactMap { p -> String? in
                switch p.status {
                case .ineligible:
                    guard let reason = p.shown.unmet.first else { return nil }
                    return catalog.text("answer.why", ["name": name(p), "reason": TemplateExplainer.trimmed(reason)])
                // Only about the programme of the page: a result's other programmes are not "why not".
                case .eligible: return program == nil ? nil : catalog.text("answer.why_eligible", ["name": name(p)])
                case .undetermined:
                    guard program != nil else { return nil }
                    return p.shown.missing.isEmpty
                        ? p.shown.unmet.first.map { catalog.text("answer.why", ["name": name(p), "reason": TemplateExplainer.trimmed($0)]) }
                        : catalog.text("answer.why_open", ["name": name(p), "facts": p.shown.missing.joined(separator: ", ")])
                }
            }
            return fixed(lines.isEmpty ? catalog.text("answer.why_none") : lines.joined(separator: "\n"))
        case .free:
            let documents = ProgramDocuments(pack: evaluation.pack, language: language)
            let passages = documents.retrieve(question, limit: program == nil ? 3 : 12).filter { program == nil || $0.program == program }.prefix(3)
            guard !passages.isEmpty else { return fixed(kind) }
            let cited = passages.map { catalog.text("answer.passage", ["name": documents.names[$0.program] ?? $0.program.rawValue, "text": $0.text]) }
            var grounding = GroundingGuard(sheet: sheet, language: language, centrePhone: Int(phone.filter(\.isASCIIDigit)))
            for c in cited { for q in QuantityScanner.scan(c) { grounding.extraQuantities.insert(q) } }
            let messages = [
                ChatMessage(role: "system", content: settings.answerPrompt + "\n\n답할 언어: \(Self.languageName(language))\n\n[자료]\n"
                    + cited.joined(separator: "\n") + "\n\n[사실표]\n" + sheet.rendered(language: language)),
                ChatMessage(role: "user", content: question),
            ]
            return Plan(messages: messages, grounding: grounding, template: cited.joined(separator: "\n"))
        }
    }

    static func languageName(_ l: Language) -> String {
        switch l {
        case .ko: "한국어"
        case .en: "English"
        case .zh: "中文"
        case .vi: "Tiếng Việt"
        }
    }

    // MARK: - Running one request

    /// One request worked out before anything runs: what to ask the model (nil: nothing, the
    /// template is the answer), how to check it, and what to show instead.
    private struct Plan {
        let messages: [ChatMessage]?
        let grounding: GroundingGuard?
        let template: String
    }

    private func run(_ plan: Plan) -> AsyncStream<ExplanationEvent> {
        let (messages, grounding, template) = (plan.messages, plan.grounding, plan.template)
        let (stream, continuation) = AsyncStream.makeStream(of: ExplanationEvent.self)
        let id = nextID.add(1, ordering: .relaxed).newValue
        let client = self.client
        let settings = self.settings
        let task = Task { [weak self] in
            let start = ContinuousClock.now
            let outcome: ExplanationOutcome
            if let client, let messages, let grounding {
                let request = ChatRequest(model: settings.model, messages: messages, temperature: settings.temperature,
                                          seed: settings.seed, maxTokens: settings.maxTokens)
                outcome = await ModelRun(client: client, request: request, grounding: grounding, settings: settings,
                                         template: template, start: start, continuation: continuation).run()
            } else {
                continuation.yield(.template(template, reason: nil))
                outcome = ExplanationOutcome(source: .template, fallbackReason: nil, detail: nil, text: template,
                                             firstTokenMilliseconds: nil, totalMilliseconds: (ContinuousClock.now - start).milliseconds)
            }
            if let reason = outcome.fallbackReason, !Task.isCancelled { self?.fallbacks.withLock { $0[reason, default: 0] += 1 } }
            continuation.yield(.finished(outcome))
            continuation.finish()
            _ = self?.running.withLock { $0.removeValue(forKey: id) }
        }
        running.withLock { $0[id] = task }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
