/// The outcome for one programme.
public struct ProgramResult: Sendable {
    public let id: ProgramID
    public let status: Status
    public let monthlyAmount: Won?
    public let oneTimeAmount: Won?
    public let confidence: Confidence
    let programIndex: Int
    let missingMask: FactMask
    /// Conditions that failed, as bits by condition position.
    let failedMask: UInt64
}

/// The result of evaluating a household against a pack on one date.
public struct Evaluation: Sendable {
    public let pack: RulePack
    public let day: Day
    public let facts: PreparedFacts
    /// Every programme of the pack, sorted by id.
    public let programs: [ProgramResult]
    /// The fact whose answer would settle the most undetermined programmes, or nil.
    public let nextQuestion: FactKey?
    /// Per programme, in the order of `programs`; empty unless evaluated with `trace: true`.
    public let traces: [[TraceEntry]]

    public subscript(id: ProgramID) -> ProgramResult? { programs.first { $0.id == id } }

    /// Unknown facts that could still change this programme's status, in topic order.
    public func missing(_ result: ProgramResult) -> [FactKey] {
        result.missingMask.indices.map { pack.facts[$0].key }
    }

    /// The failed conditions in plain words, figures filled in (Korean by default).
    public func unmet(_ result: ProgramResult, language: String = "ko") -> [String] {
        guard result.failedMask != 0 else { return [] }
        let spec = pack.programs[result.programIndex]
        let values = pack.definitionValues(facts, on: day)
        return spec.conditions.indices.filter { result.failedMask & (1 << UInt64($0)) != 0 }.map {
            pack.fill(spec.conditions[$0].unmet[language], definitions: values, facts: facts, day: day)
        }
    }
}

extension RulePack {
    /// Evaluates every programme for a household on a date.
    ///
    /// Without `trace` this allocates only the result array: definitions and the value stack
    /// live in a temporary buffer. With `trace` every condition and named value is recorded.
    public func evaluate(_ facts: Facts, on day: Day, trace: Bool = false) -> Evaluation {
        evaluate(prepare(facts), on: day, trace: trace)
    }

    public func evaluate(_ prepared: PreparedFacts, on day: Day, trace: Bool = false) -> Evaluation {
        let parameters = resolved(on: day)
        let definitionCount = definitions.count
        return withUnsafeTemporaryAllocation(of: Interval.self, capacity: definitionCount + stackSize) { buffer in
            let base = buffer.baseAddress!
            let stack = base + definitionCount
            var machine = Machine(facts: prepared.scalars, lists: prepared.lists, definitions: base,
                                  parameters: parameters, aggregates: aggregates, unverified: parameters.unverified)
            for i in 0..<definitionCount {
                base[i] = machine.evaluate(definitions[i].program.ops, stack: stack)
            }
            let unknown = FactMask(~prepared.known.bits)
            var results: [ProgramResult] = []
            results.reserveCapacity(programs.count)
            var traces: [[TraceEntry]] = []
            if trace { traces.reserveCapacity(programs.count) }
            for (p, program) in programs.enumerated() {
                var failed: UInt64 = 0
                var open = FactMask()
                var anyOpen = false
                for (c, condition) in program.conditions.enumerated() {
                    let value = machine.evaluate(condition.program.ops, stack: stack)
                    if value.isFalse {
                        failed |= 1 << UInt64(c)
                    } else if !value.isTrue {
                        anyOpen = true
                        open = open | condition.allFacts
                    }
                }
                let status: Status = failed != 0 ? .ineligible : (anyOpen ? .undetermined : .eligible)
                let monthly = program.monthly.map { machine.evaluate($0.ops, stack: stack) }
                let oneTime = program.oneTime.map { machine.evaluate($0.ops, stack: stack) }
                func amount(_ v: Interval?) -> Won? {
                    guard status == .eligible, let v, let x = v.point, x.isFinite else { return nil }
                    return Won(Int(x.rounded()))
                }
                let confidence: Confidence = (program.allParameters & machine.unverified).isEmpty ? .verified : .toCheck
                results.append(ProgramResult(id: program.id, status: status, monthlyAmount: amount(monthly), oneTimeAmount: amount(oneTime),
                                             confidence: confidence, programIndex: p,
                                             missingMask: status == .undetermined ? open & unknown : FactMask(), failedMask: failed))
                if trace {
                    traces.append(traceEntries(program: program, prepared: prepared, parameters: parameters, machine: machine,
                                               stack: stack, monthly: monthly, oneTime: oneTime))
                }
            }
            return Evaluation(pack: self, day: day, facts: prepared, programs: results,
                              nextQuestion: nextQuestion(results), traces: traces)
        }
    }

    /// The fact in the most `missing` lists; ties go to the earlier fact in topic order.
    func nextQuestion(_ results: [ProgramResult]) -> FactKey? {
        var best = -1, bestCount = 0
        for f in 0..<facts.count {
            var count = 0
            for r in results where r.missingMask.contains(f) { count += 1 }
            if count > bestCount { best = f; bestCount = count }
        }
        return best >= 0 ? facts[best].key : nil
    }

    /// Every definition's value for a household, for filling texts and the trace.
    func definitionValues(_ prepared: PreparedFacts, on day: Day) -> [Interval] {
        let parameters = resolved(on: day)
        return withUnsafeTemporaryAllocation(of: Interval.self, capacity: definitions.count + stackSize) { buffer in
            let base = buffer.baseAddress!
            var machine = Machine(facts: prepared.scalars, lists: prepared.lists, definitions: base,
                                  parameters: parameters, aggregates: aggregates, unverified: parameters.unverified)
            for i in definitions.indices { base[i] = machine.evaluate(definitions[i].program.ops, stack: base + definitions.count) }
            return Array(UnsafeBufferPointer(start: base, count: definitions.count))
        }
    }

    /// Fills `{name}` placeholders with Korean money (or plain numbers for other units).
    func fill(_ template: String, definitions values: [Interval], facts prepared: PreparedFacts, day: Day) -> String {
        var out = ""
        var name: String?
        for c in template {
            if c == "{" { name = ""; continue }
            if c == "}", let n = name {
                out += render(n, values: values, prepared: prepared, day: day)
                name = nil
                continue
            }
            if name != nil { name!.append(c) } else { out.append(c) }
        }
        return out
    }

    private func render(_ name: String, values: [Interval], prepared: PreparedFacts, day: Day) -> String {
        var interval = Interval.nonNegative
        var unit = Unit.number
        if let d = definitions.firstIndex(where: { $0.name == name }) {
            interval = values[d]
            if case .scalar(let u) = definitions[d].program.type { unit = u }
        } else if let f = factIndex[name.isEmpty ? "" : FactKey(name)] {
            interval = prepared.scalars[f]
            if case .scalar(let u) = facts[f].type { unit = u }
        } else if let p = parameters.firstIndex(where: { $0.name == name }) {
            interval = resolved(on: day).scalars[p]
            unit = parameters[p].unit
        }
        return Self.format(interval, unit: unit)
    }

    static func format(_ v: Interval, unit: Unit) -> String {
        func one(_ x: Double) -> String {
            switch unit {
            case .won: KoreanMoney.format(x)
            case .months: "\(Int(x))개월"
            case .years: "\(Int(x))세"
            case .count: "\(Int(x))"
            case .bool: x >= 1 ? "예" : "아니요"
            default: x == x.rounded() ? "\(Int(x))" : "\(x)"
            }
        }
        if v.isPoint { return one(v.lo) }
        if v.hi.isInfinite { return "\(one(v.lo)) 이상" }
        return "\(one(v.lo))~\(one(v.hi))"
    }
}
