import Foundation
import Rules
import Settings
import Synchronization

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

    /// Every fact of every pack, in `order`: what a facts file may hold.
    public var vocabulary: [FactSpec] { order.map { specs[$0]! } }

    // MARK: - Evaluation and planning

    /// Every pack's evaluation of `facts` on the book's day.
    public func evaluate(_ facts: Facts, trace: Bool = false) -> [Evaluation] {
        packs.map { $0.evaluate(facts, on: day, trace: trace) }
    }

    /// What the planner sees after some answers: which unanswered facts could still change a
    /// status or an amount, and which of them to ask next.
    ///
    /// Statuses come first: the next question is the one that would settle the most undetermined
    /// programmes over every pack (ties go to the topic order). Once every status is settled, the
    /// facts that the amount of a programme the citizen can receive still waits for (가구원 수 for
    /// 생계급여, 배우자 for 기초연금) are asked the same way. Nothing is asked when no answer left
    /// could change a status or an amount shown.
    public struct Plan: Sendable, Equatable {
        public let next: FactKey?
        /// Every unanswered fact that could still change a status or an amount shown.
        public let open: Set<FactKey>
        /// Every unanswered fact the planner could still ask: those the undecided conditions of
        /// a programme still open read, and those its amounts read. `open` is what matters now;
        /// an answer can make another fact matter (a spouse's age after "yes, a spouse"), but
        /// not one outside this set, so its size bounds the questions left (`Session.progress`).
        public var possible: Set<FactKey> = []
    }

    /// Plans over every pack. `answered` are facts the citizen has answered, "잘 모르겠어요"
    /// included: they are absent from `facts` (unknown) but must not be asked again.
    ///
    /// Why not `Evaluation.nextQuestion`: it plans within one pack and would ask again a fact
    /// answered "unknown", since an unknown answer leaves the fact missing.
    public func plan(_ facts: Facts, answered: Set<FactKey>) -> Plan {
        guard let key = PlanKey(facts, answered: answered, rank: rank, count: order.count, specs: specs) else {
            return computePlan(facts, answered: answered)
        }
        if let hit = plans.withLock({ $0[key] }) { return hit }
        let plan = computePlan(facts, answered: answered)
        plans.withLock { cache in
            // A plain bound rather than an LRU: citizens share the first few states (nothing
            // known, then an age), which refill at once; the rest rarely repeat.
            if cache.count >= Self.planCacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[key] = plan
        }
        return plan
    }

    /// Plans kept for reuse. Planning weighs, for every undetermined programme, which unknown
    /// facts can still change it — milliseconds per answer — and it is a pure function of the
    /// answers, so sessions that reach the same answers (every session's first question, a
    /// simulated household run many times) share the work.
    static let planCacheLimit = 4096
    private let plans = Mutex<[PlanKey: Plan]>([:])

    private func computePlan(_ facts: Facts, answered: Set<FactKey>) -> Plan {
        var statusCounts: [FactKey: Int] = [:]
        var amountCounts: [FactKey: Int] = [:]
        var possible = Set<FactKey>()
        for evaluation in packs.map({ $0.evaluate(facts, on: day, trace: true) }) {
            for result in evaluation.programs {
                switch result.status {
                case .undetermined:
                    for key in evaluation.missing(result) where !answered.contains(key) {
                        statusCounts[key, default: 0] += 1
                    }
                    // Its open conditions' facts, and what its amounts read once it is eligible.
                    possible.formUnion(evaluation.unsettled(result))
                    possible.formUnion(evaluation.pack.amountFacts(of: result.id).filter { facts[$0] == nil })
                case .eligible:
                    // An amount the citizen can receive but cannot be told (생계급여 without the
                    // household size) is worth a question once every status is settled.
                    // The same facts `eval`'s next_question asks (one planner for both).
                    for key in evaluation.amountMissing(result) where !answered.contains(key) {
                        amountCounts[key, default: 0] += 1
                        possible.insert(key)
                    }
                case .ineligible:
                    break
                }
            }
        }
        let counts = statusCounts.isEmpty ? amountCounts : statusCounts
        // Who lives in the household comes first, as in `eval`: asking a spouse's age before
        // whether there is a spouse (or one lives here at all) loses the citizen's trust.
        let next = RulePack.householdFirst.first { counts[$0] != nil } ?? counts.max { a, b in
            a.value != b.value ? a.value < b.value : rank(a.key) > rank(b.key)
        }?.key
        let open = Set(statusCounts.keys).union(amountCounts.keys)
        // Only what a citizen is asked: facts with a question, not yet answered.
        possible = possible.filter { !answered.contains($0) && specs[$0] != nil }.union(open)
        return Plan(next: next, open: open, possible: possible)
    }

    private func rank(_ key: FactKey) -> Int { rank[key] ?? Int.max }
}

/// The answers a plan depends on, as a hashable value: one slot per fact of the vocabulary
/// (unanswered, unknown, or the value; a list's length), then the lists' items in slot order.
private struct PlanKey: Hashable {
    let codes: [Int]

    private static let unanswered = Int.min
    private static let unknown = Int.min + 1

    /// Nil when a fact is known without having been answered, which a session never does; such a
    /// plan is computed without the cache.
    init?(_ facts: Facts, answered: Set<FactKey>, rank: [FactKey: Int], count: Int, specs: [FactKey: FactSpec]) {
        var codes = [Int](repeating: Self.unanswered, count: count)
        var lists: [(slot: Int, items: [Int])] = []
        for key in answered {
            guard let slot = rank[key] else { continue }
            switch facts[key] {
            case .number(let n)?: codes[slot] = n
            case .bool(let b)?: codes[slot] = b ? 1 : 0
            // A value outside the vocabulary cannot be answered on screen; it shares "unknown"'s code.
            case .choice(let c)?: codes[slot] = specs[key]?.position(of: c) ?? Self.unknown
            case .list(let items)?:
                codes[slot] = -1 - items.count
                lists.append((slot, items))
            case nil: codes[slot] = Self.unknown
            }
        }
        guard facts.values.keys.allSatisfy(answered.contains) else { return nil }
        for list in lists.sorted(by: { $0.slot < $1.slot }) { codes.append(contentsOf: list.items) }
        self.codes = codes
    }
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
