import Foundation
import Rules
import Settings

/// Every rule pack a session is asked against, and the day their rules are applied for.
///
/// The kiosk loads kr-welfare (`[paths] rules`) and the extra packs (`[paths] extra_rules`, e.g.
/// kr-culture) once at start; every session shares them. The first pack is the main one: its fact
/// vocabulary gives each question its text, and its topic order breaks ties between questions.
public final class RuleBook: Sendable {
    public let packs: [RulePack]
    public let day: Day

    public init(packs: [RulePack], day: Day) {
        precondition(!packs.isEmpty, "a rule book needs at least one pack")
        self.packs = packs
        self.day = day
        var specs: [FactKey: FactSpec] = [:]
        var order: [FactKey] = []
        for pack in packs {
            for fact in pack.facts where specs[fact.key] == nil {
                specs[fact.key] = fact
                order.append(fact.key)
            }
        }
        self.specs = specs
        self.order = order
        self.rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    }

    /// Loads `[paths] rules` and `[paths] extra_rules`, for sessions on `day`.
    ///
    /// Throws the first pack's problems with its folder named, so the kiosk stops at start with a
    /// message staff can act on rather than failing in a citizen's session.
    public static func load(config: KioskConfig, day: Day) throws -> RuleBook {
        var packs: [RulePack] = []
        for url in [config.paths.rules] + config.paths.extraRules {
            do {
                packs.append(try RulePack.load(directory: url.path))
            } catch {
                throw RuleBookError(directory: url.path, diagnostics: error.diagnostics.map(\.description))
            }
        }
        return RuleBook(packs: packs, day: day)
    }

    /// The same packs on another day (a kiosk that runs past midnight applies the new day's rules).
    public func on(_ day: Day) -> RuleBook {
        day == self.day ? self : RuleBook(packs: packs, day: day)
    }

    // MARK: - The fact vocabulary

    /// Every fact any pack asks about, in the main pack's topic order, then the others'.
    public let order: [FactKey]
    private let specs: [FactKey: FactSpec]
    private let rank: [FactKey: Int]

    public func spec(_ key: FactKey) -> FactSpec? { specs[key] }

    // MARK: - Evaluation and planning

    /// Every pack's evaluation of `facts` on the book's day.
    public func evaluate(_ facts: Facts, trace: Bool = false) -> [Evaluation] {
        packs.map { $0.evaluate(facts, on: day, trace: trace) }
    }

    /// What the planner sees after some answers: which unanswered facts could still change a
    /// status, and which of them to ask next.
    public struct Plan: Sendable, Equatable {
        /// The question that would settle the most undetermined programmes over every pack (ties
        /// go to the topic order), or nil when no answer left could change any status.
        public let next: FactKey?
        /// Every unanswered fact that could still change some programme's status.
        public let open: Set<FactKey>
    }

    /// Plans over every pack. `answered` are facts the citizen has answered, "잘 모르겠어요"
    /// included: they are absent from `facts` (unknown) but must not be asked again.
    ///
    /// Why not `Evaluation.nextQuestion`: it plans within one pack and would ask again a fact
    /// answered "unknown", since an unknown answer leaves the fact missing.
    public func plan(_ facts: Facts, answered: Set<FactKey>) -> Plan {
        var counts: [FactKey: Int] = [:]
        for evaluation in evaluate(facts) {
            for result in evaluation.programs where result.status == .undetermined {
                for key in evaluation.missing(result) where !answered.contains(key) {
                    counts[key, default: 0] += 1
                }
            }
        }
        let next = counts.max { a, b in
            a.value != b.value ? a.value < b.value : rank(a.key) > rank(b.key)
        }?.key
        return Plan(next: next, open: Set(counts.keys))
    }

    private func rank(_ key: FactKey) -> Int { rank[key] ?? Int.max }
}

/// A rule pack named in kiosk.conf that does not load.
public struct RuleBookError: Error, CustomStringConvertible {
    public let directory: String
    public let diagnostics: [String]
    public var description: String {
        "\(directory): the rule pack does not load (run welfare-kiosk rules check --rules \(directory)):\n"
            + diagnostics.joined(separator: "\n")
    }
}
