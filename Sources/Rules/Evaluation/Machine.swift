/// Runs compiled code over intervals for one household on one date.
///
/// Everything it reads is behind plain pointers and the value stack is memory the caller
/// provides (a temporary allocation on the call stack), so the untraced evaluation of a
/// household allocates nothing but its result array.
struct Machine {
    let code: UnsafeMutableBufferPointer<Op>
    let aggregates: UnsafeMutableBufferPointer<AggregatePlan>
    let facts: UnsafeBufferPointer<Interval>
    let listSpans: UnsafeBufferPointer<ListSpan>
    let listValues: UnsafeBufferPointer<Double>
    let definitions: UnsafeMutablePointer<Interval>
    let parameters: ResolvedParameters
    let stack: UnsafeMutablePointer<Interval>
    /// Parameters whose value as used here is not [V]; table cells are only known per household.
    var unverified: ParameterMask

    mutating func evaluate(_ segment: Segment) -> Interval {
        var mask = unverified
        let r = run(segment, stack: stack, local: Interval(0), unverified: &mask)
        unverified = mask
        return r
    }

    /// Runs the definitions block: every definition in dependency order, each stored in its slot.
    mutating func evaluateAll(_ block: Segment) {
        _ = evaluate(block)
    }

    /// Runs a program without recording which parameters it touched (for the trace).
    func peek(_ ops: [Op]) -> Interval {
        var mask = unverified
        return ops.withUnsafeBufferPointer { run($0, stack: stack, local: Interval(0), unverified: &mask) }
    }

    private func run(_ segment: Segment, stack: UnsafeMutablePointer<Interval>, local: Interval, unverified: inout ParameterMask) -> Interval {
        run(UnsafeBufferPointer(rebasing: code[Int(segment.start)..<Int(segment.end)]), stack: stack, local: local, unverified: &unverified)
    }

    private func run(_ ops: UnsafeBufferPointer<Op>, stack: UnsafeMutablePointer<Interval>, local: Interval, unverified: inout ParameterMask) -> Interval {
        var sp = 0
        let scalars = parameters.scalars, mantissas = parameters.mantissas
        for op in ops {
            switch op {
            case .constant(let x):
                stack[sp] = Interval(x); sp += 1
            case .fact(let i):
                stack[sp] = facts[i]; sp += 1
            case .definition(let i):
                stack[sp] = definitions[i]; sp += 1
            case .parameter(let i):
                stack[sp] = scalars[i]; sp += 1
            case .parameterMantissa(let i):
                stack[sp] = mantissas[i]; sp += 1
            case .table(let i):
                let (value, verified) = parameters.lookup(i, stack[sp - 1])
                stack[sp - 1] = value
                if !verified { unverified = unverified | .single(i) }
            case .local:
                stack[sp] = local; sp += 1
            case .add:
                sp -= 1; stack[sp - 1] = stack[sp - 1] + stack[sp]
            case .subtract:
                sp -= 1; stack[sp - 1] = stack[sp - 1] - stack[sp]
            case .multiply:
                sp -= 1; stack[sp - 1] = stack[sp - 1] * stack[sp]
            case .divide:
                sp -= 1; stack[sp - 1] = stack[sp - 1] / stack[sp]
            case .negate:
                stack[sp - 1] = -stack[sp - 1]
            case .minimum:
                sp -= 1; stack[sp - 1] = .minimum(stack[sp - 1], stack[sp])
            case .maximum:
                sp -= 1; stack[sp - 1] = .maximum(stack[sp - 1], stack[sp])
            case .round(let step):
                stack[sp - 1] = stack[sp - 1].roundedToNearest(step: step)
            case .floor(let step):
                stack[sp - 1] = stack[sp - 1].roundedDown(step: step)
            case .ceil(let step):
                stack[sp - 1] = stack[sp - 1].roundedUp(step: step)
            case .less:
                sp -= 1; stack[sp - 1] = .lessThan(stack[sp - 1], stack[sp])
            case .lessOrEqual:
                sp -= 1; stack[sp - 1] = .lessOrEqual(stack[sp - 1], stack[sp])
            case .greater:
                sp -= 1; stack[sp - 1] = .lessThan(stack[sp], stack[sp - 1])
            case .greaterOrEqual:
                sp -= 1; stack[sp - 1] = .lessOrEqual(stack[sp], stack[sp - 1])
            case .equal:
                sp -= 1; stack[sp - 1] = .equal(stack[sp - 1], stack[sp])
            case .notEqual:
                sp -= 1; stack[sp - 1] = .not(.equal(stack[sp - 1], stack[sp]))
            case .and:
                sp -= 1; stack[sp - 1] = .and(stack[sp - 1], stack[sp])
            case .or:
                sp -= 1; stack[sp - 1] = .or(stack[sp - 1], stack[sp])
            case .not:
                stack[sp - 1] = .not(stack[sp - 1])
            case .choose:
                sp -= 2; stack[sp - 1] = .choose(stack[sp - 1], stack[sp], stack[sp + 1])
            case .size(let i):
                let count = listSpans[i].count
                stack[sp] = count >= 0 ? Interval(Double(count)) : .nonNegative
                sp += 1
            case .store(let i):
                sp -= 1; definitions[i] = stack[sp]
            case .aggregate(let i):
                stack[sp] = aggregate(aggregates[i], stack: stack + sp + 1, unverified: &unverified)
                sp += 1
            }
        }
        return sp > 0 ? stack[0] : Interval(0)
    }

    private func aggregate(_ a: AggregatePlan, stack: UnsafeMutablePointer<Interval>, unverified: inout ParameterMask) -> Interval {
        let span = listSpans[a.list]
        guard span.count >= 0 else {
            switch a.kind {
            case .any, .all: return .unknownBool
            default: return .nonNegative
            }
        }
        var definite = 0.0, possible = 0.0
        var sumLo = 0.0, sumHi = 0.0
        var definiteMin = Double.infinity, possibleMin = Double.infinity
        var definiteMax = 0.0, possibleMax = 0.0
        for e in span.start..<(span.start + span.count) {
            let element = listValues[e]
            let c: Interval = a.condition.isEmpty ? .trueValue : run(a.condition, stack: stack, local: Interval(element), unverified: &unverified)
            if c.isTrue {
                definite += 1
                sumLo += element
                definiteMin = Swift.min(definiteMin, element)
                definiteMax = Swift.max(definiteMax, element)
            }
            if !c.isFalse {
                possible += 1
                sumHi += element
                possibleMin = Swift.min(possibleMin, element)
                possibleMax = Swift.max(possibleMax, element)
            }
        }
        switch a.kind {
        case .count: return Interval(definite, possible)
        case .sum: return Interval(sumLo, sumHi)
        case .any: return definite > 0 ? .trueValue : (possible > 0 ? .unknownBool : .falseValue)
        case .all:
            let n = Double(span.count)
            return n == definite ? .trueValue : (n == possible ? .unknownBool : .falseValue)
        case .min: return Interval(possibleMin, definiteMin)
        case .max: return Interval(definiteMax, possibleMax)
        }
    }
}
