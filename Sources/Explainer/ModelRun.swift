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
        case passed([String])
        case failed(FallbackReason, String)
        case cancelled
    }

    /// The moment of the first content, shared between the stream and the timer.
    private final class FirstToken: Sendable {
        let instant = Mutex<ContinuousClock.Instant?>(nil)
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
            if case .failed = decided { continuation.yield(.template(template, reason: reasonOf(decided))) }
            group.cancelAll()
            return decided
        }
        switch result {
        case .passed(let sentences):
            return ExplanationOutcome(source: .llm, fallbackReason: nil, detail: nil, text: sentences.joined(separator: "\n"),
                                      firstTokenMilliseconds: firstMilliseconds(first), totalMilliseconds: elapsed)
        case .failed(let reason, let detail):
            return outcome(reason, detail, first)
        case .cancelled:
            return fallback(.unavailable, "cancelled", first)
        }
    }

    private func reasonOf(_ r: Result) -> FallbackReason? {
        if case .failed(let reason, _) = r { return reason }
        return nil
    }

    private var elapsed: Double { (ContinuousClock.now - start).milliseconds }

    private func firstMilliseconds(_ first: FirstToken) -> Double? {
        first.instant.withLock { $0 }.map { ($0 - start).milliseconds }
    }

    private func fallback(_ reason: FallbackReason, _ detail: String, _ first: FirstToken) -> ExplanationOutcome {
        continuation.yield(.template(template, reason: reason))
        return outcome(reason, detail, first)
    }

    private func outcome(_ reason: FallbackReason, _ detail: String, _ first: FirstToken) -> ExplanationOutcome {
        ExplanationOutcome(source: .template, fallbackReason: reason, detail: detail, text: template,
                           firstTokenMilliseconds: firstMilliseconds(first), totalMilliseconds: elapsed)
    }

    private func consume(_ first: FirstToken) async -> Result {
        var filter = TerminalSafetyFilter()
        var splitter = SentenceSplitter()
        var released: [String] = []
        var cutByLength = false
        func release(_ sentence: String) -> Result? {
            if let failure = grounding.check(sentence) { return .failed(.ungrounded, failure.description) }
            released.append(sentence)
            continuation.yield(.sentence(sentence))
            return nil
        }
        do {
            for try await event in client.stream(request) {
                switch event {
                case .content(let raw):
                    first.instant.withLock { if $0 == nil { $0 = .now } }
                    for s in splitter.feed(filter.feed(raw)) {
                        if let failed = release(s) { return failed }
                    }
                    if let failure = grounding.checkPartial(splitter.pending) { return .failed(.ungrounded, failure.description) }
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
        // A sentence cut off by max_tokens is checked, then dropped rather than shown half-said.
        if let tail = splitter.finish() {
            if let failure = grounding.check(tail) { return .failed(.ungrounded, failure.description) }
            if !cutByLength, let failed = release(tail) { return failed }
        }
        if released.isEmpty { return .failed(.malformed, "the model sent no text") }
        return .passed(released)
    }
}
