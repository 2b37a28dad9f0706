/// A range of instructions in the plan's code.
struct Segment: Sendable {
    let start: Int32
    let end: Int32
    static let empty = Segment(start: 0, end: 0)
    var isEmpty: Bool { start == end }
}

/// An aggregate as the machine runs it: plain values only.
struct AggregatePlan: Sendable {
    let kind: AggregateKind
    let list: Int
    let condition: Segment
}

/// One programme as the machine runs it.
struct ProgramPlan: Sendable {
    /// Range into `ExecutionPlan.conditions`.
    let firstCondition: Int
    let conditionCount: Int
    let monthly: Segment?
    let oneTime: Segment?
    let firstNote: Int
    let noteCount: Int
    /// Range into `ExecutionPlan.referrals`.
    let firstReferral: Int
    let referralCount: Int
    let parameters: ParameterMask
}

/// The whole pack flattened for evaluation: one code array, and programmes, conditions and
/// definitions as ranges into it.
///
/// The memory is allocated once when the pack loads and never moves, so evaluation reads it
/// through plain pointers — no reference counting, no copies of the richer pack structures.
final class ExecutionPlan: @unchecked Sendable {
    let code: UnsafeMutableBufferPointer<Op>
    let definitions: UnsafeMutableBufferPointer<Segment>
    /// Every definition's code followed by a store into its slot, in dependency order: one run
    /// of this block computes all of them.
    let definitionBlock: Segment
    let conditions: UnsafeMutableBufferPointer<Segment>
    let conditionFacts: UnsafeMutableBufferPointer<FactMask>
    let notes: UnsafeMutableBufferPointer<Segment>
    let referrals: UnsafeMutableBufferPointer<Segment>
    let referralFacts: UnsafeMutableBufferPointer<FactMask>
    let programs: UnsafeMutableBufferPointer<ProgramPlan>
    let aggregates: UnsafeMutableBufferPointer<AggregatePlan>
    /// Values recorded by a traced evaluation: definitions, then per programme its conditions,
    /// monthly, one-time and notes.
    let traceSize: Int
    let traceOffsets: [Int]
    /// The index of every table read (the household size a table is read at), which a traced
    /// evaluation records once the definitions are known, so the trace can name each cell
    /// without running code again: sites of definitions, then per programme its conditions,
    /// monthly, one-time. Their slots follow the programmes' in the trace.
    let tableSites: UnsafeMutableBufferPointer<Segment>
    /// Where the recorded table indices start in the trace.
    let tableSiteOffset: Int
    /// The first site of each definition, each condition (by position in `conditions`), and
    /// each programme's monthly and one-time amount.
    let definitionSites: [Int]
    let conditionSites: [Int]
    let monthlySites: [Int]
    let oneTimeSites: [Int]

    /// `fusing: false` lays the compiler's instructions out as they are, so a test can check
    /// that fusion never changes a result.
    init(definitions defs: [Definition], programs specs: [ProgramSpec], aggregates aggs: [Aggregate], fusing: Bool = true) {
        func fuse(_ ops: [Op]) -> [Op] { fusing ? Fusion.fuse(ops) : ops }
        var code: [Op] = []
        func add(_ ops: [Op]) -> Segment {
            let start = Int32(code.count)
            code.append(contentsOf: fuse(ops))
            return Segment(start: start, end: Int32(code.count))
        }
        let aggregatePlans = aggs.map { AggregatePlan(kind: $0.kind, list: $0.list, condition: add($0.condition)) }
        let definitionSegments = defs.map { add($0.program.ops) }
        let blockStart = Int32(code.count)
        for (i, d) in defs.enumerated() { code.append(contentsOf: fuse(d.program.ops) + [.store(i)]) }
        let definitionBlock = Segment(start: blockStart, end: Int32(code.count))
        var conditionSegments: [Segment] = [], conditionFacts: [FactMask] = [], noteSegments: [Segment] = []
        var referralSegments: [Segment] = [], referralFacts: [FactMask] = []
        var programPlans: [ProgramPlan] = []
        var offsets: [Int] = []
        var traceSize = defs.count
        for spec in specs {
            offsets.append(traceSize)
            let first = conditionSegments.count, firstNote = noteSegments.count, firstReferral = referralSegments.count
            for c in spec.conditions {
                conditionSegments.append(add(c.program.ops))
                conditionFacts.append(c.allFacts)
            }
            for n in spec.notes { noteSegments.append(n.when.map { add($0.ops) } ?? .empty) }
            for r in spec.referrals {
                referralSegments.append(add(r.program.ops))
                referralFacts.append(r.allFacts)
            }
            programPlans.append(ProgramPlan(firstCondition: first, conditionCount: spec.conditions.count,
                                            monthly: spec.monthly.map { add($0.ops) }, oneTime: spec.oneTime.map { add($0.ops) },
                                            firstNote: firstNote, noteCount: spec.notes.count,
                                            firstReferral: firstReferral, referralCount: spec.referrals.count, parameters: spec.allParameters))
            traceSize += spec.conditions.count + 2 + spec.notes.count
        }
        // Table-read indices go last, so the offsets above stay as they were.
        var siteSegments: [Segment] = []
        func sites(_ program: Program) -> Int {
            let first = siteSegments.count
            for read in program.tableReads { siteSegments.append(add(read.index)) }
            return first
        }
        let definitionSites = defs.map { sites($0.program) }
        var conditionSites: [Int] = [], monthlySites: [Int] = [], oneTimeSites: [Int] = []
        for spec in specs {
            for c in spec.conditions { conditionSites.append(sites(c.program)) }
            monthlySites.append(spec.monthly.map(sites) ?? 0)
            oneTimeSites.append(spec.oneTime.map(sites) ?? 0)
        }
        func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
            _ = b.initialize(from: a)
            return UnsafeMutableBufferPointer(rebasing: b[0..<a.count])
        }
        self.code = copy(code)
        self.definitions = copy(definitionSegments)
        self.definitionBlock = definitionBlock
        self.conditions = copy(conditionSegments)
        self.conditionFacts = copy(conditionFacts)
        self.notes = copy(noteSegments)
        self.referrals = copy(referralSegments)
        self.referralFacts = copy(referralFacts)
        self.programs = copy(programPlans)
        self.aggregates = copy(aggregatePlans)
        self.traceSize = traceSize + siteSegments.count
        self.traceOffsets = offsets
        self.tableSites = copy(siteSegments)
        self.tableSiteOffset = traceSize
        self.definitionSites = definitionSites
        self.conditionSites = conditionSites
        self.monthlySites = monthlySites
        self.oneTimeSites = oneTimeSites
    }

    deinit {
        for b in [UnsafeMutableRawPointer(code.baseAddress), UnsafeMutableRawPointer(definitions.baseAddress),
                  UnsafeMutableRawPointer(conditions.baseAddress), UnsafeMutableRawPointer(conditionFacts.baseAddress),
                  UnsafeMutableRawPointer(notes.baseAddress), UnsafeMutableRawPointer(programs.baseAddress),
                  UnsafeMutableRawPointer(referrals.baseAddress), UnsafeMutableRawPointer(referralFacts.baseAddress),
                  UnsafeMutableRawPointer(aggregates.baseAddress), UnsafeMutableRawPointer(tableSites.baseAddress)] {
            b?.deallocate()
        }
    }
}
