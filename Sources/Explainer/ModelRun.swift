import Explanations
import Foundation
import Synchronization

/// One request to the model, raced against its deadlines.
///
/// The stream and a timer run as two child tasks; whichever finishes first decides. The
/// template is yielded the moment a failure is known, before the losing task has wound down,
/// so a slow server's cancellation never delays what the citizen sees.
struct ModelRun: Sendable {
    let client: any ChatCompletionStreaming
    let request: ChatRequest
    let grounding: GroundingGuard
    let settings: ExplainerSettings
    let template: String
    let start: ContinuousClock.Instant
    let continuation: AsyncStream<ExplanationEvent>.Continuation

    private enum Result: Sendable {
        /// The sentences shown, and the categories of those refused and left out.
        case passed([String], dropped: [String])
        case failed(FallbackReason, String)
        case cancelled
    }

    /// The moment of the first content, shared between the stream and the timer, and whether
    /// any sentence reached the screen (then a fallback replaces it rather than appears).
    private final class FirstToken: Sendable {
        let instant = Mutex<ContinuousClock.Instant?>(nil)
        let shown = Atomic<Bool>(false)
    }

    func run() async -> ExplanationOutcome {
        let first = FirstToken()
        switch await client.readiness() {
        case .ready: break
        case .loading: return fallback(.unavailable, "the model is still loading (503 from /health)", first)
        case .unreachable(let why): return fallback(.unavailable, why, first)
        }
        if Task.isCancelled { return fallback(.unavailable, "cancelled", first) }
        let result = await withTaskGroup(of: Result.self) { group -> Result in
            group.addTask { await consume(first) }
            group.addTask {
                do { try await Task.sleep(until: start + settings.firstTokenDeadline, clock: .continuous) } catch { return .cancelled }
                if first.instant.withLock({ $0 }) == nil {
                    return .failed(.timeout, "no text within \(Int(settings.firstTokenDeadline.milliseconds)) ms")
                }
                do { try await Task.sleep(until: start + settings.totalDeadline, clock: .continuous) } catch { return .cancelled }
                return .failed(.timeout, "the answer took longer than \(Int(settings.totalDeadline.milliseconds)) ms")
            }
            let decided = await group.next() ?? .cancelled
            // Show the template before waiting for the loser to unwind.
            if case .failed(let reason, _) = decided { showTemplate(reason, first) }
            group.cancelAll()
            return decided
        }
        switch result {
        case .passed(let sentences, let dropped):
            return ExplanationOutcome(source: .llm, fallbackReason: dropped.isEmpty ? nil : .dropped,
                                      detail: dropped.isEmpty ? nil : "left out \(dropped.count) refused sentence(s): \(dropped.joined(separator: ", "))",
                                      text: sentences.joined(separator: "\n"),
                                      firstTokenMilliseconds: firstMilliseconds(first), totalMilliseconds: elapsed)
        case .failed(let reason, let detail):
            return outcome(reason, detail, first)
        case .cancelled:
            return fallback(.unavailable, "cancelled", first)
        }
    }

    /// The template on screen: replacing the model's sentences in one step when some were shown.
    private func showTemplate(_ reason: FallbackReason, _ first: FirstToken) {
        if first.shown.load(ordering: .acquiring) {
            continuation.yield(.replace(template, reason: reason))
        } else {
            continuation.yield(.template(template, reason: reason))
        }
    }

    private var elapsed: Double { (ContinuousClock.now - start).milliseconds }

    private func firstMilliseconds(_ first: FirstToken) -> Double? {
        first.instant.withLock { $0 }.map { ($0 - start).milliseconds }
    }

    private func fallback(_ reason: FallbackReason, _ detail: String, _ first: FirstToken) -> ExplanationOutcome {
        showTemplate(reason, first)
        return outcome(reason, detail, first)
    }

    private func outcome(_ reason: FallbackReason, _ detail: String, _ first: FirstToken) -> ExplanationOutcome {
        ExplanationOutcome(source: .template, fallbackReason: reason, detail: detail, text: template,
                           firstTokenMilliseconds: firstMilliseconds(first), totalMilliseconds: elapsed)
    }

    /// Streams the answer, releasing each sentence once it passes the guard. A refused sentence
    /// is left out and the rest goes on; too many refusals, or an end whose kept sentences no
    /// longer explain the result, fail the whole answer (the template replaces it). Only a
    /// failure's category goes into the detail: never the sentence or its figures.
    private func consume(_ first: FirstToken) async -> Result {
        var filter = TerminalSafetyFilter()
        var splitter = SentenceSplitter()
        var released: [String] = []
        var dropped: [String] = []
        var cutByLength = false
        func release(_ sentence: String) -> Result? {
            if let failure = grounding.check(sentence) {
                dropped.append(failure.category)
                if dropped.count > GroundingGuard.mostDropped { return refusedWhole() }
                return nil
            }
            released.append(sentence)
            first.shown.store(true, ordering: .releasing)
            continuation.yield(.sentence(sentence))
            return nil
        }
        func refusedWhole() -> Result {
            .failed(.ungrounded, "refused: \(dropped.joined(separator: ", "))")
        }
        do {
            for try await event in client.stream(request) {
                switch event {
                case .content(let raw):
                    first.instant.withLock { if $0 == nil { $0 = .now } }
                    for s in splitter.feed(filter.feed(raw)) {
                        if let failed = release(s) { return failed }
                    }
                    if let failure = grounding.checkPartial(splitter.pending) { return .failed(.ungrounded, failure.category) }
                case .finished(let reason):
                    cutByLength = reason == "length"
                case .done:
                    break
                }
            }
        } catch let error as ChatStreamError {
            switch error {
            case .unavailable(let m): return .failed(.unavailable, m)
            case .malformed(let m): return .failed(.malformed, m)
            }
        } catch {
            return Task.isCancelled ? .cancelled : .failed(.unavailable, "\(error)")
        }
        if Task.isCancelled { return .cancelled }
        // A sentence cut off by max_tokens is dropped rather than shown half-said.
        if let tail = splitter.finish(), !cutByLength, let failed = release(tail) { return failed }
        if released.isEmpty, dropped.isEmpty { return .failed(.malformed, "the model sent no text") }
        if !dropped.isEmpty, !grounding.stillExplains(released, refused: dropped.count) { return refusedWhole() }
        return .passed(released, dropped: dropped)
    }
}
