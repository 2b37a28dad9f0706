/// The names an expression can use, with their types: the pack's facts, definitions and
/// parameters, and the element variable inside an aggregate.
struct Scope {
    struct ParameterEntry {
        let index: Int
        let unit: Unit
        let isTable: Bool
        let scale: Double
    }
    var facts: [String: (index: Int, type: ValueType)] = [:]
    var definitions: [String: (index: Int, type: ValueType)] = [:]
    var parameters: [String: ParameterEntry] = [:]
    /// The values of each enum fact, in order: a value compiles to its position.
    var enumValues: [String: [String]] = [:]

    var allNames: [String] { Array(facts.keys) + Array(definitions.keys) + Array(parameters.keys) }
}

/// Type-checks an expression and compiles it to a flat instruction list.
///
/// Decimal literals and decimal parameters are multiplied by their integer mantissa and then
/// divided by their power of ten (`x * 32%` runs as `x * 32 / 100`): integer-valued products
/// stay exact in Double, so a true half stays a half when the rules round it.
struct Compiler {
    let scope: Scope
    private var ops: [Op] = []
    private var depth = 0
    private var maxDepth = 0
    private var facts = FactMask()
    private var definitions: [Int] = []
    private var parameters = ParameterMask()
    private var tableReads: [(parameter: Int, index: [Op])] = []
    private var local: (name: String, unit: Unit)?
    private var aggregates: [Aggregate]

    init(scope: Scope, aggregates: [Aggregate]) {
        self.scope = scope
        self.aggregates = aggregates
    }

    /// Compiles `source`, expecting `expected` (nil: any scalar type). Returns the program and the
    /// pack's aggregate table, which may have grown.
    static func compile(_ source: String, scope: Scope, expected: Unit?, aggregates: inout [Aggregate]) throws(ExpressionError) -> Program {
        let syntax = try Parser.parse(source)
        var compiler = Compiler(scope: scope, aggregates: aggregates)
        let type = try compiler.emit(syntax)
        guard case .scalar(let unit) = type else {
            throw ExpressionError(column: 1, message: "a rule must give a single value, not a \(type)")
        }
        if let expected, UnitRules.unify(expected, unit) == nil || (expected == .bool) != (unit == .bool) {
            throw ExpressionError(column: 1, message: "expected a \(expected) value but this expression gives \(unit)")
        }
        aggregates = compiler.aggregates
        let final: ValueType = unit == .number && expected != nil ? .scalar(expected!) : type
        return Program(source: source, ops: compiler.ops, type: final, stackDepth: compiler.maxDepth,
                       facts: compiler.facts, definitions: compiler.definitions, parameters: compiler.parameters,
                       tableReads: compiler.tableReads)
    }

    private mutating func push(_ op: Op, _ delta: Int) {
        ops.append(op)
        depth += delta
        maxDepth = max(maxDepth, depth)
    }

    private func unknownName(_ name: String, column: Int, kind: String) -> ExpressionError {
        var candidates = scope.allNames
        if let local { candidates.append(local.name) }
        let hint = Suggest.closest(to: name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
        return ExpressionError(column: column, message: "unknown \(kind) '\(name)'\(hint)")
    }

    /// The scale of a decimal constant or parameter, when multiplying by its mantissa keeps exactness.
    private func decimalFactor(_ s: Syntax) -> (mantissaOps: [Op], scale: Double)? {
        switch s {
        case .number(let m, let scale, _) where scale > 1:
            return ([.constant(m)], scale)
        case .name(let n, _):
            if let p = scope.parameters[n], !p.isTable, p.scale > 1 {
                return ([.parameterMantissa(p.index)], p.scale)
            }
            return nil
        default:
            return nil
        }
    }

    @discardableResult
    private mutating func emit(_ s: Syntax) throws(ExpressionError) -> ValueType {
        switch s {
        case .number(let m, let scale, _):
            push(.constant(m / scale), 1)
            return .scalar(scale == 100 || (scale > 1 && m / scale < 1) ? .ratio : .number)

        case .name(let n, let column):
            if n == "true" { push(.constant(1), 1); return .scalar(.bool) }
            if n == "false" { push(.constant(0), 1); return .scalar(.bool) }
            if let local, local.name == n { push(.local, 1); return .scalar(local.unit) }
            if let values = scope.enumValues[n] {
                let example = values.first.map { " == \"\($0)\"" } ?? ""
                throw ExpressionError(column: column, message: "'\(n)' is one of several values: compare it with one, e.g. \(n)\(example)")
            }
            if let f = scope.facts[n] {
                facts = facts | .single(f.index)
                if case .scalar = f.type { push(.fact(f.index), 1) }
                return f.type
            }
            if let d = scope.definitions[n] {
                if !definitions.contains(d.index) { definitions.append(d.index) }
                push(.definition(d.index), 1)
                return d.type
            }
            if let p = scope.parameters[n] {
                if p.isTable {
                    throw ExpressionError(column: column, message: "'\(n)' is a table; index it, e.g. \(n)[household_size]")
                }
                parameters = parameters | .single(p.index)
                push(.parameter(p.index), 1)
                return .scalar(p.unit)
            }
            throw unknownName(n, column: column, kind: "name")

        case .string(let text, let column):
            throw ExpressionError(column: column, message: "\"\(text)\" can only be compared with an enum fact, e.g. nationality == \"\(text)\"")

        case .index(let n, let index, let column):
            guard let p = scope.parameters[n] else { throw unknownName(n, column: column, kind: "table") }
            guard p.isTable else { throw ExpressionError(column: column, message: "'\(n)' is a single value, not a table") }
            let start = ops.count
            let t = try emit(index)
            guard t == .scalar(.count) || t == .scalar(.number) else {
                throw ExpressionError(column: index.column, message: "a table index must be a count (household size), not \(t)")
            }
            tableReads.append((p.index, Array(ops[start...])))
            parameters = parameters | .single(p.index)
            push(.table(p.index), 0)
            return .scalar(p.unit)

        case .unary(let op, let inner, let column):
            let t = try emitScalar(inner)
            if op == "not" {
                guard t == .bool else { throw ExpressionError(column: column, message: "'not' needs a yes/no value, not \(t)") }
                push(.not, 0)
                return .scalar(.bool)
            }
            guard t != .bool else { throw ExpressionError(column: column, message: "cannot negate a yes/no value") }
            push(.negate, 0)
            return .scalar(t)

        case .binary(let op, let a, let b, let column):
            return .scalar(try emitBinary(op, a, b, column: column))

        case .choose(let c, let a, let b, let column):
            let ct = try emitScalar(c)
            guard ct == .bool else { throw ExpressionError(column: c.column, message: "'if' needs a yes/no condition, not \(ct)") }
            let at = try emitScalar(a)
            let bt = try emitScalar(b)
            guard let u = UnitRules.unify(at, bt), (at == .bool) == (bt == .bool) else {
                throw ExpressionError(column: column, message: "'then' gives \(at) but 'else' gives \(bt)")
            }
            push(.choose, -2)
            return .scalar(u)

        case .call(let name, let args, let column):
            return .scalar(try emitCall(name, args, column: column))

        case .aggregate(let kind, let variable, let listName, let listColumn, let condition, let column):
            guard local == nil else { throw ExpressionError(column: column, message: "aggregates cannot be nested") }
            guard let f = scope.facts[listName], case .list(let elementUnit) = f.type else {
                if scope.facts[listName] != nil {
                    throw ExpressionError(column: listColumn, message: "'\(listName)' is not a list")
                }
                throw unknownName(listName, column: listColumn, kind: "list fact")
            }
            facts = facts | .single(f.index)
            var body: [Op] = []
            if let condition {
                let saved = (ops, depth)
                ops = []
                local = (variable, elementUnit)
                let t = try emitScalar(condition)
                local = nil
                guard t == .bool else { throw ExpressionError(column: condition.column, message: "'where' needs a yes/no condition, not \(t)") }
                body = ops
                ops = saved.0
                depth = saved.1
            } else if kind == "any" || kind == "all" {
                throw ExpressionError(column: column, message: "'\(kind)' needs a 'where' condition")
            }
            guard let k = AggregateKind(rawValue: kind) else { throw ExpressionError(column: column, message: "unknown aggregate '\(kind)'") }
            aggregates.append(Aggregate(kind: k, list: f.index, condition: body))
            push(.aggregate(aggregates.count - 1), 1)
            switch k {
            case .count: return .scalar(.count)
            case .any, .all: return .scalar(.bool)
            case .sum, .min, .max: return .scalar(elementUnit)
            }
        }
    }

    private mutating func emitScalar(_ s: Syntax) throws(ExpressionError) -> Unit {
        let t = try emit(s)
        guard case .scalar(let u) = t else {
            throw ExpressionError(column: s.column, message: "a list cannot be used here; use count(…), sum(…), any(…) or size(…)")
        }
        return u
    }

    private mutating func emitBinary(_ op: String, _ a: Syntax, _ b: Syntax, column: Int) throws(ExpressionError) -> Unit {
        // Multiplication commutes: put a decimal factor on the right so it multiplies exactly.
        if op == "*", decimalFactor(b) == nil, decimalFactor(a) != nil {
            return try emitBinary(op, b, a, column: column)
        }
        if op == "*", let factor = decimalFactor(b) {
            let at = try emitScalar(a)
            for o in factor.mantissaOps { push(o, o.stackDelta) }
            push(.multiply, -1)
            push(.constant(factor.scale), 1)
            push(.divide, -1)
            let bt: Unit = {
                if case .number = b { return .ratio }
                if case .name(let n, _) = b { return scope.parameters[n]?.unit ?? .ratio }
                return .ratio
            }()
            if case .name(let n, _) = b, let p = scope.parameters[n] { parameters = parameters | .single(p.index) }
            guard let u = UnitRules.multiply(at, bt) else {
                throw ExpressionError(column: column, message: "cannot multiply \(at) by \(bt)")
            }
            return u
        }
        if op == "==" || op == "!=", let comparison = try enumComparison(a, b) {
            push(.fact(comparison.fact), 1)
            push(.constant(Double(comparison.position)), 1)
            push(op == "==" ? .equal : .notEqual, -1)
            return .bool
        }
        let at = try emitScalar(a)
        let bt = try emitScalar(b)
        func mismatch(_ verb: String) -> ExpressionError {
            ExpressionError(column: column, message: "cannot \(verb) \(at) and \(bt)")
        }
        switch op {
        case "+": guard let u = UnitRules.add(at, bt) else { throw mismatch("add") }; push(.add, -1); return u
        case "-": guard let u = UnitRules.add(at, bt) else { throw mismatch("subtract") }; push(.subtract, -1); return u
        case "*": guard let u = UnitRules.multiply(at, bt) else { throw ExpressionError(column: column, message: "cannot multiply \(at) by \(bt)") }; push(.multiply, -1); return u
        case "/": guard let u = UnitRules.divide(at, bt) else { throw ExpressionError(column: column, message: "cannot divide \(at) by \(bt)") }; push(.divide, -1); return u
        case "and", "or":
            guard at == .bool, bt == .bool else { throw ExpressionError(column: column, message: "'\(op)' joins yes/no values, not \(at) and \(bt)") }
            push(op == "and" ? .and : .or, -1)
            return .bool
        default:
            let equality = op == "==" || op == "!="
            guard UnitRules.compare(at, bt, equality: equality) else { throw mismatch("compare") }
            let code: Op = switch op {
            case "<": .less
            case "<=": .lessOrEqual
            case ">": .greater
            case ">=": .greaterOrEqual
            case "==": .equal
            default: .notEqual
            }
            push(code, -1)
            return .bool
        }
    }

    /// `nationality == "korean"` (either way round): the fact's slot and the value's position.
    /// An unknown value is a load error, so a misspelt literal can never be silently false.
    private mutating func enumComparison(_ a: Syntax, _ b: Syntax) throws(ExpressionError) -> (fact: Int, position: Int)? {
        let pair: (name: String, nameColumn: Int, text: String, textColumn: Int)
        switch (a, b) {
        case (.name(let n, let nc), .string(let t, let tc)), (.string(let t, let tc), .name(let n, let nc)):
            pair = (n, nc, t, tc)
        default:
            return nil
        }
        guard let values = scope.enumValues[pair.name], let f = scope.facts[pair.name] else {
            if scope.facts[pair.name] != nil || scope.definitions[pair.name] != nil || scope.parameters[pair.name] != nil {
                throw ExpressionError(column: pair.nameColumn, message: "'\(pair.name)' is not an enum fact; only an enum compares with \"\(pair.text)\"")
            }
            throw unknownName(pair.name, column: pair.nameColumn, kind: "enum fact")
        }
        guard let position = values.firstIndex(of: pair.text) else {
            let hint = Suggest.closest(to: pair.text, in: values).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw ExpressionError(column: pair.textColumn,
                                  message: "\"\(pair.text)\" is not a value of '\(pair.name)'\(hint); its values are \(values.joined(separator: ", "))")
        }
        facts = facts | .single(f.index)
        return (f.index, position)
    }

    private mutating func emitCall(_ name: String, _ args: [Syntax], column: Int) throws(ExpressionError) -> Unit {
        switch name {
        case "min", "max":
            guard args.count >= 2 else { throw ExpressionError(column: column, message: "\(name)(…) needs at least two values") }
            var unit = try emitScalar(args[0])
            for arg in args.dropFirst() {
                let t = try emitScalar(arg)
                guard let u = UnitRules.unify(unit, t), u != .bool else {
                    throw ExpressionError(column: arg.column, message: "\(name)(…) mixes \(unit) and \(t)")
                }
                unit = u
                push(name == "min" ? .minimum : .maximum, -1)
            }
            return unit
        case "round", "floor", "ceil":
            guard args.count == 1 || args.count == 2 else {
                throw ExpressionError(column: column, message: "\(name)(x) or \(name)(x, step) takes one or two values")
            }
            var step = 1.0
            if args.count == 2 {
                guard case .number(let m, let s, _) = args[1], m > 0 else {
                    throw ExpressionError(column: args[1].column, message: "the rounding step must be a positive number such as 10")
                }
                step = m / s
            }
            let t = try emitScalar(args[0])
            guard t != .bool else { throw ExpressionError(column: column, message: "cannot round a yes/no value") }
            push(name == "round" ? .round(step) : name == "floor" ? .floor(step) : .ceil(step), 0)
            return t
        case "surely":
            // For a figure that counts only once it is certain, such as a pension the household
            // has not been granted yet: the open case reads as "not yet".
            guard args.count == 1 else { throw ExpressionError(column: column, message: "surely(…) takes one yes/no value") }
            let t = try emitScalar(args[0])
            guard t == .bool else { throw ExpressionError(column: column, message: "surely(…) takes a yes/no value, not \(t)") }
            push(.surely, 0)
            return .bool
        case "size":
            guard args.count == 1, case .name(let n, let c) = args[0] else {
                throw ExpressionError(column: column, message: "size(…) takes one list fact")
            }
            guard let f = scope.facts[n], case .list = f.type else { throw unknownName(n, column: c, kind: "list fact") }
            facts = facts | .single(f.index)
            push(.size(f.index), 1)
            return .count
        default:
            let known = ["min", "max", "round", "floor", "ceil", "surely", "size", "count", "sum", "any", "all"]
            let hint = Suggest.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw ExpressionError(column: column, message: "unknown function '\(name)'\(hint)")
        }
    }
}

extension Op {
    /// What an instruction does to the stack's height (`Op.pushes` less `Op.pops`).
    var stackDelta: Int { pushes - pops }
}

/// "Did you mean" for misspelt names: the closest candidate within a small edit distance.
enum Suggest {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = max(1, min(3, word.count / 3))
        var best: (String, Int)?
        for c in candidates.sorted() {
            let d = distance(word, c)
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
