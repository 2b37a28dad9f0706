/// Which unknown facts can still change a programme's status.
///
/// The fast path collects every unknown fact read by an undecided condition. Some of those
/// cannot matter: with property 0 the debt term `max(0, property − allowance − debt)` is 0
/// whatever the debt. A fact is kept only if moving it across its range — its bounds and
/// every constant and parameter value the programme's rules compare against, ±1 — changes a
/// value the programme's conditions compute, with the other unknown facts left open, at their
/// lowest, or at their highest (interval arithmetic alone would hide a debt that offsets an
/// unknown property). List facts are always kept. If nothing survives, the fast path's set is
/// used unchanged, so an undecided programme never shows an empty `missing`.
extension RulePack {
    /// A stand-in for "unbounded" when a fact has no upper bound: far above any threshold.
    static let sampleCeiling = 1e15

    func relevantMissing(_ result: ProgramResult, _ prepared: PreparedFacts, on day: Day) -> FactMask {
        let coarse = result.missingMask
        guard result.status == .undetermined, !coarse.isEmpty else { return coarse }
        let parameters = resolved(on: day)
        // The definitions alone, not the whole spec: a `ProgramSpec` copy retains every text it holds.
        let definitions = programs[result.programIndex].definitions
        let program = plan.programs[result.programIndex]
        var segments: [Segment] = definitions.map { plan.definitions[$0] }
        for c in 0..<program.conditionCount { segments.append(plan.conditions[program.firstCondition + c]) }
        for r in 0..<program.referralCount { segments.append(plan.referrals[program.firstReferral + r]) }
        let samples = sampleValues(segments, parameters)
        var relevant = FactMask()
        let unknown = coarse.indices
        for f in unknown {
            if facts[f].isList || matters(f, others: unknown, samples: samples, prepared: prepared, parameters: parameters,
                                         definitions: definitions, program: program) {
                relevant = relevant | .single(f)
            }
        }
        return relevant.isEmpty ? coarse : relevant
    }

    /// Constants and parameter values the rules compare against, and their neighbours.
    fileprivate func sampleValues(_ segments: [Segment], _ parameters: ResolvedParameters) -> [Double] {
        var values: Set<Double> = [0, 1]
        for s in segments {
            for i in Int(s.start)..<Int(s.end) {
                let op = plan.code[i]
                if let x = op.literal { values.insert(x) }
                if let p = op.parameterRead, parameters.scalars[p].isPoint { values.insert(parameters.scalars[p].lo) }
            }
        }
        var out: Set<Double> = []
        for v in values where v.isFinite { out.insert(v - 1); out.insert(v); out.insert(v + 1) }
        return out.sorted()
    }

    /// Where a fact is moved across its range: its bounds (a stand-in ceiling when it has
    /// none), each enum value, and the samples inside the range.
    fileprivate func samplePoints(_ f: Int, _ samples: [Double]) -> [Double] {
        let fact = facts[f]
        let ceiling = fact.maximum.isFinite ? fact.maximum : Self.sampleCeiling
        if fact.isEnum { return fact.values.indices.map(Double.init) }
        if fact.isBool { return [0.0, 1.0] }
        return [fact.minimum, ceiling] + samples.filter { $0 > fact.minimum && $0 < ceiling && $0 == $0.rounded() }
    }

    private func matters(_ f: Int, others: [Int], samples: [Double], prepared: PreparedFacts, parameters: ResolvedParameters,
                         definitions: [Int], program: ProgramPlan) -> Bool {
        let points = samplePoints(f, samples)
        var scalars = prepared.scalars
        for scenario in 0..<3 {
            for o in others where o != f && !facts[o].isList {
                let spec = facts[o]
                switch scenario {
                case 0: scalars[o] = prepared.scalars[o]
                case 1: scalars[o] = Interval(spec.minimum)
                case _ where spec.isEnum: scalars[o] = Interval(spec.maximum)
                default: scalars[o] = Interval(spec.isBool ? 1 : (spec.maximum.isFinite ? spec.maximum : Self.sampleCeiling))
                }
            }
            var first: [Interval]?
            for point in points {
                scalars[f] = Interval(point)
                let signature = self.signature(scalars, prepared, parameters, definitions: definitions, program: program)
                if let first {
                    if first != signature { return true }
                } else {
                    first = signature
                }
            }
        }
        return false
    }

    /// The values of a programme's definitions and conditions for one set of fact values.
    private func signature(_ scalars: [Interval], _ prepared: PreparedFacts, _ parameters: ResolvedParameters,
                           definitions: [Int], program: ProgramPlan) -> [Interval] {
        return withMachine(prepared.with(scalars), parameters) { machine, _ in
            var out: [Interval] = []
            out.reserveCapacity(definitions.count + program.conditionCount + program.referralCount)
            for d in definitions { out.append(machine.definition(d)) }
            for c in 0..<program.conditionCount { out.append(machine.evaluate(plan.conditions[program.firstCondition + c]).value) }
            for r in 0..<program.referralCount { out.append(machine.evaluate(plan.referrals[program.firstReferral + r]).value) }
            return out
        }
    }
}

/// Which unknown facts can still change an eligible programme's amount (국민연금 for a 기초연금
/// that may be reduced): asked once every status is settled, so the amount shown is the one paid.
extension RulePack {
    func amountMissing(_ result: ProgramResult, _ prepared: PreparedFacts, on day: Day) -> FactMask {
        guard result.status == .eligible, result.monthlyAmount == nil || result.oneTimeAmount == nil else { return FactMask() }
        let index = result.programIndex
        let program = plan.programs[index]
        let amounts = [program.monthly, program.oneTime].compactMap { $0 }
        let candidates = (programs[index].amountFacts & FactMask(~prepared.known.bits)).indices
        guard !amounts.isEmpty, !candidates.isEmpty else { return FactMask() }
        let parameters = resolved(on: day)
        let definitions = programs[index].definitions
        let samples = sampleValues(definitions.map { plan.definitions[$0] } + amounts, parameters)
        func amountsFor(_ scalars: [Interval]) -> [Interval] {
            withMachine(prepared.with(scalars), parameters) { machine, _ in amounts.map { machine.evaluate($0).value } }
        }
        var relevant = FactMask()
        for f in candidates where !facts[f].isList {
            var scalars = prepared.scalars
            var seen: [Interval]?
            for point in samplePoints(f, samples) {
                scalars[f] = Interval(point)
                let now = amountsFor(scalars)
                if let seen, seen != now { relevant = relevant | .single(f); break }
                seen = now
            }
        }
        return relevant
    }
}

extension PreparedFacts {
    /// The same household with other scalar values, for moving one fact across its range.
    fileprivate func with(_ scalars: [Interval]) -> PreparedFacts {
        PreparedFacts(scalars: scalars, listSpans: listSpans, listValues: listValues, known: known, values: values, facts: facts)
    }
}
