/// Joins common instruction sequences into one instruction before a pack's code is laid out.
///
/// An interpreter pays for every instruction it dispatches, and most of a 소득인정액 is a value
/// compared with, added to or scaled by a literal or a parameter: `x, constant(c), lessOrEqual`
/// is three dispatches for one comparison. Each fused instruction computes exactly the value and
/// the taint the sequence it replaces computes (`Machine` spells out each case), so fusion
/// changes how fast a household is evaluated, never what it is told.
enum Fusion {
    static func fuse(_ ops: [Op]) -> [Op] {
        var out: [Op] = []
        out.reserveCapacity(ops.count)
        // Where the value in each stack slot began in `out`, so a binary instruction can see
        // whether its left operand is a single literal.
        var starts: [Int] = []
        for op in ops {
            let pops = op.pops
            let operandStart = pops > 0 && starts.count >= pops ? starts[starts.count - pops] : out.count
            if let fused = fusedWithRight(op, out.last) {
                out[out.count - 1] = fused
                // The right operand's slot is consumed; the left one keeps its start.
                starts.removeLast()
            } else if let fused = fusedWithLeft(op, out, starts) {
                // `max(0, x)`: the literal is the left operand, pushed before x's code.
                out.remove(at: starts[starts.count - 2])
                out.append(fused)
                let right = starts.removeLast() - 1
                starts[starts.count - 1] = right
            } else {
                insertSkips(op, &out, starts)
                out.append(op)
                starts.removeLast(min(pops, starts.count))
                for _ in 0..<op.pushes { starts.append(operandStart) }
            }
            if case .divideConstant(let s) = out.last, out.count >= 2, case .multiplyMantissa(let p) = out[out.count - 2] {
                out.removeLast(2)
                out.append(.scaleMantissa(p, s))
            }
        }
        return out
    }

    /// Lets a decided `and`, `or` or `if` step over the code whose value cannot change it.
    private static func insertSkips(_ op: Op, _ out: inout [Op], _ starts: [Int]) {
        switch op {
        case .and, .or:
            guard starts.count >= 2 else { return }
            let right = starts[starts.count - 1]
            let length = out.count - right
            out.insert(op.isAnd ? .andSkip(length + 1) : .orSkip(length + 1), at: right)
        case .choose:
            guard starts.count >= 3 else { return }
            let then = starts[starts.count - 2], otherwise = starts[starts.count - 1]
            out.insert(.elseSkip(out.count - otherwise), at: otherwise)
            out.insert(.thenSkip(otherwise - then + 1), at: then)
        default:
            return
        }
    }

    /// `…, constant(c), op` or `…, parameter(p), op` as one instruction reading its right operand.
    private static func fusedWithRight(_ op: Op, _ last: Op?) -> Op? {
        switch (last, op) {
        case (.constant(let c)?, .add): .addConstant(c)
        case (.constant(let c)?, .subtract): .subtractConstant(c)
        case (.constant(let c)?, .multiply): .multiplyConstant(c)
        case (.constant(let c)?, .divide): .divideConstant(c)
        case (.constant(let c)?, .minimum): .minimumConstant(c)
        case (.constant(let c)?, .maximum): .maximumConstant(c)
        case (.constant(let c)?, .less): .lessConstant(c)
        case (.constant(let c)?, .lessOrEqual): .lessOrEqualConstant(c)
        case (.constant(let c)?, .greater): .greaterConstant(c)
        case (.constant(let c)?, .greaterOrEqual): .greaterOrEqualConstant(c)
        case (.constant(let c)?, .equal): .equalConstant(c)
        case (.constant(let c)?, .notEqual): .notEqualConstant(c)
        case (.parameter(let p)?, .add): .addParameter(p)
        case (.parameter(let p)?, .subtract): .subtractParameter(p)
        case (.parameter(let p)?, .less): .lessParameter(p)
        case (.parameter(let p)?, .lessOrEqual): .lessOrEqualParameter(p)
        case (.parameter(let p)?, .greater): .greaterParameter(p)
        case (.parameter(let p)?, .greaterOrEqual): .greaterOrEqualParameter(p)
        case (.parameterMantissa(let p)?, .multiply): .multiplyMantissa(p)
        default: nil
        }
    }

    private static func fusedWithLeft(_ op: Op, _ out: [Op], _ starts: [Int]) -> Op? {
        guard starts.count >= 2 else { return nil }
        let left = starts[starts.count - 2], right = starts[starts.count - 1]
        guard right == left + 1, case .constant(let c) = out[left] else { return nil }
        switch op {
        case .minimum: return .constantMinimum(c)
        case .maximum: return .constantMaximum(c)
        default: return nil
        }
    }
}

extension Op {
    /// Values an instruction takes off the stack and puts back.
    var pops: Int {
        switch self {
        case .constant, .fact, .definition, .parameter, .parameterMantissa, .local, .aggregate, .size: 0
        case .choose: 3
        case .add, .subtract, .multiply, .divide, .minimum, .maximum,
             .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual, .and, .or: 2
        default: 1
        }
    }

    var isAnd: Bool {
        if case .and = self { return true }
        return false
    }

    var pushes: Int {
        if case .store = self { return 0 }
        return 1
    }

    /// The literal an instruction reads, fused or not (what the relevance search samples around).
    var literal: Double? {
        switch self {
        case .constant(let c), .addConstant(let c), .subtractConstant(let c), .multiplyConstant(let c),
             .divideConstant(let c), .minimumConstant(let c), .maximumConstant(let c), .constantMinimum(let c),
             .constantMaximum(let c), .lessConstant(let c), .lessOrEqualConstant(let c), .greaterConstant(let c),
             .greaterOrEqualConstant(let c), .equalConstant(let c), .notEqualConstant(let c), .scaleMantissa(_, let c): c
        default: nil
        }
    }

    /// The scalar parameter an instruction reads as its value (not as a mantissa).
    var parameterRead: Int? {
        switch self {
        case .parameter(let p), .addParameter(let p), .subtractParameter(let p), .lessParameter(let p),
             .lessOrEqualParameter(let p), .greaterParameter(let p), .greaterOrEqualParameter(let p): p
        default: nil
        }
    }
}
