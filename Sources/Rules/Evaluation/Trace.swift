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

extension RulePack {
    func traceEntries(program: ProgramSpec, prepared: PreparedFacts, parameters: ResolvedParameters, machine: Machine,
                      stack: UnsafeMutablePointer<Interval>, monthly: Interval?, oneTime: Interval?) -> [TraceEntry] {
        var entries: [TraceEntry] = []
        entries.reserveCapacity(program.definitions.count + program.conditions.count + 4)
        for d in program.definitions {
            let def = definitions[d]
            guard case .scalar(let unit) = def.program.type else { continue }
            entries.append(TraceEntry(kind: .value, rule: def.name, label: def.label.ko.isEmpty ? nil : def.label.ko,
                                      value: machine.definitions[d], truth: nil, unit: unit,
                                      facts: readings(def.allFacts, prepared), parameters: readings(def.program, machine: machine, stack: stack, on: parameters)))
            for note in def.notes {
                entries.append(TraceEntry(kind: .note, rule: def.name, label: note.ko, value: nil, truth: nil, unit: .bool, facts: [], parameters: []))
            }
        }
        for condition in program.conditions {
            let value = machine.run(condition.program.ops, stack: stack)
            entries.append(TraceEntry(kind: .condition, rule: condition.program.source, label: nil, value: value, truth: value.truth, unit: .bool,
                                      facts: readings(condition.allFacts, prepared),
                                      parameters: readings(condition.program, machine: machine, stack: stack, on: parameters)))
        }
        for (name, program, value) in [("monthly", program.monthly, monthly), ("one_time", program.oneTime, oneTime)] {
            guard let program, let value else { continue }
            let facts = program.definitions.reduce(program.facts) { $0 | definitions[$1].allFacts }
            entries.append(TraceEntry(kind: .amount, rule: program.source, label: name, value: value, truth: nil, unit: .won,
                                      facts: readings(facts, prepared), parameters: readings(program, machine: machine, stack: stack, on: parameters)))
        }
        for note in program.notes {
            let value = note.when.map { machine.run($0.ops, stack: stack) } ?? .trueValue
            if value.isFalse { continue }
            entries.append(TraceEntry(kind: .note, rule: note.when?.source ?? "", label: note.text.ko, value: nil, truth: value.truth,
                                      unit: .bool, facts: [], parameters: []))
        }
        return entries
    }

    private func readings(_ mask: FactMask, _ prepared: PreparedFacts) -> [FactReading] {
        var out: [FactReading] = []
        for i in facts.indices where mask.contains(i) {
            out.append(FactReading(key: facts[i].key, value: prepared.facts.values[facts[i].key]))
        }
        return out
    }

    private func readings(_ program: Program, machine: Machine, stack: UnsafeMutablePointer<Interval>, on resolved: ResolvedParameters) -> [ParameterReading] {
        var out: [ParameterReading] = []
        for i in program.parameters.indices {
            let p = parameters[i]
            let entry = p.entry(on: resolved.day)
            let carried = p.confirmedThrough.map { resolved.day > $0 } ?? false
            if p.isTable {
                for read in program.tableReads where read.parameter == i {
                    let index = machine.run(read.index, stack: stack)
                    let (value, verified) = resolved.lookup(i, index)
                    var mark: Mark = verified ? .verified : .single
                    var cell: Int?
                    if let size = index.point { cell = Int(size) }
                    if let cell, let e = entry, cell <= e.marks.count { mark = carried ? .unconfirmed : e.marks[cell - 1] }
                    out.append(ParameterReading(name: p.name, value: value, cell: cell, from: entry?.from, source: entry?.source ?? "", mark: mark))
                }
            } else {
                let mark: Mark = carried ? .unconfirmed : (entry?.marks.first ?? .unconfirmed)
                out.append(ParameterReading(name: p.name, value: resolved.scalars[i], cell: nil, from: entry?.from, source: entry?.source ?? "", mark: mark))
            }
        }
        return out
    }
}
