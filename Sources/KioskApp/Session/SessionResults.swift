import Rules
import Synchronization

/// The results of a session: every programme of every pack, evaluated with its trace on the
/// session's day.
public struct SessionResults: Sendable {
    /// One per pack, in the rule book's order.
    public let evaluations: [Evaluation]

    /// One programme's result with what a screen needs beside it.
    public struct Item: Sendable {
        public let evaluation: Evaluation
        public let result: ProgramResult
        public var spec: ProgramSpec { evaluation.pack.program(result.id)! }
        public var status: Status { result.status }
        /// The trace behind the status, for the detail screen.
        public var trace: [TraceEntry] { evaluation.trace(result) }
        /// Facts that could still settle an undetermined result.
        public var missing: [FactKey] { evaluation.missing(result) }
        public func unmet(language: String) -> [String] { evaluation.unmet(result, language: language) }
    }

    public init(facts: Facts, rules: RuleBook) {
        evaluations = rules.evaluate(facts, trace: true)
    }

    /// Every programme, pack by pack, each pack's sorted by id.
    public var items: [Item] {
        evaluations.flatMap { e in e.programs.map { Item(evaluation: e, result: $0) } }
    }

    public func items(_ status: Status) -> [Item] { items.filter { $0.status == status } }

    /// What the citizen can receive together, added up (only one of two programmes received
    /// instead of each other).
    public var total: BenefitTotal { BenefitTotal(evaluations) }

    /// 소득인정액 as a share of 기준 중위소득 for the household, when both are known exactly; the
    /// log stores only its band.
    public var incomeRatioOfMedian: Double? {
        evaluations.first.flatMap(Self.incomeRatioOfMedian(in:))
    }

    /// The ratio from one traced evaluation of the main pack.
    static func incomeRatioOfMedian(in main: Evaluation) -> Double? {
        // Any programme that reads both values will do: they are the household's, not the
        // programme's. Which one is found once per pack, not once per session.
        let program = IncomeProgram.index(in: main)
        guard let program else { return nil }
        let values = main.trace(main.programs[program]).filter { $0.kind == .value }
        guard let income = values.first(where: { $0.rule == Self.income })?.value?.point,
              let median = values.first(where: { $0.rule == Self.median })?.value?.point, median > 0
        else { return nil }
        return income / median
    }

    /// The definitions the income band is made of (definitions.yaml).
    static let income = "recognised_income", median = "median"
}

/// The first programme of a pack whose trace shows 소득인정액 and 기준 중위소득, by pack id.
private enum IncomeProgram {
    static let found = Mutex<[String: Int?]>([:])

    static func index(in evaluation: Evaluation) -> Int? {
        let key = evaluation.pack.id + " " + evaluation.pack.version
        if let hit = found.withLock({ $0[key] }) { return hit }
        let index = evaluation.programs.indices.first { p in
            let rules = Set(evaluation.trace(evaluation.programs[p]).filter { $0.kind == .value }.map(\.rule))
            return rules.contains(SessionResults.income) && rules.contains(SessionResults.median)
        }
        found.withLock { $0[key] = .some(index) }
        return index
    }
}

extension Session {
    /// Every pack evaluated on the session's answers, with traces.
    public var results: SessionResults { SessionResults(facts: facts, rules: rules) }
}
