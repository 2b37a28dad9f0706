/// What one trace entry says whatever the household, and where its value was recorded: built
/// once per pack and date.
@usableFromInline final class TraceShape: Sendable {
    @usableFromInline enum Role: Sendable {
        /// A named value or an amount: the recorded value.
        case value
        /// The recorded value and its truth.
        case condition
        /// A definition's note: text only.
        case note
        /// A programme's note: shown unless its condition was found false; the truth recorded.
        case programNote
    }

    @usableFromInline let kind: TraceEntry.Kind
    @usableFromInline let rule: String
    /// A named value's label or a note's text, in every language the pack gives.
    @usableFromInline let label: LocalizedText?
    @usableFromInline let unit: Unit
    @usableFromInline let facts: FactMask
    @usableFromInline let role: Role
    /// Where the value sits in the recorded trace.
    @usableFromInline let slot: Int
    /// Every parameter reading when none is a table cell.
    @usableFromInline let parameters: [ParameterReading]
    /// With table cells: where the household's readings are in `TraceRecord.cells`, else -1.
    @usableFromInline let cellIndex: Int
    @usableFromInline let readsNoParameters: Bool

    init(kind: TraceEntry.Kind, rule: String, label: LocalizedText?, unit: Unit, facts: FactMask, role: Role, slot: Int,
         parameters: [ParameterReading] = [], cellIndex: Int = -1) {
        self.kind = kind
        self.rule = rule
        self.label = label
        self.unit = unit
        self.facts = facts
        self.role = role
        self.slot = slot
        self.parameters = parameters
        self.cellIndex = cellIndex
        self.readsNoParameters = parameters.isEmpty && cellIndex < 0
    }
}

/// One parameter of an entry that reads a table: fixed for the date, or a cell picked by the
/// table index the traced evaluation recorded at `slot`.
enum ParameterSlot: Sendable {
    case fixed(ParameterReading)
    case cell(parameter: Int, slot: Int, template: ParameterReading, marks: [Mark])
}

/// A shape without a reference count, for walking a programme's steps: the layout owns them.
struct ShapeRef: @unchecked Sendable {
    unowned(unsafe) let shape: TraceShape
}

/// A traced household: its recorded values and answers, the parameter readings of the table
/// cells it reads, and the layout they fill in.
@usableFromInline final class TraceRecord: Sendable {
    @usableFromInline let layout: TraceLayout
    @usableFromInline let recorded: [Interval]
    @usableFromInline let values: [FactValue?]
    /// Per entry that reads table cells (`TraceShape.cellIndex`), its readings. Built here, as
    /// one entry (the median by household size, say) shows in many programmes' traces.
    @usableFromInline let cells: [[ParameterReading]]

    init(layout: TraceLayout, recorded: [Interval], values: [FactValue?]) {
        self.layout = layout
        self.recorded = recorded
        self.values = values
        self.cells = layout.cellSlots.map { layout.readings($0, recorded) }
    }
}

/// The pack's traces for one date, with only the household's values left to fill in: rule
/// texts, labels, fact masks and parameter readings with their sources are all in place.
@usableFromInline final class TraceLayout: Sendable {
    /// Per programme, its entries in order.
    let steps: [[ShapeRef]]
    /// Owns every shape the steps and entries point to.
    let shapes: [TraceShape]
    /// The parameters of each entry that reads table cells, by `TraceShape.cellIndex`.
    let cellSlots: [[ParameterSlot]]
    @usableFromInline let keys: [FactKey]
    let resolved: ResolvedParameters

    init(pack: RulePack, resolved: ResolvedParameters) {
        self.resolved = resolved
        let plan = pack.plan
        var shapes: [TraceShape] = [], cellSlots: [[ParameterSlot]] = []
        func shape(_ kind: TraceEntry.Kind, _ rule: String, label: LocalizedText?, unit: Unit, facts: FactMask, role: TraceShape.Role, slot: Int,
                   program: Program? = nil, firstSite: Int = 0) -> ShapeRef {
            var fixed: [ParameterReading] = []
            var cellIndex = -1
            if let program {
                // Without table cells the readings depend only on the date.
                if program.tableReads.isEmpty {
                    fixed = resolved.scalarReadings(program.parameters)
                } else {
                    var slots: [ParameterSlot] = []
                    for i in program.parameters.indices {
                        let template = resolved.readings[i]
                        if resolved.tableMarks[i].isEmpty {
                            slots.append(.fixed(template))
                            continue
                        }
                        for (k, read) in program.tableReads.enumerated() where read.parameter == i {
                            slots.append(.cell(parameter: i, slot: plan.tableSiteOffset + firstSite + k, template: template,
                                               marks: resolved.tableMarks[i]))
                        }
                    }
                    cellIndex = cellSlots.count
                    cellSlots.append(slots)
                }
            }
            let made = TraceShape(kind: kind, rule: rule, label: label, unit: unit, facts: facts, role: role, slot: slot,
                                  parameters: fixed, cellIndex: cellIndex)
            shapes.append(made)
            return ShapeRef(shape: made)
        }
        // Definitions appear in many programmes' traces: one shape each, shared.
        var definitionSteps: [[ShapeRef]] = []
        for (d, definition) in pack.definitions.enumerated() {
            guard case .scalar(let unit) = definition.program.type else {
                definitionSteps.append([])
                continue
            }
            var steps = [shape(.value, definition.name, label: definition.label, unit: unit, facts: definition.allFacts,
                               role: .value, slot: d, program: definition.program, firstSite: plan.definitionSites[d])]
            for note in definition.notes {
                steps.append(shape(.note, definition.name, label: note, unit: .bool, facts: FactMask(), role: .note, slot: 0))
            }
            definitionSteps.append(steps)
        }
        var all: [[ShapeRef]] = []
        var firstCondition = 0
        for (p, spec) in pack.programs.enumerated() {
            var steps: [ShapeRef] = []
            for d in spec.definitions { steps += definitionSteps[d] }
            var offset = plan.traceOffsets[p]
            for (c, condition) in spec.conditions.enumerated() {
                steps.append(shape(.condition, condition.program.source, label: nil, unit: .bool, facts: condition.allFacts, role: .condition,
                                   slot: offset, program: condition.program, firstSite: plan.conditionSites[firstCondition + c]))
                offset += 1
            }
            firstCondition += spec.conditions.count
            for (amount, name, slot, site) in [(spec.monthly, "monthly", offset, plan.monthlySites[p]),
                                               (spec.oneTime, "one_time", offset + 1, plan.oneTimeSites[p])] {
                guard let amount else { continue }
                var facts = amount.facts
                for d in amount.definitions { facts = facts | pack.definitions[d].allFacts }
                steps.append(shape(.amount, amount.source, label: LocalizedText(["ko": name]), unit: .won, facts: facts, role: .value, slot: slot,
                                   program: amount, firstSite: site))
            }
            offset += 2
            for (n, note) in spec.notes.enumerated() {
                steps.append(shape(.note, note.when?.source ?? "", label: note.text, unit: .bool, facts: FactMask(),
                                   role: .programNote, slot: offset + n))
            }
            all.append(steps)
        }
        self.steps = all
        self.shapes = shapes
        self.cellSlots = cellSlots
        self.keys = pack.factKeys
    }

    /// One programme's trace for a household: an entry per step, values read from the record
    /// when asked for. A programme's note whose condition was found false is left out.
    func entries(program: Int, record: TraceRecord) -> [TraceEntry] {
        steps[program].withUnsafeBufferPointer { steps in
            record.recorded.withUnsafeBufferPointer { recorded in
                [TraceEntry](unsafeUninitializedCapacity: steps.count) { buffer, count in
                    var n = 0
                    for step in steps {
                        let shape = step.shape
                        if shape.role == .programNote && recorded[shape.slot].isFalse { continue }
                        (buffer.baseAddress! + n).initialize(to: TraceEntry(record: record, shape: shape))
                        n += 1
                    }
                    count = n
                }
            }
        }
    }

    /// The parameter readings of an entry that reads table cells, each cell named by the
    /// household size recorded for it.
    func readings(_ slots: [ParameterSlot], _ recorded: [Interval]) -> [ParameterReading] {
        var out: [ParameterReading] = []
        out.reserveCapacity(slots.count)
        for slot in slots {
            switch slot {
            case .fixed(let reading):
                out.append(reading)
            case .cell(let parameter, let at, let template, let marks):
                let index = recorded[at]
                let (value, verified) = resolved.lookup(parameter, index)
                var mark: Mark = verified ? .verified : .single
                var cell: Int?
                if let size = index.point?.exactWholeNumber { cell = size }
                if let cell, cell >= 1, cell <= marks.count { mark = marks[cell - 1] }
                out.append(ParameterReading(name: template.name, value: value, cell: cell, from: template.from, source: template.source,
                                            mark: mark))
            }
        }
        return out
    }
}

extension RulePack {
    /// The trace layout for a date, built on first use and then shared.
    func traceLayout(on day: Day, _ resolved: ResolvedParameters) -> TraceLayout {
        if let hit = traceLayouts.withLock({ $0[day] }) { return hit }
        let fresh = TraceLayout(pack: self, resolved: resolved)
        traceLayouts.withLock { $0[day] = fresh }
        return fresh
    }
}
