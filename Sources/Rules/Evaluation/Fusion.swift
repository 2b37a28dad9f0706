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
                // A binary operation consumes its right operand's slot and the left one keeps its
                // start; a unary one (`not`) leaves its operand's start where it was.
                if pops == 2 { starts.removeLast() }
                joinWithPrevious(&out)
            } else if let fused = fusedWithLeft(op, out, starts) {
                // `max(0, x)`: the literal is the left operand, pushed before x's code.
                out.remove(at: starts[starts.count - 2])
                out.append(fused)
                let right = starts.removeLast() - 1
                starts[starts.count - 1] = right
                joinWithPrevious(&out)
            } else if case .definition(let j) = op, case .definition(let i)? = out.last {
                out[out.count - 1] = .definitions(i, j)
                starts.append(out.count - 1)
            } else {
                insertSkips(op, &out, &starts)
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

    /// A fused instruction that reads only the value below it may join the instruction that
    /// pushed that value (`fact(i)`, then `equalConstant(c)`). No skip lands between the two:
    /// every skip lands after an `and`, an `or`, a `choose` or an `elseSkip`.
    private static func joinWithPrevious(_ out: inout [Op]) {
        guard out.count >= 2, let joined = fusedWithRight(out[out.count - 1], out[out.count - 2]) else { return }
        out.removeLast(2)
        out.append(joined)
    }

    /// Lets a decided `and`, `or` or `if` step over the code whose value cannot change it.
    private static func insertSkips(_ op: Op, _ out: inout [Op], _ starts: inout [Int]) {
        switch op {
        case .and, .or:
            guard starts.count >= 2 else { return }
            split(&out, &starts, operand: starts.count - 1)
            let right = starts[starts.count - 1]
            let length = out.count - right
            // The left side's last instruction is never a jump target's neighbour here (no
            // skip lands after a comparison), so the skip can ride on it.
            if right > 0, case .factEqualConstant(let f, let c) = out[right - 1], let f32 = Int32(exactly: f),
               let n32 = Int32(exactly: length + 1) {
                out[right - 1] = op.isAnd ? .factEqualAndSkip(f32, n32, c) : .factEqualOrSkip(f32, n32, c)
                return
            }
            out.insert(op.isAnd ? .andSkip(length + 1) : .orSkip(length + 1), at: right)
        case .choose:
            guard starts.count >= 3 else { return }
            split(&out, &starts, operand: starts.count - 2)
            split(&out, &starts, operand: starts.count - 1)
            let then = starts[starts.count - 2], otherwise = starts[starts.count - 1]
            out.insert(.elseSkip(out.count - otherwise), at: otherwise)
            out.insert(.thenSkip(otherwise - then + 1), at: then)
        default:
            return
        }
    }

    /// A skip goes between two operands; when they are the two halves of one `definitions(i, j)`
    /// it is taken apart again, so the operand at `index` in `starts` begins an instruction.
    private static func split(_ out: inout [Op], _ starts: inout [Int], operand index: Int) {
        guard index > 0, starts[index - 1] == starts[index], case .definitions(let i, let j) = out[starts[index]] else { return }
        out[starts[index]] = .definition(i)
        out.insert(.definition(j), at: starts[index] + 1)
        starts[index] += 1
    }

    /// `…, constant(c), op` or `…, parameter(p), op` as one instruction reading its right operand,
    /// and a fact or a definition joined with what follows it.
    private static func fusedWithRight(_ op: Op, _ last: Op?) -> Op? {
        switch (last, op) {
        case (.fact(let f)?, .lessConstant(let c)): .factLessConstant(f, c)
        case (.fact(let f)?, .lessOrEqualConstant(let c)): .factLessOrEqualConstant(f, c)
        case (.fact(let f)?, .greaterConstant(let c)): .factGreaterConstant(f, c)
        case (.fact(let f)?, .greaterOrEqualConstant(let c)): .factGreaterOrEqualConstant(f, c)
        case (.fact(let f)?, .equalConstant(let c)): .factEqualConstant(f, c)
        case (.fact(let f)?, .notEqualConstant(let c)): .factNotEqualConstant(f, c)
        case (.fact(let f)?, .lessParameter(let p)): .factLessParameter(f, p)
        case (.fact(let f)?, .lessOrEqualParameter(let p)): .factLessOrEqualParameter(f, p)
        case (.fact(let f)?, .greaterParameter(let p)): .factGreaterParameter(f, p)
        case (.fact(let f)?, .greaterOrEqualParameter(let p)): .factGreaterOrEqualParameter(f, p)
        case (.subtract?, .constantMaximum(let c)): .subtractConstantMaximum(c)
        // `not b` for a yes/no fact is `b == 0`, for a known, an unknown and a ranged value alike.
        case (.fact(let f)?, .not): .factEqualConstant(f, 0)
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
        case .constant, .fact, .definition, .parameter, .parameterMantissa, .local, .aggregate, .size,
             .factLessConstant, .factLessOrEqualConstant, .factGreaterConstant, .factGreaterOrEqualConstant,
             .factEqualConstant, .factNotEqualConstant, .factLessParameter, .factLessOrEqualParameter,
             .factGreaterParameter, .factGreaterOrEqualParameter, .definitions, .factEqualAndSkip, .factEqualOrSkip: 0
        case .choose: 3
        case .add, .subtract, .multiply, .divide, .minimum, .maximum,
             .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual, .and, .or, .subtractConstantMaximum: 2
        default: 1
        }
    }

    var isAnd: Bool {
        if case .and = self { return true }
        return false
    }

    var pushes: Int {
        switch self {
        case .store: 0
        case .definitions: 2
        default: 1
        }
    }

    /// The literal an instruction reads, fused or not (what the relevance search samples around).
    var literal: Double? {
        switch self {
        case .constant(let c), .addConstant(let c), .subtractConstant(let c), .multiplyConstant(let c),
             .divideConstant(let c), .minimumConstant(let c), .maximumConstant(let c), .constantMinimum(let c),
             .constantMaximum(let c), .lessConstant(let c), .lessOrEqualConstant(let c), .greaterConstant(let c),
             .greaterOrEqualConstant(let c), .equalConstant(let c), .notEqualConstant(let c), .scaleMantissa(_, let c),
             .subtractConstantMaximum(let c), .factLessConstant(_, let c), .factLessOrEqualConstant(_, let c),
             .factGreaterConstant(_, let c), .factGreaterOrEqualConstant(_, let c), .factEqualConstant(_, let c),
             .factNotEqualConstant(_, let c), .factEqualAndSkip(_, _, let c), .factEqualOrSkip(_, _, let c): c
        default: nil
        }
    }

    /// The scalar parameter an instruction reads as its value (not as a mantissa).
    var parameterRead: Int? {
        switch self {
        case .parameter(let p), .addParameter(let p), .subtractParameter(let p), .lessParameter(let p),
             .lessOrEqualParameter(let p), .greaterParameter(let p), .greaterOrEqualParameter(let p),
             .factLessParameter(_, let p), .factLessOrEqualParameter(_, let p), .factGreaterParameter(_, let p),
             .factGreaterOrEqualParameter(_, let p): p
        default: nil
        }
    }
}
