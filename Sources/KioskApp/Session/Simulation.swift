import Foundation
import Rules
import SessionLog
import Settings

/// Whole sessions from households' facts, logged as the kiosk logs them: `welfare-kiosk
/// simulate` and its benchmark.
public enum Simulation {
    /// The writer's queue for a batch run: room for whole transactions of the writer's largest
    /// batch, so 10,000 sessions take a few dozen durable commits rather than one per queue-full.
    public static let writerCapacity = 2_048

    public struct Report: Sendable {
        public let committed: Int
        public let dropped: Int
        public let lastError: String?
        public let elapsed: Duration
    }

    /// Replays `count` sessions, taking the households in turn, and writes each through
    /// `writer` with `submitWaiting` (a batch tool must not lose sessions to its own speed); the
    /// writer is closed before the report, so every session is committed or counted as dropped.
    ///
    /// Sessions are independent values, so they are replayed on every core while the writer
    /// commits on its own thread; the log does not keep their order.
    public static func run(households: [Facts], count: Int, rules: RuleBook, language: Language, startedAt: Date,
                           isDemo: Bool = false, writer: SessionLogWriter) -> Report {
        precondition(!households.isEmpty, "simulate needs at least one household")
        let clock = ContinuousClock()
        let began = clock.now
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: count, by: workers) {
                var session = Session.replay(households[index % households.count], rules: rules, language: language,
                                             startedAt: startedAt)
                session.isDemo = isDemo
                writer.submitWaiting(SessionSummary(session))
            }
        }
        writer.close()
        let health = writer.health
        return Report(committed: health.committed, dropped: health.dropped, lastError: health.lastError, elapsed: clock.now - began)
    }
}
