/// One step of an explanation: a condition, a named value, an amount, or a simplification.
public struct TraceEntry: Sendable {
    public enum Kind: String, Sendable {
        case condition, value, amount, note
    }

    public let kind: Kind
    /// The rule's source text, or the definition's name.
    public let rule: String
    /// A Korean label for named values (소득인정액); the note's text for notes.
    public let label: String?
    public let value: Interval?
    /// For conditions: true, false, or nil when undecided.
    public let truth: Bool?
    public let unit: Unit
    /// Facts the step depends on (through named values too); nil value = unknown.
    public let facts: FactReadings
    /// Parameters it reads directly, with their value for the date.
    public let parameters: [ParameterReading]
}

public struct FactReading: Sendable {
    public let key: FactKey
    public let value: FactValue?
}

/// The facts one step read, in topic order: a view over the household's answers, so a trace
/// costs no copies of them.
public struct FactReadings: Collection, Sendable {
    let mask: FactMask
    let keys: [FactKey]
    let values: [FactValue?]

    static let empty = FactReadings(mask: FactMask(), keys: [], values: [])

    public var startIndex: Int { mask.isEmpty ? 64 : mask.bits.trailingZeroBitCount }
    public var endIndex: Int { 64 }
    public func index(after i: Int) -> Int {
        let rest = i >= 63 ? 0 : mask.bits & (~UInt64(0) << UInt64(i + 1))
        return rest == 0 ? 64 : rest.trailingZeroBitCount
    }
    public subscript(position: Int) -> FactReading { FactReading(key: keys[position], value: values[position]) }
    public var count: Int { mask.bits.nonzeroBitCount }
}

/// A parameter as used: the value (or the range of table cells), its date, source and mark.
public struct ParameterReading: Sendable {
    public let name: String
    public let value: Interval
    /// The household size of the table cell, when a single cell was read.
    public let cell: Int?
    public let from: Day?
    public let source: String
    public let mark: Mark
}

extension Evaluation {
    /// The full explanation of one programme: every named value it uses (with the facts and
    /// parameters behind it), every condition with its value, the amounts, and the notes that
    /// name each simplification. Empty unless evaluated with `trace: true`.
    public func trace(_ result: ProgramResult) -> [TraceEntry] {
        guard isTraced else { return [] }
        return pack.traceEntries(program: result.programIndex, recorded: recorded, prepared: facts, day: day)
    }
}

extension RulePack {
    func traceEntries(program index: Int, recorded: [Interval], prepared: PreparedFacts, day: Day) -> [TraceEntry] {
        let parameters = resolved(on: day)
        // Fields are read in place (programs[index].…) rather than through local copies: copying
        // a spec would retain every text it holds, once per programme per household.
        return withMachine(prepared, parameters) { machine, base in
            for i in 0..<definitions.count { base[i] = recorded[i] }
            var entries: [TraceEntry] = []
            entries.reserveCapacity(programs[index].definitions.count + programs[index].conditions.count + 4)
            for d in programs[index].definitions {
                guard case .scalar(let unit) = definitions[d].program.type else { continue }
                let label = definitions[d].label.values["ko"]
                entries.append(TraceEntry(kind: .value, rule: definitions[d].name, label: label, value: recorded[d], truth: nil, unit: unit,
                                          facts: readings(definitions[d].allFacts, prepared),
                                          parameters: readings(definitions[d].program, machine: machine, on: parameters)))
                for n in definitions[d].notes.indices {
                    entries.append(TraceEntry(kind: .note, rule: definitions[d].name, label: definitions[d].notes[n].values["ko"],
                                              value: nil, truth: nil, unit: .bool, facts: .empty, parameters: []))
                }
            }
            var offset = plan.traceOffsets[index]
            for c in programs[index].conditions.indices {
                let value = recorded[offset]
                offset += 1
                entries.append(TraceEntry(kind: .condition, rule: programs[index].conditions[c].program.source, label: nil, value: value,
                                          truth: value.truth, unit: .bool, facts: readings(programs[index].conditions[c].allFacts, prepared),
                                          parameters: readings(programs[index].conditions[c].program, machine: machine, on: parameters)))
            }
            if let monthly = programs[index].monthly {
                entries.append(amountEntry(monthly, name: "monthly", value: recorded[offset], prepared, machine, parameters))
            }
            if let oneTime = programs[index].oneTime {
                entries.append(amountEntry(oneTime, name: "one_time", value: recorded[offset + 1], prepared, machine, parameters))
            }
            offset += 2
            for n in programs[index].notes.indices {
                let value = recorded[offset + n]
                if value.isFalse { continue }
                entries.append(TraceEntry(kind: .note, rule: programs[index].notes[n].when?.source ?? "",
                                          label: programs[index].notes[n].text.values["ko"], value: nil, truth: value.truth,
                                          unit: .bool, facts: .empty, parameters: []))
            }
            return entries
        }
    }

    private func amountEntry(_ program: Program, name: String, value: Interval, _ prepared: PreparedFacts, _ machine: Machine,
                             _ parameters: ResolvedParameters) -> TraceEntry {
        var facts = program.facts
        for d in program.definitions { facts = facts | definitions[d].allFacts }
        return TraceEntry(kind: .amount, rule: program.source, label: name, value: value, truth: nil, unit: .won,
                          facts: readings(facts, prepared), parameters: readings(program, machine: machine, on: parameters))
    }

    private func readings(_ mask: FactMask, _ prepared: PreparedFacts) -> FactReadings {
        FactReadings(mask: mask, keys: factKeys, values: prepared.values)
    }

    private func readings(_ program: borrowing Program, machine: Machine, on resolved: ResolvedParameters) -> [ParameterReading] {
        // Without table cells the readings depend only on the date: shared, not rebuilt.
        if program.tableReads.isEmpty { return resolved.scalarReadings(program.parameters) }
        var out: [ParameterReading] = []
        for i in program.parameters.indices {
            let template = resolved.readings[i]
            if resolved.tableMarks[i].isEmpty {
                out.append(template)
                continue
            }
            for read in program.tableReads where read.parameter == i {
                let index = machine.peek(read.index)
                let (value, verified) = resolved.lookup(i, index)
                let marks = resolved.tableMarks[i]
                var mark: Mark = verified ? .verified : .single
                var cell: Int?
                if let size = index.point { cell = Int(size) }
                if let cell, cell >= 1, cell <= marks.count { mark = marks[cell - 1] }
                out.append(ParameterReading(name: template.name, value: value, cell: cell, from: template.from, source: template.source, mark: mark))
            }
        }
        return out
    }
}
