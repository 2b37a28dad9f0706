/// One answer about a household.
public enum FactValue: Sendable, Equatable, CustomStringConvertible {
    case number(Int)
    case bool(Bool)
    case list([Int])
    /// One of an enum fact's values (`"korean"`).
    case choice(String)

    public var description: String {
        switch self {
        case .number(let n): "\(n)"
        case .bool(let b): "\(b)"
        case .list(let l): "[" + l.map(String.init).joined(separator: ", ") + "]"
        case .choice(let c): c
        }
    }
}

/// What is known about a household: absent keys are unknown, never zero.
public struct Facts: Sendable, Equatable {
    public var values: [FactKey: FactValue]
    public init(_ values: [FactKey: FactValue] = [:]) { self.values = values }
    public subscript(key: FactKey) -> FactValue? {
        get { values[key] }
        set { values[key] = newValue }
    }
}

/// Facts laid out in the pack's fact order as intervals, ready for evaluation.
///
/// Preparing once and evaluating on several dates (or again after one more answer) keeps the
/// per-evaluation work free of dictionary lookups.
///
/// A class, so an evaluation holds it by one reference instead of copying six collections.
public final class PreparedFacts: Sendable {
    let scalars: [Interval]
    /// Each list fact's place in `listValues`; a count of -1 means unknown.
    let listSpans: [ListSpan]
    let listValues: [Double]
    let known: FactMask
    /// The answers by fact position, for the trace.
    let values: [FactValue?]
    public let facts: Facts

    init(scalars: [Interval], listSpans: [ListSpan], listValues: [Double], known: FactMask, values: [FactValue?], facts: Facts) {
        self.scalars = scalars
        self.listSpans = listSpans
        self.listValues = listValues
        self.known = known
        self.values = values
        self.facts = facts
    }
}

/// Where one list fact's elements sit in `PreparedFacts.listValues`.
struct ListSpan: Sendable {
    let start: Int
    /// -1 when the list is unknown.
    let count: Int
    static let unknown = ListSpan(start: 0, count: -1)
}
