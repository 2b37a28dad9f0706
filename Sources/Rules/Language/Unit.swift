/// The unit of a value in the rule language. Units are types: adding won to months is an error
/// caught when the pack loads, not a wrong answer at the counter.
public enum Unit: String, Sendable, Equatable {
    case won, months, years, count, ratio, bool
    /// A bare literal such as `65`; it takes the unit of whatever it meets.
    case number
}

/// The type of an expression: one value of a unit, or a list of them (`children_age_months`).
public enum ValueType: Sendable, Equatable, CustomStringConvertible {
    case scalar(Unit)
    case list(Unit)

    public var description: String {
        switch self {
        case .scalar(let u): u.rawValue
        case .list(let u): "list of \(u.rawValue)"
        }
    }
}

/// The unit arithmetic the language allows; `nil` means a type error.
enum UnitRules {
    static func unify(_ a: Unit, _ b: Unit) -> Unit? {
        if a == b { return a }
        if a == .number && b != .bool { return b }
        if b == .number && a != .bool { return a }
        return nil
    }

    static func add(_ a: Unit, _ b: Unit) -> Unit? {
        guard a != .bool, b != .bool else { return nil }
        return unify(a, b)
    }

    static func multiply(_ a: Unit, _ b: Unit) -> Unit? {
        guard a != .bool, b != .bool else { return nil }
        if a == .number { return b }
        if b == .number { return a }
        if a == .ratio { return b }
        if b == .ratio { return a }
        if a == .count { return b }
        if b == .count { return a }
        return nil
    }

    static func divide(_ a: Unit, _ b: Unit) -> Unit? {
        guard a != .bool, b != .bool else { return nil }
        if b == .number || b == .ratio || b == .count { return a }
        if a == b { return .ratio }
        return nil
    }

    static func compare(_ a: Unit, _ b: Unit, equality: Bool) -> Bool {
        if a == .bool || b == .bool { return equality && a == b }
        return unify(a, b) != nil
    }
}
