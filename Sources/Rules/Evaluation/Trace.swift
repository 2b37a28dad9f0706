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
    public let facts: [FactReading]
    /// Parameters it reads directly, with their value for the date.
    public let parameters: [ParameterReading]
}

public struct FactReading: Sendable {
    public let key: FactKey
    public let value: FactValue?
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
        let spec = programs[index]
        let parameters = resolved(on: day)
        return withMachine(prepared, parameters) { machine, base in
            for i in 0..<definitions.count { base[i] = recorded[i] }
            var entries: [TraceEntry] = []
            for d in spec.definitions {
                let def = definitions[d]
                guard case .scalar(let unit) = def.program.type else { continue }
                entries.append(TraceEntry(kind: .value, rule: def.name, label: def.label.ko.isEmpty ? nil : def.label.ko,
                                          value: recorded[d], truth: nil, unit: unit, facts: readings(def.allFacts, prepared),
                                          parameters: readings(def.program, machine: machine, on: parameters)))
                for note in def.notes {
                    entries.append(TraceEntry(kind: .note, rule: def.name, label: note.ko, value: nil, truth: nil, unit: .bool, facts: [], parameters: []))
                }
            }
            var offset = plan.traceOffsets[index]
            for condition in spec.conditions {
                let value = recorded[offset]
                offset += 1
                entries.append(TraceEntry(kind: .condition, rule: condition.program.source, label: nil, value: value, truth: value.truth, unit: .bool,
                                          facts: readings(condition.allFacts, prepared),
                                          parameters: readings(condition.program, machine: machine, on: parameters)))
            }
            for (name, program, value) in [("monthly", spec.monthly, recorded[offset]), ("one_time", spec.oneTime, recorded[offset + 1])] {
                guard let program else { continue }
                let facts = program.definitions.reduce(program.facts) { $0 | definitions[$1].allFacts }
                entries.append(TraceEntry(kind: .amount, rule: program.source, label: name, value: value, truth: nil, unit: .won,
                                          facts: readings(facts, prepared), parameters: readings(program, machine: machine, on: parameters)))
            }
            offset += 2
            for (n, note) in spec.notes.enumerated() {
                let value = recorded[offset + n]
                if value.isFalse { continue }
                entries.append(TraceEntry(kind: .note, rule: note.when?.source ?? "", label: note.text.ko, value: nil, truth: value.truth,
                                          unit: .bool, facts: [], parameters: []))
            }
            return entries
        }
    }

    private func readings(_ mask: FactMask, _ prepared: PreparedFacts) -> [FactReading] {
        mask.indices.map { FactReading(key: facts[$0].key, value: prepared.values[$0]) }
    }

    private func readings(_ program: Program, machine: Machine, on resolved: ResolvedParameters) -> [ParameterReading] {
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
