/// Runs compiled code over intervals for one household on one date.
///
/// Everything it reads is behind plain pointers and the value stack is memory the caller
/// provides (a temporary allocation on the call stack), so the untraced evaluation of a
/// household allocates nothing but its result array.
///
/// Beside each value the machine carries its *taint*: the parameters not marked [V] whose
/// value actually shaped it. A figure multiplied by a known zero, or a term that `max(0, …)`
/// discards, shapes nothing — so a household without property is not "to be checked" because
/// the property conversion rate is a single-source figure.
struct Machine {
    let code: UnsafeMutableBufferPointer<Op>
    let aggregates: UnsafeMutableBufferPointer<AggregatePlan>
    let facts: UnsafeBufferPointer<Interval>
    let listSpans: UnsafeBufferPointer<ListSpan>
    let listValues: UnsafeBufferPointer<Double>
    let definitions: UnsafeMutablePointer<Interval>
    let definitionTaints: UnsafeMutablePointer<ParameterMask>
    /// Which definitions hold their value. Most households are settled by a programme's first
    /// conditions (age, nationality), so a definition is computed only when a program reads it:
    /// a 소득인정액 nobody asks for costs nothing.
    let computed: UnsafeMutablePointer<Bool>
    let definitionCode: UnsafeMutableBufferPointer<Segment>
    let parameters: ResolvedParameters
    let stack: UnsafeMutablePointer<Interval>
    let taints: UnsafeMutablePointer<ParameterMask>

    /// The value of a program and the unconfirmed parameters that shaped it.
    func evaluate(_ segment: Segment) -> (value: Interval, taint: ParameterMask) {
        run(UnsafeBufferPointer(rebasing: code[Int(segment.start)..<Int(segment.end)]), base: 0, local: Interval(0))
    }

    /// Runs the definitions block: every definition in dependency order, each stored in its slot.
    func evaluateAll(_ block: Segment) {
        _ = evaluate(block)
    }

    /// A definition's value, computed now if no program has read it yet.
    func definition(_ i: Int) -> Interval {
        if !computed[i] { compute(i, base: 0) }
        return definitions[i]
    }

    /// Runs a definition's code above `base` on the stack and keeps its value in its slot.
    private func compute(_ i: Int, base: Int) {
        let segment = definitionCode[i]
        let (value, taint) = run(UnsafeBufferPointer(rebasing: code[Int(segment.start)..<Int(segment.end)]), base: base, local: Interval(0))
        definitions[i] = value
        definitionTaints[i] = taint
        computed[i] = true
    }

    /// Runs a program given as instructions (for the trace's table cells).
    func peek(_ ops: [Op]) -> Interval {
        ops.withUnsafeBufferPointer { run($0, base: 0, local: Interval(0)).value }
    }

    private func run(_ ops: UnsafeBufferPointer<Op>, base: Int, local: Interval) -> (value: Interval, taint: ParameterMask) {
        let stack = self.stack + base, taints = self.taints + base
        let scalars = parameters.scalars, mantissas = parameters.mantissas, unconfirmed = parameters.unverified
        let none = ParameterMask()
        var sp = 0
        func push(_ v: Interval, _ t: ParameterMask) {
            stack[sp] = v
            taints[sp] = t
            sp += 1
        }
        /// A parameter's own taint: itself when it is not confirmed, else nothing.
        func taint(_ i: Int) -> ParameterMask { unconfirmed.contains(i) ? .single(i) : none }
        func pushDefinition(_ i: Int) {
            if !computed[i] { compute(i, base: base + sp) }
            push(definitions[i], definitionTaints[i])
        }
        var pc = 0
        let count = ops.count
        while pc < count {
            let op = ops[pc]
            pc += 1
            switch op {
            case .constant(let x):
                push(Interval(x), none)
            case .fact(let i):
                push(facts[i], none)
            case .definition(let i):
                pushDefinition(i)
            case .parameter(let i):
                push(scalars[i], taint(i))
            case .parameterMantissa(let i):
                push(mantissas[i], taint(i))
            case .table(let i):
                let (value, verified) = parameters.lookup(i, stack[sp - 1])
                stack[sp - 1] = value
                if !verified { taints[sp - 1] = taints[sp - 1] | .single(i) }
            case .local:
                push(local, none)
            case .add:
                sp -= 1; stack[sp - 1] = stack[sp - 1] + stack[sp]; taints[sp - 1] = taints[sp - 1] | taints[sp]
            case .subtract:
                sp -= 1; stack[sp - 1] = stack[sp - 1] - stack[sp]; taints[sp - 1] = taints[sp - 1] | taints[sp]
            case .multiply:
                sp -= 1
                stack[sp - 1] = Self.multiplied(stack[sp - 1], &taints[sp - 1], stack[sp], taints[sp])
            case .divide:
                sp -= 1
                let a = stack[sp - 1]
                stack[sp - 1] = a / stack[sp]
                if !(a.lo == 0 && a.hi == 0) { taints[sp - 1] = taints[sp - 1] | taints[sp] }
            case .negate:
                stack[sp - 1] = -stack[sp - 1]
            case .minimum:
                sp -= 1
                let a = stack[sp - 1], b = stack[sp]
                stack[sp - 1] = .minimum(a, b)
                taints[sp - 1] = Self.minimumTaint(a, taints[sp - 1], b, taints[sp])
            case .maximum:
                sp -= 1
                let a = stack[sp - 1], b = stack[sp]
                stack[sp - 1] = .maximum(a, b)
                taints[sp - 1] = Self.maximumTaint(a, taints[sp - 1], b, taints[sp])
            case .round(let step):
                stack[sp - 1] = stack[sp - 1].roundedToNearest(step: step)
            case .floor(let step):
                stack[sp - 1] = stack[sp - 1].roundedDown(step: step)
            case .ceil(let step):
                stack[sp - 1] = stack[sp - 1].roundedUp(step: step)
            case .less:
                sp -= 1; stack[sp - 1] = .lessThan(stack[sp - 1], stack[sp]); taints[sp - 1] = taints[sp - 1] | taints[sp]
            case .lessOrEqual:
                sp -= 1; stack[sp - 1] = .lessOrEqual(stack[sp - 1], stack[sp]); taints[sp - 1] = taints[sp - 1] | taints[sp]
            case .greater:
                sp -= 1; stack[sp - 1] = .lessThan(stack[sp], stack[sp - 1]); taints[sp - 1] = taints[sp - 1] | taints[sp]
            case .greaterOrEqual:
                sp -= 1; stack[sp - 1] = .lessOrEqual(stack[sp], stack[sp - 1]); taints[sp - 1] = taints[sp - 1] | taints[sp]
            case .equal:
                sp -= 1; stack[sp - 1] = .equal(stack[sp - 1], stack[sp]); taints[sp - 1] = taints[sp - 1] | taints[sp]
            case .notEqual:
                sp -= 1; stack[sp - 1] = .not(.equal(stack[sp - 1], stack[sp])); taints[sp - 1] = taints[sp - 1] | taints[sp]
            case .and:
                sp -= 1
                let a = stack[sp - 1], b = stack[sp]
                stack[sp - 1] = .and(a, b)
                // A false side decides alone; when both are false the cleaner one is enough.
                taints[sp - 1] = Self.decidingTaint(a.isFalse, taints[sp - 1], b.isFalse, taints[sp])
            case .or:
                sp -= 1
                let a = stack[sp - 1], b = stack[sp]
                stack[sp - 1] = .or(a, b)
                taints[sp - 1] = Self.decidingTaint(a.isTrue, taints[sp - 1], b.isTrue, taints[sp])
            case .not:
                stack[sp - 1] = .not(stack[sp - 1])
            case .surely:
                stack[sp - 1] = stack[sp - 1].isTrue ? Interval(1) : Interval(0)
            case .choose:
                sp -= 2
                let c = stack[sp - 1], a = stack[sp], b = stack[sp + 1]
                stack[sp - 1] = .choose(c, a, b)
                taints[sp - 1] = c.isTrue ? taints[sp - 1] | taints[sp]
                    : (c.isFalse ? taints[sp - 1] | taints[sp + 1] : taints[sp - 1] | taints[sp] | taints[sp + 1])
            case .size(let i):
                let count = listSpans[i].count
                push(count >= 0 ? Interval(Double(count)) : .nonNegative, none)
            case .aggregate(let i):
                let (value, taint) = aggregate(aggregates[i], base: base + sp + 1)
                push(value, taint)
            // Fused forms: the same values and taints as the sequences they replace, with the
            // right operand's taint empty for a literal.
            case .addConstant(let c):
                stack[sp - 1] = stack[sp - 1] + Interval(c)
            case .subtractConstant(let c):
                stack[sp - 1] = stack[sp - 1] - Interval(c)
            case .multiplyConstant(let c):
                stack[sp - 1] = Self.multiplied(stack[sp - 1], &taints[sp - 1], Interval(c), none)
            case .divideConstant(let c):
                stack[sp - 1] = Self.divided(stack[sp - 1], by: c)
            case .minimumConstant(let c):
                let a = stack[sp - 1]
                stack[sp - 1] = .minimum(a, Interval(c))
                taints[sp - 1] = Self.minimumTaint(a, taints[sp - 1], Interval(c), none)
            case .maximumConstant(let c):
                let a = stack[sp - 1]
                stack[sp - 1] = .maximum(a, Interval(c))
                taints[sp - 1] = Self.maximumTaint(a, taints[sp - 1], Interval(c), none)
            case .constantMinimum(let c):
                let b = stack[sp - 1]
                stack[sp - 1] = .minimum(Interval(c), b)
                taints[sp - 1] = Self.minimumTaint(Interval(c), none, b, taints[sp - 1])
            case .constantMaximum(let c):
                let b = stack[sp - 1]
                stack[sp - 1] = .maximum(Interval(c), b)
                taints[sp - 1] = Self.maximumTaint(Interval(c), none, b, taints[sp - 1])
            case .lessConstant(let c):
                stack[sp - 1] = .lessThan(stack[sp - 1], Interval(c))
            case .lessOrEqualConstant(let c):
                stack[sp - 1] = .lessOrEqual(stack[sp - 1], Interval(c))
            case .greaterConstant(let c):
                stack[sp - 1] = .lessThan(Interval(c), stack[sp - 1])
            case .greaterOrEqualConstant(let c):
                stack[sp - 1] = .lessOrEqual(Interval(c), stack[sp - 1])
            case .equalConstant(let c):
                stack[sp - 1] = .equal(stack[sp - 1], Interval(c))
            case .notEqualConstant(let c):
                stack[sp - 1] = .not(.equal(stack[sp - 1], Interval(c)))
            case .subtractConstantMaximum(let c):
                sp -= 1
                let d = stack[sp - 1] - stack[sp], t = taints[sp - 1] | taints[sp]
                stack[sp - 1] = .maximum(Interval(c), d)
                taints[sp - 1] = Self.maximumTaint(Interval(c), none, d, t)
            case .factLessConstant(let f, let c):
                push(.lessThan(facts[f], Interval(c)), none)
            case .factLessOrEqualConstant(let f, let c):
                push(.lessOrEqual(facts[f], Interval(c)), none)
            case .factGreaterConstant(let f, let c):
                push(.lessThan(Interval(c), facts[f]), none)
            case .factGreaterOrEqualConstant(let f, let c):
                push(.lessOrEqual(Interval(c), facts[f]), none)
            case .factEqualConstant(let f, let c):
                push(.equal(facts[f], Interval(c)), none)
            case .factNotEqualConstant(let f, let c):
                push(.not(.equal(facts[f], Interval(c))), none)
            case .factLessParameter(let f, let i):
                push(.lessThan(facts[f], scalars[i]), taint(i))
            case .factLessOrEqualParameter(let f, let i):
                push(.lessOrEqual(facts[f], scalars[i]), taint(i))
            case .factGreaterParameter(let f, let i):
                push(.lessThan(scalars[i], facts[f]), taint(i))
            case .factGreaterOrEqualParameter(let f, let i):
                push(.lessOrEqual(scalars[i], facts[f]), taint(i))
            case .factEqualAndSkip(let f, let n, let c):
                let v = Interval.equal(facts[Int(f)], Interval(c))
                push(v, none)
                if v.isFalse { pc += Int(n) }
            case .factEqualOrSkip(let f, let n, let c):
                let v = Interval.equal(facts[Int(f)], Interval(c))
                push(v, none)
                if v.isTrue { pc += Int(n) }
            case .definitions(let i, let j):
                pushDefinition(i)
                pushDefinition(j)
            case .addParameter(let i):
                stack[sp - 1] = stack[sp - 1] + scalars[i]
                taints[sp - 1] = taints[sp - 1] | taint(i)
            case .subtractParameter(let i):
                stack[sp - 1] = stack[sp - 1] - scalars[i]
                taints[sp - 1] = taints[sp - 1] | taint(i)
            case .lessParameter(let i):
                stack[sp - 1] = .lessThan(stack[sp - 1], scalars[i])
                taints[sp - 1] = taints[sp - 1] | taint(i)
            case .lessOrEqualParameter(let i):
                stack[sp - 1] = .lessOrEqual(stack[sp - 1], scalars[i])
                taints[sp - 1] = taints[sp - 1] | taint(i)
            case .greaterParameter(let i):
                stack[sp - 1] = .lessThan(scalars[i], stack[sp - 1])
                taints[sp - 1] = taints[sp - 1] | taint(i)
            case .greaterOrEqualParameter(let i):
                stack[sp - 1] = .lessOrEqual(scalars[i], stack[sp - 1])
                taints[sp - 1] = taints[sp - 1] | taint(i)
            case .multiplyMantissa(let i):
                stack[sp - 1] = Self.multiplied(stack[sp - 1], &taints[sp - 1], mantissas[i], taint(i))
            case .scaleMantissa(let i, let scale):
                stack[sp - 1] = Self.divided(Self.multiplied(stack[sp - 1], &taints[sp - 1], mantissas[i], taint(i)), by: scale)
            case .andSkip(let n):
                if stack[sp - 1].isFalse && taints[sp - 1].isEmpty { pc += n }
            case .orSkip(let n):
                if stack[sp - 1].isTrue && taints[sp - 1].isEmpty { pc += n }
            case .thenSkip(let n):
                if stack[sp - 1].isFalse { push(Interval(0), none); pc += n }
            case .elseSkip(let n):
                if stack[sp - 2].isTrue { push(Interval(0), none); pc += n }
            case .store(let i):
                sp -= 1
                definitions[i] = stack[sp]
                definitionTaints[i] = taints[sp]
                computed[i] = true
            }
        }
        return sp > 0 ? (stack[0], taints[0]) : (Interval(0), none)
    }

    /// `a × b`, with `a`'s taint updated in place: a known zero decides the product alone.
    @inline(__always)
    private static func multiplied(_ a: Interval, _ ta: inout ParameterMask, _ b: Interval, _ tb: ParameterMask) -> Interval {
        if a.lo == 0 && a.hi == 0 {
            // keep a's taint
        } else if b.lo == 0 && b.hi == 0 {
            ta = tb
        } else {
            ta = ta | tb
        }
        return a * b
    }

    /// `a / c` for a literal: a positive one keeps the order of the bounds.
    @inline(__always)
    private static func divided(_ a: Interval, by c: Double) -> Interval {
        c > 0 ? Interval(a.lo / c, a.hi / c) : a / Interval(c)
    }

    /// The taint of `min(a, b)`: a side wholly below the other decides it alone.
    @inline(__always)
    private static func minimumTaint(_ a: Interval, _ ta: ParameterMask, _ b: Interval, _ tb: ParameterMask) -> ParameterMask {
        a.hi <= b.lo ? ta : (b.hi <= a.lo ? tb : ta | tb)
    }

    /// The taint of `max(a, b)`: a side wholly above the other decides it alone.
    @inline(__always)
    private static func maximumTaint(_ a: Interval, _ ta: ParameterMask, _ b: Interval, _ tb: ParameterMask) -> ParameterMask {
        a.lo >= b.hi ? ta : (b.lo >= a.hi ? tb : ta | tb)
    }

    /// The taint of `a and b` (or `a or b`) given which sides decide the result on their own.
    private static func decidingTaint(_ aDecides: Bool, _ ta: ParameterMask, _ bDecides: Bool, _ tb: ParameterMask) -> ParameterMask {
        if aDecides && bDecides { return ta.isEmpty ? ta : tb }
        if aDecides { return ta }
        if bDecides { return tb }
        return ta | tb
    }

    private func aggregate(_ a: AggregatePlan, base: Int) -> (Interval, ParameterMask) {
        let span = listSpans[a.list]
        guard span.count >= 0 else {
            switch a.kind {
            case .any, .all: return (.unknownBool, ParameterMask())
            default: return (.nonNegative, ParameterMask())
            }
        }
        var taint = ParameterMask()
        var definite = 0.0, possible = 0.0
        var sumLo = 0.0, sumHi = 0.0
        var definiteMin = Double.infinity, possibleMin = Double.infinity
        var definiteMax = 0.0, possibleMax = 0.0
        let condition = UnsafeBufferPointer(rebasing: code[Int(a.condition.start)..<Int(a.condition.end)])
        for e in span.start..<(span.start + span.count) {
            let element = listValues[e]
            var c = Interval.trueValue
            if !a.condition.isEmpty {
                let (value, t) = run(condition, base: base, local: Interval(element))
                c = value
                taint = taint | t
            }
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
        case .count: return (Interval(definite, possible), taint)
        case .sum: return (Interval(sumLo, sumHi), taint)
        case .any: return (definite > 0 ? .trueValue : (possible > 0 ? .unknownBool : .falseValue), taint)
        case .all:
            let n = Double(span.count)
            return (n == definite ? .trueValue : (n == possible ? .unknownBool : .falseValue), taint)
        case .min: return (Interval(possibleMin, definiteMin), taint)
        case .max: return (Interval(definiteMax, possibleMax), taint)
        }
    }
}
