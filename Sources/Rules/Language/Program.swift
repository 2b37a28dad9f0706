/// One instruction of a compiled expression. Instructions are plain values (no references), so
/// running a program reads a flat array and touches no reference counts.
enum Op: Sendable {
    case constant(Double)
    case fact(Int)
    case definition(Int)
    case parameter(Int)
    /// A decimal parameter times its power of ten, an exact integer (32% → 32).
    case parameterMantissa(Int)
    /// Pops the index (e.g. household size) and pushes the table cell(s) it may name.
    case table(Int)
    /// The element an aggregate is looking at.
    case local
    case add, subtract, multiply, divide, negate, minimum, maximum
    case round(Double), floor(Double), ceil(Double)
    case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual
    case and, or, not, choose
    /// `surely(x)`: true only where x is decided true; an open yes/no becomes no.
    case surely
    case aggregate(Int)
    case size(Int)
    /// Pops a definition's value into its slot (the definitions run as one block).
    case store(Int)

    // Fused instructions (`Fusion`): the operation with its right operand a literal or a
    // parameter, never emitted by the compiler, only by the plan's layout.
    case addConstant(Double), subtractConstant(Double), multiplyConstant(Double), divideConstant(Double)
    case minimumConstant(Double), maximumConstant(Double)
    case lessConstant(Double), lessOrEqualConstant(Double), greaterConstant(Double), greaterOrEqualConstant(Double)
    case equalConstant(Double), notEqualConstant(Double)
    case addParameter(Int), subtractParameter(Int)
    case lessParameter(Int), lessOrEqualParameter(Int), greaterParameter(Int), greaterOrEqualParameter(Int)
    case multiplyMantissa(Int)
    /// `x × parameter` for a decimal parameter: its mantissa, then the power of ten.
    case scaleMantissa(Int, Double)
    /// `min(c, x)` and `max(c, x)`: the literal is the left operand.
    case constantMinimum(Double), constantMaximum(Double)
    /// `max(c, a − b)`, the shape of every "what is left above the allowance".
    case subtractConstantMaximum(Double)
    /// A fact compared with a literal or a parameter: most conditions (`age >= 65`,
    /// `nationality == "korean"`) are exactly this.
    case factLessConstant(Int, Double), factLessOrEqualConstant(Int, Double)
    case factGreaterConstant(Int, Double), factGreaterOrEqualConstant(Int, Double)
    case factEqualConstant(Int, Double), factNotEqualConstant(Int, Double)
    case factLessParameter(Int, Int), factLessOrEqualParameter(Int, Int)
    case factGreaterParameter(Int, Int), factGreaterOrEqualParameter(Int, Int)
    /// Two definitions read one after the other (the operands of most arithmetic on figures).
    case definitions(Int, Int)
    /// `fact == c` as the left side of `and` (`or`), with that side's skip: the most common
    /// start of a condition, `nationality == "korean" and …`. Fact and skip length are 32-bit so
    /// an instruction stays 24 bytes.
    case factEqualAndSkip(Int32, Int32, Double), factEqualOrSkip(Int32, Int32, Double)
    /// Skips the right side of `and` (and the `and`) when the left is false and rests on no
    /// unconfirmed parameter, which decides the value and its taint alone; `orSkip` likewise.
    case andSkip(Int), orSkip(Int)
    /// An `if` whose condition is decided: `thenSkip` steps over the `then` branch when it is
    /// false, `elseSkip` over the `else` branch when it is true; each pushes a placeholder
    /// for the branch it skips, which `choose` never reads.
    case thenSkip(Int), elseSkip(Int)
}

/// What an aggregate computes over a list fact.
enum AggregateKind: String, Sendable {
    case count, sum, min, max, any, all
}

/// `count(child in children_age_months where child < 96)`, compiled: the condition is its own
/// small program run once per element with the element as `local`.
struct Aggregate: Sendable {
    let kind: AggregateKind
    let list: Int
    let condition: [Op]
}

/// A compiled expression and what it reads, for the trace, `missing` and confidence.
struct Program: Sendable {
    let source: String
    let ops: [Op]
    let type: ValueType
    let stackDepth: Int
    /// Facts read directly by this expression.
    let facts: FactMask
    let definitions: [Int]
    let parameters: ParameterMask
    /// Each table read, with the program computing its index, so the trace can name the cell.
    let tableReads: [(parameter: Int, index: [Op])]
}

/// A set of facts as bits, in the pack's topic order; at most 64 facts per pack.
public struct FactMask: Sendable, Equatable {
    @usableFromInline var bits: UInt64
    init(_ bits: UInt64 = 0) { self.bits = bits }
    static func single(_ i: Int) -> FactMask { FactMask(1 << UInt64(i)) }
    @inlinable var isEmpty: Bool { bits == 0 }
    func contains(_ i: Int) -> Bool { bits & (1 << UInt64(i)) != 0 }
    static func | (a: FactMask, b: FactMask) -> FactMask { FactMask(a.bits | b.bits) }
    static func & (a: FactMask, b: FactMask) -> FactMask { FactMask(a.bits & b.bits) }
    var indices: [Int] {
        var out: [Int] = []
        var rest = bits
        while rest != 0 {
            out.append(rest.trailingZeroBitCount)
            rest &= rest - 1
        }
        return out
    }
}

/// A set of parameters as bits; at most 128 parameters per pack.
/// The machine reads and joins these at most instructions, so they are always inlined.
struct ParameterMask: Sendable, Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    @inline(__always) static func single(_ i: Int) -> ParameterMask {
        i < 64 ? ParameterMask(low: 1 << UInt64(i)) : ParameterMask(high: 1 << UInt64(i - 64))
    }
    @inline(__always) var isEmpty: Bool { low == 0 && high == 0 }
    @inline(__always) func contains(_ i: Int) -> Bool { i < 64 ? low & (1 << UInt64(i)) != 0 : high & (1 << UInt64(i - 64)) != 0 }
    @inline(__always) static func | (a: ParameterMask, b: ParameterMask) -> ParameterMask {
        ParameterMask(low: a.low | b.low, high: a.high | b.high)
    }
    static func & (a: ParameterMask, b: ParameterMask) -> ParameterMask { ParameterMask(low: a.low & b.low, high: a.high & b.high) }
    var indices: [Int] { FactMask(low).indices + FactMask(high).indices.map { $0 + 64 } }
}
