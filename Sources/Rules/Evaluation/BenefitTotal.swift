/// What a household can receive together, added up: the figure a results page shows at its top.
///
/// Only eligible programmes count, and of two that are received instead of each other
/// (`not_with`) only the one worth more: a household in crisis that qualifies for 생계급여 and
/// 긴급복지 gets one of them, so a total of both would promise money that never comes. An
/// eligible programme whose amount is not known is left out, and the total says it is a floor.
public struct BenefitTotal: Sendable, Equatable {
    public var monthly = 0
    public var oneTime = 0
    /// An eligible programme counted in the total has no amount yet (an answer is missing, or the
    /// centre decides it): the real total is at least this one.
    public var isFloor = false
    /// Eligible programmes left out because another one they exclude is counted, each with the
    /// programme counted instead and why.
    public var leftOut: [LeftOut] = []

    public struct LeftOut: Sendable, Equatable {
        public let pack: Int
        public let program: ProgramID
        public let instead: ProgramID
        public let reason: LocalizedText
    }

    /// Whether there is any amount to show: a total of nothing known says so in words, not "0".
    public var isKnown: Bool { monthly > 0 || oneTime > 0 }

    public init() {}

    /// The total over one household's evaluations, one per pack (exclusions stay within a pack).
    public init(_ evaluations: [Evaluation]) {
        for (packIndex, evaluation) in evaluations.enumerated() { add(evaluation, pack: packIndex) }
    }

    private mutating func add(_ evaluation: Evaluation, pack: Int) {
        let eligible = evaluation.programs.filter { $0.status == .eligible }
        let position = Dictionary(uniqueKeysWithValues: eligible.enumerated().map { ($1.id, $0) })
        var neighbours = [[(Int, LocalizedText)]](repeating: [], count: eligible.count)
        for (i, result) in eligible.enumerated() {
            for exclusion in evaluation.pack.program(result.id)?.notWith ?? [] {
                if let j = position[exclusion.program] { neighbours[i].append((j, exclusion.reason)) }
            }
        }
        let counted = Self.bestTogether(eligible, neighbours)
        for (i, result) in eligible.enumerated() {
            if counted.contains(i) {
                monthly += result.monthlyAmount?.value ?? 0
                oneTime += result.oneTimeAmount?.value ?? 0
                if result.monthlyAmount == nil && result.oneTimeAmount == nil { isFloor = true }
            } else if let (j, reason) = neighbours[i].first(where: { counted.contains($0.0) }) {
                leftOut.append(LeftOut(pack: pack, program: result.id, instead: eligible[j].id, reason: reason))
                // Which of the two is worth more is not known while one amount is missing.
                if result.monthlyAmount == nil && result.oneTimeAmount == nil { isFloor = true }
            }
        }
    }

    /// The eligible programmes to add: no two that exclude each other, worth the most a month and
    /// then once. Exclusions form small groups (two or three programmes), so each group is
    /// searched whole; a programme in no group is always counted.
    static func bestTogether(_ results: [ProgramResult], _ neighbours: [[(Int, LocalizedText)]]) -> Set<Int> {
        var counted = Set<Int>()
        var grouped = Set<Int>()
        for start in results.indices where !grouped.contains(start) {
            // The group reached from `start` through exclusions.
            var group = [start], next = 0
            grouped.insert(start)
            while next < group.count {
                for (j, _) in neighbours[group[next]] where grouped.insert(j).inserted { group.append(j) }
                next += 1
            }
            if group.count == 1 { counted.insert(start); continue }
            // Beyond 16 programmes in one group a pack would need a different rule; keep them all
            // out of the total rather than search 2^n subsets.
            guard group.count <= 16 else { continue }
            var best: (monthly: Int, oneTime: Int, members: [Int]) = (-1, -1, [])
            for mask in 0..<(1 << group.count) {
                let members = group.indices.filter { mask & (1 << $0) != 0 }.map { group[$0] }
                let allowed = members.allSatisfy { i in neighbours[i].allSatisfy { !members.contains($0.0) } }
                guard allowed else { continue }
                let m = members.reduce(0) { $0 + (results[$1].monthlyAmount?.value ?? 0) }
                let o = members.reduce(0) { $0 + (results[$1].oneTimeAmount?.value ?? 0) }
                if (m, o, members.count) > (best.monthly, best.oneTime, best.members.count) { best = (m, o, members) }
            }
            counted.formUnion(best.members)
        }
        return counted
    }
}
