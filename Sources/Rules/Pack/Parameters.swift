/// How a table by household size continues past its last column.
enum TableBeyond: String, Sendable {
    /// Add the difference between the last two columns per extra member (the 8+ median rule).
    case linear
    /// The last column applies to every larger household.
    case last
    /// Not known: results that need it stay open.
    case none
}

/// A dated parameter: a figure (or a table by household size) that changes on given days.
public struct Parameter: Sendable {
    /// One dated value of a parameter, with where it comes from and how sure it is.
    public struct Entry: Sendable {
        public let from: Day
        /// One value, or one per household size from 1; NaN marks a cell the reference lacks.
        public let values: [Double]
        public let marks: [Mark]
        public let source: String
        public let note: String?
    }

    public let name: String
    public let unit: Unit
    public let label: LocalizedText
    public let isTable: Bool
    let beyond: TableBeyond
    let beyondMark: Mark
    /// The day after which the last value is applied unconfirmed ([U]).
    public let confirmedThrough: Day?
    /// The power of ten that makes every value an integer (32% → 100).
    let scale: Double
    public let entries: [Entry]

    /// The entry in force on `day`, if any.
    public func entry(on day: Day) -> Entry? {
        entries.last { $0.from <= day }
    }
}

/// The pack's parameters, resolved once for one date and shared by every household evaluated
/// on that date.
final class ResolvedParameters: @unchecked Sendable {
    struct Table: Sendable {
        let values: [Double]
        let marks: [Mark]
        let beyond: TableBeyond
        let beyondMark: Mark
        let carried: Bool
    }

    let day: Day
    /// Fixed, pointer-addressed storage: the machine reads these without reference counting.
    let scalars: UnsafeMutableBufferPointer<Interval>
    let mantissas: UnsafeMutableBufferPointer<Interval>
    let tables: [Table?]
    /// Scalars not marked [V] on this date, or carried past their confirmed date.
    let unverified: ParameterMask

    init(parameters: [Parameter], day: Day) {
        self.day = day
        var scalars: [Interval] = [], mantissas: [Interval] = [], tables: [Table?] = []
        var unverified = ParameterMask()
        for (i, p) in parameters.enumerated() {
            let entry = p.entry(on: day)
            let carried = p.confirmedThrough.map { day > $0 } ?? false
            if p.isTable {
                scalars.append(.nonNegative)
                mantissas.append(.nonNegative)
                tables.append(entry.map {
                    Table(values: $0.values, marks: carried ? $0.marks.map { _ in .unconfirmed } : $0.marks,
                          beyond: p.beyond, beyondMark: p.beyondMark, carried: carried)
                })
            } else {
                let v = entry?.values.first ?? .nan
                scalars.append(v.isNaN ? .nonNegative : Interval(v))
                mantissas.append(v.isNaN ? .nonNegative : Interval((v * p.scale).rounded()))
                tables.append(nil)
                if entry == nil || v.isNaN || carried || entry!.marks.first != .verified {
                    unverified = unverified | .single(i)
                }
            }
        }
        self.scalars = .allocate(capacity: Swift.max(1, scalars.count))
        _ = self.scalars.initialize(from: scalars)
        self.mantissas = .allocate(capacity: Swift.max(1, mantissas.count))
        _ = self.mantissas.initialize(from: mantissas)
        self.tables = tables
        self.unverified = unverified
    }

    deinit {
        scalars.deallocate()
        mantissas.deallocate()
    }

    /// The cell(s) a household-size range may name, and whether all of them are [V].
    func lookup(_ parameter: Int, _ index: Interval) -> (Interval, Bool) {
        guard let table = tables[parameter], !table.values.isEmpty else { return (.nonNegative, false) }
        let first = Swift.max(1, index.lo.rounded(.up))
        let last = index.hi.rounded(.down)
        guard first <= last else { return (.nonNegative, false) }
        let count = Double(table.values.count)
        var lo = Double.infinity, hi = -Double.infinity
        var verified = true
        var n = first
        while n <= Swift.min(last, count) {
            let v = table.values[Int(n) - 1]
            if v.isNaN { return (.nonNegative, false) }
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
            if table.marks[Int(n) - 1] != .verified { verified = false }
            n += 1
        }
        if last > count {
            let end = table.values[table.values.count - 1]
            switch table.beyond {
            case .none:
                return (.nonNegative, false)
            case .last:
                lo = Swift.min(lo, end)
                hi = Swift.max(hi, end)
                if table.marks.last != .verified || table.beyondMark != .verified { verified = false }
            case .linear:
                guard table.values.count >= 2 else { return (.nonNegative, false) }
                let step = end - table.values[table.values.count - 2]
                if step.isNaN { return (.nonNegative, false) }
                let from = end + (Swift.max(first, count + 1) - count) * step
                let to = last.isInfinite ? (step == 0 ? end : step > 0 ? .infinity : -.infinity) : end + (last - count) * step
                lo = Swift.min(lo, from, to)
                hi = Swift.max(hi, from, to)
                if table.beyondMark != .verified || table.marks.suffix(2).contains(where: { $0 != .verified }) { verified = false }
            }
        }
        return (Interval(lo, hi), verified)
    }
}
