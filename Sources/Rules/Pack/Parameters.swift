import Synchronization

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
///
/// Values live in fixed, pointer-addressed storage: the machine reads them without reference
/// counting or copying arrays.
final class ResolvedParameters: @unchecked Sendable {
    /// Where one table's cells sit in `cells`; `count` is -1 when the table has no value yet.
    struct TableSpan {
        let start: Int
        let count: Int
        let beyond: TableBeyond
        let beyondVerified: Bool
    }

    let day: Day
    let scalars: UnsafeMutableBufferPointer<Interval>
    let mantissas: UnsafeMutableBufferPointer<Interval>
    private let spans: UnsafeMutableBufferPointer<TableSpan>
    private let cells: UnsafeMutableBufferPointer<Double>
    private let cellVerified: UnsafeMutableBufferPointer<Bool>
    /// Scalars not marked [V] on this date, or carried past their confirmed date.
    let unverified: ParameterMask
    /// How each parameter reads in a trace on this date (tables: value and cell filled per use).
    let readings: [ParameterReading]
    /// Each table's cell marks on this date, [U] when carried past its confirmed date.
    let tableMarks: [[Mark]]
    /// Trace readings of a set of scalar parameters, built once per set on this date.
    private let readingSets = Mutex<[ParameterMask: [ParameterReading]]>([:])

    init(parameters: [Parameter], day: Day) {
        self.day = day
        var scalars: [Interval] = [], mantissas: [Interval] = [], spans: [TableSpan] = []
        var cells: [Double] = [], verified: [Bool] = []
        var unverified = ParameterMask()
        var readings: [ParameterReading] = [], tableMarks: [[Mark]] = []
        for (i, p) in parameters.enumerated() {
            let entry = p.entry(on: day)
            let carried = p.confirmedThrough.map { day > $0 } ?? false
            let marks = (entry?.marks ?? []).map { carried ? Mark.unconfirmed : $0 }
            tableMarks.append(p.isTable ? marks : [])
            let value = p.isTable ? Interval.nonNegative : (entry?.values.first).map { $0.isNaN ? .nonNegative : Interval($0) } ?? .nonNegative
            readings.append(ParameterReading(name: p.name, value: value, cell: nil, from: entry?.from, source: entry?.source ?? "",
                                             mark: marks.first ?? .unconfirmed))
            if p.isTable {
                scalars.append(.nonNegative)
                mantissas.append(.nonNegative)
                if let entry {
                    spans.append(TableSpan(start: cells.count, count: entry.values.count, beyond: p.beyond,
                                           beyondVerified: p.beyondMark == .verified && !carried))
                    cells.append(contentsOf: entry.values)
                    verified.append(contentsOf: entry.marks.map { $0 == .verified && !carried })
                } else {
                    spans.append(TableSpan(start: 0, count: -1, beyond: .none, beyondVerified: false))
                }
            } else {
                let v = entry?.values.first ?? .nan
                scalars.append(v.isNaN ? .nonNegative : Interval(v))
                mantissas.append(v.isNaN ? .nonNegative : Interval((v * p.scale).rounded()))
                spans.append(TableSpan(start: 0, count: -1, beyond: .none, beyondVerified: false))
                if entry == nil || v.isNaN || carried || entry!.marks.first != .verified {
                    unverified = unverified | .single(i)
                }
            }
        }
        func store<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: Swift.max(1, a.count))
            _ = b.initialize(from: a)
            return b
        }
        self.scalars = store(scalars)
        self.mantissas = store(mantissas)
        self.spans = store(spans)
        self.cells = store(cells)
        self.cellVerified = store(verified)
        self.unverified = unverified
        self.readings = readings
        self.tableMarks = tableMarks
    }

    /// The trace readings of a set of scalar parameters, shared by every household on this date.
    func scalarReadings(_ set: ParameterMask) -> [ParameterReading] {
        if let hit = readingSets.withLock({ $0[set] }) { return hit }
        let built = set.indices.map { readings[$0] }
        readingSets.withLock { $0[set] = built }
        return built
    }

    deinit {
        scalars.deallocate()
        mantissas.deallocate()
        spans.deallocate()
        cells.deallocate()
        cellVerified.deallocate()
    }

    /// The cell(s) a household-size range may name, and whether all of them are [V].
    func lookup(_ parameter: Int, _ index: Interval) -> (Interval, Bool) {
        let span = spans[parameter]
        guard span.count > 0 else { return (.nonNegative, false) }
        let first = Swift.max(1, index.lo.rounded(.up))
        let last = index.hi.rounded(.down)
        guard first <= last else { return (.nonNegative, false) }
        let count = Double(span.count)
        var lo = Double.infinity, hi = -Double.infinity
        var verified = true
        var n = first
        while n <= Swift.min(last, count) {
            let cell = span.start + Int(n) - 1
            let v = cells[cell]
            if v.isNaN { return (.nonNegative, false) }
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
            if !cellVerified[cell] { verified = false }
            n += 1
        }
        if last > count {
            let lastCell = span.start + span.count - 1
            let end = cells[lastCell]
            switch span.beyond {
            case .none:
                return (.nonNegative, false)
            case .last:
                lo = Swift.min(lo, end)
                hi = Swift.max(hi, end)
                if !cellVerified[lastCell] || !span.beyondVerified { verified = false }
            case .linear:
                guard span.count >= 2 else { return (.nonNegative, false) }
                let step = end - cells[lastCell - 1]
                if step.isNaN || end.isNaN { return (.nonNegative, false) }
                // boundProduct: an unbounded size times a flat step (0) is no change, not NaN.
                let from = end + boundProduct(Swift.max(first, count + 1) - count, step)
                let to = last.isInfinite ? (step == 0 ? end : step > 0 ? .infinity : -.infinity) : end + boundProduct(last - count, step)
                lo = Swift.min(lo, from, to)
                hi = Swift.max(hi, from, to)
                if !span.beyondVerified || !cellVerified[lastCell] || !cellVerified[lastCell - 1] { verified = false }
            }
        }
        return (Interval(lo, hi), verified)
    }
}
