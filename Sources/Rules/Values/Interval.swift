/// A closed range of possible values `[lo, hi]`; `hi` may be `+∞`.
///
/// Every value in the engine is an interval so that an unknown fact is a range, never zero: a
/// known number is `[x, x]`, an unknown amount is `[0, +∞)`, an unknown boolean is `[0, 1]`.
/// A condition is decided as soon as the ranges decide it, which is what lets "age 64" settle
/// 기초연금 without asking for income.
public struct Interval: Sendable, Equatable, CustomStringConvertible {
    public var lo: Double
    public var hi: Double

    @inlinable public init(_ lo: Double, _ hi: Double) {
        self.lo = lo
        self.hi = hi
    }

    @inlinable public init(_ x: Double) {
        self.lo = x
        self.hi = x
    }

    public static let falseValue = Interval(0, 0)
    public static let trueValue = Interval(1, 1)
    public static let unknownBool = Interval(0, 1)
    public static let nonNegative = Interval(0, .infinity)

    @inlinable public var isPoint: Bool { lo == hi }
    /// The single value, when the interval has narrowed to one.
    @inlinable public var point: Double? { lo == hi ? lo : nil }

    // MARK: - Three-valued truth

    @inlinable public var isTrue: Bool { lo >= 1 }
    @inlinable public var isFalse: Bool { hi <= 0 }
    @inlinable public var isUnknownTruth: Bool { lo < 1 && hi > 0 }
    /// `true`, `false`, or `nil` when not yet decided.
    @inlinable public var truth: Bool? { isTrue ? true : (isFalse ? false : nil) }

    @inlinable public static func bool(_ b: Bool) -> Interval { b ? trueValue : falseValue }

    public var description: String {
        if lo == hi { return "\(lo)" }
        return "[\(lo), \(hi)]"
    }

    /// The smallest interval holding both.
    @inlinable public func hull(_ other: Interval) -> Interval {
        Interval(Swift.min(lo, other.lo), Swift.max(hi, other.hi))
    }
}

// MARK: - Arithmetic

// Why no operation here can overflow or trap: bounds are `Double`s, whose arithmetic saturates
// at ±∞ instead of wrapping, so a bound that grows past every finite value becomes unbounded,
// which is sound (the true value is still inside). The one undefined case, ∞ − ∞ (or ∞ / ∞),
// would give NaN, which compares false with everything and would decide conditions by accident;
// each operation below turns such a bound into the widest one (−∞ for a lower bound, +∞ for an
// upper), so an interval only ever widens. Integers appear only at the edges, through
// `Won(rounding:)` and `Double.clampedInt`, which never trap.

/// Multiplies two bounds with `0 · ∞ = 0`, because a zero amount times an unbounded count is
/// still zero money, not an undefined value.
@inlinable func boundProduct(_ a: Double, _ b: Double) -> Double {
    if a == 0 || b == 0 { return 0 }
    return a * b
}

/// A lower bound that is not a number (∞ − ∞) knows nothing: −∞.
@inlinable func lowerBound(_ x: Double) -> Double { x.isNaN ? -.infinity : x }
/// An upper bound that is not a number knows nothing: +∞.
@inlinable func upperBound(_ x: Double) -> Double { x.isNaN ? .infinity : x }

extension Interval {
    @inlinable public static func + (a: Interval, b: Interval) -> Interval {
        Interval(lowerBound(a.lo + b.lo), upperBound(a.hi + b.hi))
    }

    @inlinable public static func - (a: Interval, b: Interval) -> Interval {
        Interval(lowerBound(a.lo - b.hi), upperBound(a.hi - b.lo))
    }

    @inlinable public static prefix func - (a: Interval) -> Interval {
        Interval(-a.hi, -a.lo)
    }

    @inlinable public static func * (a: Interval, b: Interval) -> Interval {
        if a.lo >= 0 && b.lo >= 0 {
            // The common case (money, counts, rates): no sign juggling.
            return Interval(boundProduct(a.lo, b.lo), boundProduct(a.hi, b.hi))
        }
        let p1 = boundProduct(a.lo, b.lo), p2 = boundProduct(a.lo, b.hi)
        let p3 = boundProduct(a.hi, b.lo), p4 = boundProduct(a.hi, b.hi)
        return Interval(Swift.min(p1, p2, p3, p4), Swift.max(p1, p2, p3, p4))
    }

    /// Division; a divisor range that holds zero gives the whole line, because nothing is known.
    @inlinable public static func / (a: Interval, b: Interval) -> Interval {
        if b.lo <= 0 && b.hi >= 0 {
            if b.lo == 0 && b.hi == 0 { return Interval(-.infinity, .infinity) }
            if b.lo < 0 { return Interval(-.infinity, .infinity) }
            // b in [0, hi]: a / b with a ≥ 0 grows without bound.
            if a.lo >= 0 { return Interval(b.hi.isInfinite ? 0 : a.lo / b.hi, .infinity) }
            return Interval(-.infinity, .infinity)
        }
        // A corner ∞ / ∞ is undefined; the other corners still bound the quotient (x / ∞ = 0
        // and ∞ / c = ∞ reach where it could go), so it is left out, and with no corner left
        // nothing is known.
        var lo = Double.infinity, hi = -Double.infinity
        for q in [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi] where !q.isNaN {
            lo = Swift.min(lo, q)
            hi = Swift.max(hi, q)
        }
        return lo <= hi ? Interval(lo, hi) : Interval(-.infinity, .infinity)
    }

    @inlinable public static func minimum(_ a: Interval, _ b: Interval) -> Interval {
        Interval(Swift.min(a.lo, b.lo), Swift.min(a.hi, b.hi))
    }

    @inlinable public static func maximum(_ a: Interval, _ b: Interval) -> Interval {
        Interval(Swift.max(a.lo, b.lo), Swift.max(a.hi, b.hi))
    }

    /// Rounds both bounds to a multiple of `step`, halves away from zero (the won rounding rule).
    @inlinable public func roundedToNearest(step: Double) -> Interval {
        if step == 1 { return Interval(lo.rounded(), hi.rounded()) }
        return Interval((lo / step).rounded() * step, (hi / step).rounded() * step)
    }

    /// Rounds both bounds down to a multiple of `step`.
    @inlinable public func roundedDown(step: Double) -> Interval {
        if step == 1 { return Interval(lo.rounded(.down), hi.rounded(.down)) }
        return Interval((lo / step).rounded(.down) * step, (hi / step).rounded(.down) * step)
    }

    /// Rounds both bounds up to a multiple of `step`.
    @inlinable public func roundedUp(step: Double) -> Interval {
        if step == 1 { return Interval(lo.rounded(.up), hi.rounded(.up)) }
        return Interval((lo / step).rounded(.up) * step, (hi / step).rounded(.up) * step)
    }

    // MARK: Comparison and logic, Kleene-style

    @inlinable public static func lessThan(_ a: Interval, _ b: Interval) -> Interval {
        if a.hi < b.lo { return .trueValue }
        if a.lo >= b.hi { return .falseValue }
        return .unknownBool
    }

    @inlinable public static func lessOrEqual(_ a: Interval, _ b: Interval) -> Interval {
        if a.hi <= b.lo { return .trueValue }
        if a.lo > b.hi { return .falseValue }
        return .unknownBool
    }

    @inlinable public static func equal(_ a: Interval, _ b: Interval) -> Interval {
        if a.isPoint && b.isPoint { return .bool(a.lo == b.lo) }
        if a.hi < b.lo || b.hi < a.lo { return .falseValue }
        return .unknownBool
    }

    @inlinable public static func and(_ a: Interval, _ b: Interval) -> Interval {
        Interval(Swift.min(a.lo, b.lo), Swift.min(a.hi, b.hi))
    }

    @inlinable public static func or(_ a: Interval, _ b: Interval) -> Interval {
        Interval(Swift.max(a.lo, b.lo), Swift.max(a.hi, b.hi))
    }

    @inlinable public static func not(_ a: Interval) -> Interval {
        Interval(1 - a.hi, 1 - a.lo)
    }

    /// `if c then a else b`: an undecided condition gives the hull of both branches.
    @inlinable public static func choose(_ c: Interval, _ a: Interval, _ b: Interval) -> Interval {
        if c.isTrue { return a }
        if c.isFalse { return b }
        return a.hull(b)
    }
}
