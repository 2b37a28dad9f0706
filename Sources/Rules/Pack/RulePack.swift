import Synchronization

/// A loaded, checked and compiled rule pack: the facts it asks about, its programmes, and the
/// dated parameters behind them.
///
/// ```swift
/// let pack = try RulePack.load(directory: "rules/kr-welfare")
/// let result = pack.evaluate(Facts(["age": .number(67)]), on: Day("2026-06-01")!)
/// ```
public final class RulePack: Sendable {
    public let id: String
    public let version: String
    public let name: LocalizedText
    public let coverage: Coverage
    public let topics: [String]
    /// The fact vocabulary in topic order, with the question texts the kiosk asks.
    public let facts: [FactSpec]
    public let parameters: [Parameter]
    /// Programmes sorted by id.
    public let programs: [ProgramSpec]
    let definitions: [Definition]
    let aggregates: [Aggregate]
    let factIndex: [FactKey: Int]
    let stackSize: Int
    let plan: ExecutionPlan
    /// Programme ids by position, so results need not touch the richer specs.
    let programIDs: [ProgramID]
    /// Fact keys by position, shared by every trace.
    let factKeys: [FactKey]
    /// Citizen-facing texts that lack a kiosk language, `file:line:column` each. The pack runs
    /// with them (the citizen reads the Korean instead); `rules check` fails on any.
    public let textGaps: [PackDiagnostic]
    private let cache = Mutex<(byDay: [Day: ResolvedParameters], latest: ResolvedParameters?)>(([:], nil))
    /// Trace layouts by date, built on the first traced evaluation of each date.
    let traceLayouts = Mutex<[Day: TraceLayout]>([:])

    init(id: String, version: String, name: LocalizedText, coverage: Coverage, topics: [String], facts: [FactSpec],
         parameters: [Parameter], definitions: [Definition], programs: [ProgramSpec], aggregates: [Aggregate],
         textGaps: [PackDiagnostic] = [], fusing: Bool = true) {
        self.id = id
        self.textGaps = textGaps
        self.version = version
        self.name = name
        self.coverage = coverage
        self.topics = topics
        self.facts = facts
        self.parameters = parameters
        self.definitions = definitions
        self.programs = programs.sorted { $0.id < $1.id }
        self.aggregates = aggregates
        self.factIndex = Dictionary(uniqueKeysWithValues: facts.enumerated().map { ($1.key, $0) })
        var depth = 1
        for d in definitions { depth = max(depth, d.program.stackDepth) }
        for p in programs {
            for c in p.conditions { depth = max(depth, c.program.stackDepth) }
            for a in [p.monthly, p.oneTime].compactMap({ $0 }) { depth = max(depth, a.stackDepth) }
            for n in p.notes { depth = max(depth, n.when?.stackDepth ?? 1) }
            for r in p.referrals { depth = max(depth, r.program.stackDepth) }
        }
        for a in aggregates where !a.condition.isEmpty { depth = max(depth, a.condition.count) }
        // A definition is computed the first time it is read, above its reader's stack, so
        // the deepest chain of definitions reading definitions stacks that many programs
        // (each with room for one level of aggregate conditions above it).
        var chain = [Int](repeating: 1, count: definitions.count)
        for (i, d) in definitions.enumerated() {
            for case .definition(let j) in d.program.ops where j < i { chain[i] = max(chain[i], chain[j] + 1) }
        }
        self.stackSize = (depth * 2 + 8) * ((chain.max() ?? 0) + 1)
        self.programIDs = self.programs.map(\.id)
        self.factKeys = facts.map(\.key)
        self.plan = ExecutionPlan(definitions: definitions, programs: self.programs, aggregates: aggregates, fusing: fusing)
    }

    /// Loads a pack folder (one with pack.yaml), checking every rule; throws every problem found.
    public static func load(directory: String) throws(PackLoadError) -> RulePack {
        try PackLoader.load(directory: directory)
    }

    public func fact(_ key: FactKey) -> FactSpec? { factIndex[key].map { facts[$0] } }
    public func program(_ id: ProgramID) -> ProgramSpec? { programs.first { $0.id == id } }
    /// The parameters a programme's rules read, directly or through the definitions they use,
    /// in pack order: what an officer looking at the programme needs beside it.
    public func parameters(of id: ProgramID) -> [Parameter] {
        program(id)?.allParameters.indices.map { parameters[$0] } ?? []
    }
    /// Every fact a programme's amounts read, whatever the household (the amounts of a
    /// programme still open bound what may yet be asked).
    public func amountFacts(of id: ProgramID) -> [FactKey] {
        program(id)?.amountFacts.indices.map { facts[$0].key } ?? []
    }

    /// The label of a named value (소득인정액, a threshold) in every language the pack gives;
    /// the trace carries only the Korean one.
    public func definitionLabel(_ name: String) -> LocalizedText? { definitions.first { $0.name == name }?.label }

    /// Parameters resolved for one date, computed once per date and then shared.
    func resolved(on day: Day) -> ResolvedParameters {
        // Nearly every evaluation asks for the same date as the one before (today), so that one
        // is checked first: comparing three integers, where the dictionary hashes them.
        if let hit = cache.withLock({ $0.latest?.day == day ? $0.latest : $0.byDay[day] }) { return hit }
        let fresh = ResolvedParameters(parameters: parameters, day: day)
        cache.withLock {
            $0.byDay[day] = fresh
            $0.latest = fresh
        }
        return fresh
    }

    /// Lays facts out for evaluation, with what they imply (`FactRelations.implied`) counted as
    /// known, so no channel asks what the answers already say. Keys outside the vocabulary are
    /// ignored here; `FactsJSON` rejects them at the edge.
    public func prepare(_ given: Facts) -> PreparedFacts {
        let facts = FactRelations.implied(given)
        var scalars = self.facts.map(\.unknownInterval)
        var spans = [ListSpan](repeating: .unknown, count: self.facts.count)
        var listValues: [Double] = []
        var known = FactMask()
        var values = [FactValue?](repeating: nil, count: self.facts.count)
        for (key, value) in facts.values {
            guard let i = factIndex[key] else { continue }
            known = known | .single(i)
            values[i] = value
            switch value {
            case .number(let n): scalars[i] = Interval(Double(n))
            case .bool(let b): scalars[i] = .bool(b)
            case .list(let l):
                spans[i] = ListSpan(start: listValues.count, count: l.count)
                listValues.append(contentsOf: l.map(Double.init))
            case .choice(let c):
                // A value outside the vocabulary is refused at the edge (FactsJSON); here it stays unknown.
                guard let position = self.facts[i].position(of: c) else {
                    known = FactMask(known.bits & ~FactMask.single(i).bits)
                    values[i] = nil
                    continue
                }
                scalars[i] = Interval(Double(position))
            }
        }
        return PreparedFacts(scalars: scalars, listSpans: spans, listValues: listValues, known: known, values: values, facts: given)
    }
}
