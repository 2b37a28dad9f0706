/// One step of an explanation: a condition, a named value, an amount, or a simplification.
///
/// What does not depend on the household (the rule's text, its label, which facts and
/// parameters it reads, their sources) is shared by every household evaluated on the same date;
/// an entry only adds the values.
public struct TraceEntry: Sendable {
    public enum Kind: String, Sendable {
        case condition, value, amount, note
    }

    /// Keeps the household's values and, through its layout, `shape` alive: one reference
    /// count per entry rather than one per shared part.
    @usableFromInline let record: TraceRecord
    @usableFromInline unowned(unsafe) let shape: TraceShape

    @usableFromInline init(record: TraceRecord, shape: TraceShape) {
        self.record = record
        self.shape = shape
    }

    @inlinable public var kind: Kind { shape.kind }
    @inlinable public var value: Interval? {
        switch shape.role {
        case .value, .condition: record.recorded[shape.slot]
        case .note, .programNote: nil
        }
    }
    /// For conditions: true, false, or nil when undecided.
    @inlinable public var truth: Bool? {
        switch shape.role {
        case .condition, .programNote: record.recorded[shape.slot].truth
        case .value, .note: nil
        }
    }
    /// The rule's source text, or the definition's name.
    @inlinable public var rule: String { shape.rule }
    /// A Korean label for named values (소득인정액); the note's text for notes; `monthly` or
    /// `one_time` for amounts.
    @inlinable public var label: String? { label(in: "ko") }
    /// The label or note in `language` (Korean where the pack lacks it).
    @inlinable public func label(in language: String) -> String? {
        guard let text = shape.label else { return nil }
        return text.values[language] ?? text.values["ko"]
    }
    @inlinable public var unit: Unit { shape.unit }
    /// Facts the step depends on (through named values too); nil value = unknown.
    @inlinable public var facts: FactReadings { FactReadings(mask: shape.facts, record: record) }
    /// Parameters it reads directly, with their value for the date.
    @inlinable public var parameters: [ParameterReading] {
        // Most entries read none; the empty literal costs no reference count.
        if shape.readsNoParameters { return [] }
        return shape.cellIndex < 0 ? shape.parameters : record.cells[shape.cellIndex]
    }
}

public struct FactReading: Sendable {
    public let key: FactKey
    public let value: FactValue?

    @usableFromInline init(key: FactKey, value: FactValue?) {
        self.key = key
        self.value = value
    }
}

/// The facts one step read, in topic order: a view over the household's answers, so a trace
/// costs no copies of them.
public struct FactReadings: Collection, Sendable {
    @usableFromInline let mask: FactMask
    @usableFromInline let record: TraceRecord

    @usableFromInline init(mask: FactMask, record: TraceRecord) {
        self.mask = mask
        self.record = record
    }

    @inlinable public var startIndex: Int { mask.isEmpty ? 64 : mask.bits.trailingZeroBitCount }
    @inlinable public var endIndex: Int { 64 }
    @inlinable public func index(after i: Int) -> Int {
        let rest = i >= 63 ? 0 : mask.bits & (~UInt64(0) << UInt64(i + 1))
        return rest == 0 ? 64 : rest.trailingZeroBitCount
    }
    @inlinable public subscript(position: Int) -> FactReading {
        FactReading(key: record.layout.keys[position], value: record.values[position])
    }
    @inlinable public var count: Int { mask.bits.nonzeroBitCount }
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
        guard let record else { return [] }
        return record.layout.entries(program: result.programIndex, record: record)
    }
}
