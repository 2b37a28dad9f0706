import Explainer
import ExplainerHTTP
import Explanations
import Foundation
import Glibc
import Rules
import Settings
import Synchronization

/// Serves one kiosk: each `begin` becomes a task streaming its events back; `cancel` and
/// `cancelAll` stop them.
final class Worker: Sendable {
    private let explainer: Explainer
    private let pack: RulePack
    private let centre: KioskConfig.Centre
    private let running = Mutex<[ExplanationTicket: Task<Void, Never>]>([:])
    private let output = Mutex(())

    struct SetupError: Error, CustomStringConvertible {
        let description: String
    }

    init(configPath: String, endpoint: String?, deadlineMs: Int?) throws {
        let config = try KioskConfig.load(path: configPath, mustExist: false)
        var url: URL?
        if let endpoint {
            guard let parsed = URL(string: endpoint), parsed.scheme != nil, parsed.host != nil else {
                throw SetupError(description: "--llm '\(endpoint)' is not a base URL")
            }
            url = parsed
        }
        let settings = try ExplainerSettings(config.llm, endpoint: url, totalDeadline: deadlineMs.map { .milliseconds($0) })
        pack = try RulePack.load(directory: config.paths.rules.path)
        centre = config.centre
        explainer = Explainer.connecting(settings: settings, locales: try LocaleBundle.load(from: config.paths.locales))
    }

    /// Reads commands until standard input ends, then stops everything and returns.
    func serve() async {
        for await command in Self.commands() {
            switch command {
            case .begin(let ticket, let request):
                begin(ticket, request)
            case .cancel(let ticket):
                running.withLock { $0.removeValue(forKey: ticket) }?.cancel()
            case .cancelAll:
                for task in running.withLock({ r in defer { r.removeAll() }; return Array(r.values) }) { task.cancel() }
            }
        }
        for task in running.withLock({ Array($0.values) }) { task.cancel() }
        await explainer.shutdown()
    }

    private func begin(_ ticket: ExplanationTicket, _ request: ExplanationRequest) {
        guard let day = Day(request.day), pack.coverage.contains(day) else {
            return refuse(ticket, "day '\(request.day)' is not a date the \(pack.id) pack covers")
        }
        guard let language = Language(rawValue: request.language) else {
            return refuse(ticket, "language '\(request.language)' is not ko, en, zh or vi")
        }
        let facts: Facts
        do {
            facts = try FactsJSON.parse(request.facts, vocabulary: pack.facts)
        } catch {
            return refuse(ticket, "facts: \(error)")
        }
        let evaluation = pack.evaluate(facts, on: day, trace: true)
        let stream = switch request.subject {
        case .result:
            explainer.explain(evaluation, language: language)
        case .question(let question):
            explainer.answer(question, about: evaluation, language: language,
                             counter: centre.counter.text(in: language), phone: centre.phone,
                             program: request.program.map { ProgramID($0) })
        }
        let task = Task { [self] in
            for await event in stream {
                if Task.isCancelled { break }
                send(WorkerReply(ticket: ticket, event: event))
            }
            _ = running.withLock { $0.removeValue(forKey: ticket) }
        }
        running.withLock { $0[ticket] = task }
    }

    /// A request the worker cannot work on: ends at once with no text, so the kiosk shows
    /// its own template.
    private func refuse(_ ticket: ExplanationTicket, _ why: String) {
        FileHandle.standardError.write(Data("kiosk-explainer: \(why)\n".utf8))
        send(WorkerReply(ticket: ticket, event: .finished(ExplanationOutcome(
            source: .template, fallbackReason: .malformed, detail: why, text: "", firstTokenMilliseconds: nil, totalMilliseconds: 0))))
    }

    private func send(_ reply: WorkerReply) {
        let bytes = WorkerWire.line(reply)
        output.withLock { _ in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // the kiosk is gone; standard input will end too
                }
                offset += written
            }
        }
    }

    /// Standard input's lines as commands, read on a thread of their own; lines that are not a
    /// command are reported and skipped.
    private static func commands() -> AsyncStream<WorkerCommand> {
        let (stream, continuation) = AsyncStream.makeStream(of: WorkerCommand.self)
        let thread = Thread {
            var splitter = LineSplitter()
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = read(STDIN_FILENO, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                for line in splitter.feed(buffer[0..<count]) {
                    if let command = WorkerWire.decode(WorkerCommand.self, from: line) {
                        continuation.yield(command)
                    } else {
                        FileHandle.standardError.write(Data("kiosk-explainer: ignored a line that is not a command\n".utf8))
                    }
                }
            }
            continuation.finish()
        }
        thread.start()
        return stream
    }
}
