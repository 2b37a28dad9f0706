/// The outcome for one programme.
public struct ProgramResult: Sendable {
    public let id: ProgramID
    public let status: Status
    public let monthlyAmount: Won?
    public let oneTimeAmount: Won?
    public let confidence: Confidence
    let programIndex: Int
    let missingMask: FactMask
    /// Conditions found failed, as bits by condition position; untraced evaluation stops at the
    /// first, and `Evaluation.unmet` finds the rest.
    let failedMask: UInt64
    /// `refer_to_staff` cases found true, as bits by position.
    let referredMask: UInt64

    /// No fact the kiosk asks can settle this programme: the centre must decide (contract 2026.2).
    public var referToStaff: Bool { referredMask != 0 }
}

/// The result of evaluating a household against a pack on one date.
public struct Evaluation: Sendable {
    public let pack: RulePack
    public let day: Day
    public let facts: PreparedFacts
    /// Every programme of the pack, sorted by id.
    public let programs: [ProgramResult]
    /// Every value computed on the way, kept when evaluated with `trace: true`; `trace(_:)`
    /// joins them with the pack's rule texts, fact values and parameter sources.
    let record: TraceRecord?

    public var isTraced: Bool { record != nil }

    public subscript(id: ProgramID) -> ProgramResult? { programs.first { $0.id == id } }

    /// Unknown facts that could still change this programme's status, in topic order.
    public func missing(_ result: ProgramResult) -> [FactKey] {
        pack.relevantMissing(result, facts, on: day).indices.map { pack.facts[$0].key }
    }

    /// Every unknown fact an undetermined programme's open conditions read: `missing` keeps the
    /// ones that can change the status now, this keeps all that still could once others are
    /// answered, so it bounds what is left to ask.
    public func unsettled(_ result: ProgramResult) -> [FactKey] {
        result.missingMask.indices.map { pack.facts[$0].key }
    }

    /// The fact whose answer would settle the most undetermined programmes (ties go to the
    /// pack's topic order), or nil when no answer could change any status. Computed on each
    /// call: it weighs which unknown facts can still matter.
    public var nextQuestion: FactKey? {
        pack.nextQuestion(programs.map { pack.relevantMissing($0, facts, on: day) })
            ?? pack.nextQuestion(programs.map { pack.amountMissing($0, facts, on: day) })
    }

    /// Unknown facts that can still change an eligible programme's amount (contract: the next
    /// question is null only when nothing would change a status *or an amount*).
    public func amountMissing(_ result: ProgramResult) -> [FactKey] {
        pack.amountMissing(result, facts, on: day).indices.map { pack.facts[$0].key }
    }

    /// The next question over several packs' evaluations of one household (`eval` with every
    /// pack kiosk.conf enables), by the same rule as one pack's `nextQuestion`: who is in the
    /// household first, then the fact in the most programmes' `missing` lists, ties going to the
    /// earlier fact in the first pack's topic order, then the others'.
    public static func nextQuestion(across evaluations: [Evaluation]) -> FactKey? {
        guard evaluations.count > 1 else { return evaluations.first?.nextQuestion }
        var counts: [FactKey: Int] = [:]
        var order: [FactKey] = []
        var seen: Set<FactKey> = []
        for e in evaluations {
            for fact in e.pack.facts where seen.insert(fact.key).inserted { order.append(fact.key) }
            for r in e.programs {
                for key in e.missing(r) { counts[key, default: 0] += 1 }
            }
        }
        // Every status settled: what an amount still waits on.
        if counts.isEmpty {
            for e in evaluations {
                for r in e.programs { for key in e.amountMissing(r) { counts[key, default: 0] += 1 } }
            }
        }
        guard !counts.isEmpty else { return nil }
        if let first = RulePack.householdFirst.first(where: { counts[$0] != nil }) { return first }
        var best: FactKey?, bestCount = 0
        for key in order {
            if let count = counts[key], count > bestCount { best = key; bestCount = count }
        }
        return best
    }

    /// The failed conditions in plain words, figures filled in (Korean by default).
    public func unmet(_ result: ProgramResult, language: String = "ko") -> [String] {
        let spec = pack.programs[result.programIndex]
        if result.referToStaff {
            let values = pack.definitionValues(facts, on: day)
            return spec.referrals.indices.filter { result.referredMask & (1 << UInt64($0)) != 0 }.map {
                pack.fill(spec.referrals[$0].reason[language], definitions: values, facts: facts, day: day, language: language)
            }
        }
        guard result.failedMask != 0 else { return [] }
        let values = pack.definitionValues(facts, on: day)
        let failed = pack.failedConditions(result.programIndex, facts, on: day)
        return spec.conditions.indices.filter { failed & (1 << UInt64($0)) != 0 }.map {
            pack.fill(spec.conditions[$0].unmet[language], definitions: values, facts: facts, day: day, language: language)
        }
    }
}

extension RulePack {
    /// Evaluates every programme for a household on a date.
    ///
    /// Without `trace` this allocates only the result array: definitions and the value stack
    /// live in a temporary buffer. With `trace` every value computed is kept as well.
    public func evaluate(_ facts: Facts, on day: Day, trace: Bool = false) -> Evaluation {
        evaluate(prepare(facts), on: day, trace: trace)
    }

    public func evaluate(_ prepared: PreparedFacts, on day: Day, trace: Bool = false) -> Evaluation {
        let parameters = resolved(on: day)
        let plan = self.plan
        let definitionCount = plan.definitions.count
        var recorded: [Interval] = []
        var results: [ProgramResult] = []
        results.reserveCapacity(plan.programs.count)
        withMachine(prepared, parameters) { machine, base in
            if trace { recorded = Array(repeating: Interval(0), count: plan.traceSize) }
            // A trace shows every definition; otherwise each is computed when first read.
            if trace && definitionCount > 0 { machine.evaluateAll(plan.definitionBlock) }
            if trace {
                for i in 0..<definitionCount { recorded[i] = base[i] }
                // Table indices depend on facts and definitions only, all settled by now.
                for s in 0..<plan.tableSites.count { recorded[plan.tableSiteOffset + s] = machine.evaluate(plan.tableSites[s]).value }
            }
            let unknown = FactMask(~prepared.known.bits)
            for p in 0..<plan.programs.count {
                let program = plan.programs[p]
                var offset = trace ? plan.traceOffsets[p] : 0
                var failed: UInt64 = 0
                var open = FactMask()
                var anyOpen = false
                // The unconfirmed parameters behind the status: for a failure, those of the
                // condition that failed; otherwise those of every condition.
                var taint = ParameterMask()
                var failedTaint = ParameterMask()
                for c in 0..<program.conditionCount {
                    // One failed condition settles the status; without a trace the rest can wait
                    // until someone asks for the unmet texts.
                    if failed != 0 && !trace { break }
                    let (value, t) = machine.evaluate(plan.conditions[program.firstCondition + c])
                    if trace { recorded[offset] = value; offset += 1 }
                    if value.isFalse {
                        if failed == 0 { failedTaint = t }
                        failed |= 1 << UInt64(c)
                    } else {
                        taint = taint | t
                        if !value.isTrue {
                            anyOpen = true
                            open = open | plan.conditionFacts[program.firstCondition + c]
                        }
                    }
                }
                // A referral only matters when no condition already rules the programme out.
                var referred: UInt64 = 0
                if failed == 0 {
                    for r in 0..<program.referralCount {
                        let value = machine.evaluate(plan.referrals[program.firstReferral + r]).value
                        if value.isTrue {
                            referred |= 1 << UInt64(r)
                        } else if !value.isFalse {
                            anyOpen = true
                            open = open | plan.referralFacts[program.firstReferral + r]
                        }
                    }
                }
                let status: Status = failed != 0 ? .ineligible : (anyOpen || referred != 0 ? .undetermined : .eligible)
                if status == .ineligible { taint = failedTaint }
                var monthly: Won?, oneTime: Won?
                // Amounts are only worked out when they will be shown, unless the trace wants them;
                // an amount that is not shown does not change the confidence.
                if status == .eligible || trace {
                    if let m = program.monthly {
                        let (v, t) = machine.evaluate(m)
                        if trace { recorded[offset] = v }
                        if status == .eligible { monthly = Self.won(v); taint = taint | t }
                    }
                    if let o = program.oneTime {
                        let (v, t) = machine.evaluate(o)
                        if trace { recorded[offset + 1] = v }
                        if status == .eligible { oneTime = Self.won(v); taint = taint | t }
                    }
                }
                if trace {
                    offset += 2
                    for n in 0..<program.noteCount {
                        let s = plan.notes[program.firstNote + n]
                        recorded[offset + n] = s.isEmpty ? .trueValue : machine.evaluate(s).value
                    }
                }
                results.append(ProgramResult(id: programIDs[p], status: status, monthlyAmount: monthly, oneTimeAmount: oneTime,
                                             confidence: taint.isEmpty ? .verified : .toCheck, programIndex: p,
                                             missingMask: status == .undetermined && referred == 0 ? open & unknown : FactMask(),
                                             failedMask: failed, referredMask: referred))
            }
        }
        let record = trace ? TraceRecord(layout: traceLayout(on: day, parameters), recorded: recorded, values: prepared.values) : nil
        return Evaluation(pack: self, day: day, facts: prepared, programs: results, record: record)
    }

    private static func won(_ v: Interval) -> Won? {
        // An amount no Double holds to the won cannot be paid as computed: shown as unknown.
        guard let x = v.point else { return nil }
        return Won(rounding: x)
    }

    /// Sets up a machine over a household's facts with its definitions slots and value stack in
    /// one temporary buffer.
    func withMachine<R>(_ prepared: PreparedFacts, _ parameters: ResolvedParameters,
                        _ body: (inout Machine, UnsafeMutablePointer<Interval>) -> R) -> R {
        let definitionCount = plan.definitions.count
        return withUnsafeTemporaryAllocation(of: Interval.self, capacity: definitionCount + stackSize) { buffer in
            withUnsafeTemporaryAllocation(of: ParameterMask.self, capacity: definitionCount + stackSize) { taints in
              withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(definitionCount, 1)) { computed in
                let base = buffer.baseAddress!, taintBase = taints.baseAddress!
                computed.initialize(repeating: false)
                return prepared.scalars.withUnsafeBufferPointer { facts in
                    prepared.listSpans.withUnsafeBufferPointer { spans in
                        prepared.listValues.withUnsafeBufferPointer { values in
                            var machine = Machine(code: plan.code, aggregates: plan.aggregates, facts: facts, listSpans: spans,
                                                  listValues: values, definitions: base, definitionTaints: taintBase,
                                                  computed: computed.baseAddress!, definitionCode: plan.definitions,
                                                  parameters: parameters, stack: base + definitionCount,
                                                  taints: taintBase + definitionCount)
                            return body(&machine, base)
                        }
                    }
                }
              }
            }
        }
    }

    /// Who is in the household comes first (contract 2026.2): these facts, in this order, whenever
    /// one can still change a result; then the fact in the most `missing` lists, ties going to the
    /// earlier fact in topic order.
    public static let householdFirst: [FactKey] = ["age", "household_size", "nationality", "has_spouse", "children_age_months"]

    func nextQuestion(_ masks: [FactMask]) -> FactKey? {
        var union: UInt64 = 0
        for m in masks { union |= m.bits }
        guard union != 0 else { return nil }
        for key in Self.householdFirst {
            if let i = facts.firstIndex(where: { $0.key == key }), FactMask(union).contains(i) { return key }
        }
        var best = -1, bestCount = 0
        var rest = union
        // Facts in topic order; a later fact must beat, not tie, the best so far.
        while rest != 0 {
            let f = rest.trailingZeroBitCount
            rest &= rest - 1
            var count = 0
            for m in masks where m.contains(f) { count += 1 }
            if count > bestCount { best = f; bestCount = count }
        }
        return facts[best].key
    }

    /// Every failed condition of one programme, as bits (the fast path stops at the first).
    func failedConditions(_ index: Int, _ prepared: PreparedFacts, on day: Day) -> UInt64 {
        withMachine(prepared, resolved(on: day)) { machine, _ in
            // The definitions the conditions read are computed as they read them.
            let program = plan.programs[index]
            var failed: UInt64 = 0
            for c in 0..<program.conditionCount where machine.evaluate(plan.conditions[program.firstCondition + c]).value.isFalse {
                failed |= 1 << UInt64(c)
            }
            return failed
        }
    }

    /// Every definition's value for a household, for filling texts and the trace.
    func definitionValues(_ prepared: PreparedFacts, on day: Day) -> [Interval] {
        withMachine(prepared, resolved(on: day)) { machine, base in
            if !plan.definitions.isEmpty { machine.evaluateAll(plan.definitionBlock) }
            return Array(UnsafeBufferPointer(start: base, count: plan.definitions.count))
        }
    }

    /// Fills `{name}` placeholders with the figure written as `language` writes it (money, ages,
    /// months; `LocalNumbers`).
    func fill(_ template: String, definitions values: [Interval], facts prepared: PreparedFacts, day: Day,
              language: String = "ko") -> String {
        var out = ""
        var name: String?
        for c in template {
            if c == "{" { name = ""; continue }
            if c == "}", let n = name {
                out += render(n, values: values, prepared: prepared, day: day, language: language)
                name = nil
                continue
            }
            if name != nil { name!.append(c) } else { out.append(c) }
        }
        return out
    }

    private func render(_ name: String, values: [Interval], prepared: PreparedFacts, day: Day, language: String) -> String {
        var interval = Interval.nonNegative
        var unit = Unit.number
        if let d = definitions.firstIndex(where: { $0.name == name }) {
            interval = values[d]
            if case .scalar(let u) = definitions[d].program.type { unit = u }
        } else if let f = factIndex[FactKey(name)] {
            interval = prepared.scalars[f]
            if case .scalar(let u) = facts[f].type { unit = u }
        } else if let p = parameters.firstIndex(where: { $0.name == name }) {
            interval = resolved(on: day).scalars[p]
            unit = parameters[p].unit
        }
        return LocalNumbers.format(interval, unit: unit, language: language)
    }
}
