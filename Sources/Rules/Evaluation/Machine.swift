/// Runs compiled programs over intervals for one household on one date.
///
/// The stack is memory the caller provides (a temporary allocation on the call stack), so the
/// untraced evaluation of a household allocates nothing but its result array.
struct Machine {
    let facts: [Interval]
    let lists: [[Double]?]
    let definitions: UnsafeMutablePointer<Interval>
    let parameters: ResolvedParameters
    let aggregates: [Aggregate]
    /// Parameters whose value as used here is not [V]; table cells are only known per household.
    var unverified: ParameterMask

    func run(_ ops: [Op], stack: UnsafeMutablePointer<Interval>, local: Interval = Interval(0)) -> Interval {
        var unverifiedCopy = unverified
        let r = run(ops, stack: stack, local: local, unverified: &unverifiedCopy)
        return r
    }

    mutating func evaluate(_ ops: [Op], stack: UnsafeMutablePointer<Interval>) -> Interval {
        var mask = unverified
        let r = run(ops, stack: stack, local: Interval(0), unverified: &mask)
        unverified = mask
        return r
    }

    private func run(_ ops: [Op], stack: UnsafeMutablePointer<Interval>, local: Interval, unverified: inout ParameterMask) -> Interval {
        var sp = 0
        for op in ops {
            switch op {
            case .constant(let x):
                stack[sp] = Interval(x); sp += 1
            case .fact(let i):
                stack[sp] = facts[i]; sp += 1
            case .definition(let i):
                stack[sp] = definitions[i]; sp += 1
            case .parameter(let i):
                stack[sp] = parameters.scalars[i]; sp += 1
            case .parameterMantissa(let i):
                stack[sp] = parameters.mantissas[i]; sp += 1
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
                stack[sp - 1] = stack[sp - 1].rounded(.toNearestOrAwayFromZero, step: step)
            case .floor(let step):
                stack[sp - 1] = stack[sp - 1].rounded(.down, step: step)
            case .ceil(let step):
                stack[sp - 1] = stack[sp - 1].rounded(.up, step: step)
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
                if let list = lists[i] { stack[sp] = Interval(Double(list.count)) } else { stack[sp] = .nonNegative }
                sp += 1
            case .aggregate(let i):
                stack[sp] = aggregate(aggregates[i], stack: stack + sp + 1, unverified: &unverified)
                sp += 1
            }
        }
        return stack[0]
    }

    private func aggregate(_ a: Aggregate, stack: UnsafeMutablePointer<Interval>, unverified: inout ParameterMask) -> Interval {
        guard let list = lists[a.list] else {
            switch a.kind {
            case .any, .all: return .unknownBool
            default: return .nonNegative
            }
        }
        var definite = 0.0, possible = 0.0
        var definiteMin = Double.infinity, possibleMin = Double.infinity
        var definiteMax = 0.0, possibleMax = 0.0
        var anyUnknown = false
        for element in list {
            let c: Interval = a.condition.isEmpty ? .trueValue : run(a.condition, stack: stack, local: Interval(element), unverified: &unverified)
            if c.isTrue {
                definite += 1; possible += 1
                definiteMin = min(definiteMin, element); possibleMin = min(possibleMin, element)
                definiteMax = max(definiteMax, element); possibleMax = max(possibleMax, element)
            } else if !c.isFalse {
                anyUnknown = true
                possible += 1
                possibleMin = min(possibleMin, element)
                possibleMax = max(possibleMax, element)
            }
        }
        switch a.kind {
        case .count:
            return Interval(definite, possible)
        case .any:
            return definite > 0 ? .trueValue : (anyUnknown ? .unknownBool : .falseValue)
        case .all:
            return Double(list.count) == definite ? .trueValue : (Double(list.count) == possible ? .unknownBool : .falseValue)
        case .sum:
            var lo = 0.0, hi = 0.0
            for element in list {
                let c: Interval = a.condition.isEmpty ? .trueValue : run(a.condition, stack: stack, local: Interval(element), unverified: &unverified)
                if c.isTrue { lo += element }
                if !c.isFalse { hi += element }
            }
            return Interval(lo, hi)
        case .min:
            return Interval(possibleMin, definiteMin)
        case .max:
            return Interval(definiteMax, possibleMax)
        }
    }
}
