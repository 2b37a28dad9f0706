/// The syntax tree of one rule expression, before names are resolved.
indirect enum Syntax: Equatable {
    case number(mantissa: Double, scale: Double, column: Int)
    case name(String, column: Int)
    /// A double-quoted literal, only meaningful compared with an enum fact.
    case string(String, column: Int)
    case index(String, Syntax, column: Int)
    case unary(String, Syntax, column: Int)
    case binary(String, Syntax, Syntax, column: Int)
    case choose(Syntax, Syntax, Syntax, column: Int)
    case call(String, [Syntax], column: Int)
    /// `count(child in children_age_months where child < 96)`; `condition` is optional.
    case aggregate(String, variable: String, list: String, listColumn: Int, condition: Syntax?, column: Int)

    var column: Int {
        switch self {
        case .number(_, _, let c), .name(_, let c), .string(_, let c), .index(_, _, let c), .unary(_, _, let c),
             .binary(_, _, _, let c), .choose(_, _, _, let c), .call(_, _, let c):
            c
        case .aggregate(_, _, _, _, _, let c):
            c
        }
    }
}

/// A Pratt parser for the rule language: `or` < `and` < `not` < comparisons < `+ -` < `* /`.
struct Parser {
    private var tokens: [Token]
    private var position = 0

    static let keywords: Set<String> = ["and", "or", "not", "if", "then", "else", "in", "where"]
    static let aggregates: Set<String> = ["count", "sum", "min", "max", "any", "all"]

    static func parse(_ text: String) throws(ExpressionError) -> Syntax {
        var parser = Parser(tokens: try Lexer.tokenize(text))
        let result = try parser.expression(0)
        guard case .end = parser.peek.kind else {
            throw ExpressionError(column: parser.peek.column, message: "unexpected \(parser.describe(parser.peek)) after a complete expression")
        }
        return result
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private var peek: Token { tokens[position] }
    private mutating func advance() -> Token {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    private func describe(_ t: Token) -> String {
        switch t.kind {
        case .number: "number"
        case .identifier(let s): "'\(s)'"
        case .string(let s): "\"\(s)\""
        case .symbol(let s): "'\(s)'"
        case .end: "end of expression"
        }
    }

    private mutating func expect(symbol: String) throws(ExpressionError) {
        let t = advance()
        guard case .symbol(let s) = t.kind, s == symbol else {
            throw ExpressionError(column: t.column, message: "expected '\(symbol)' but found \(describe(t))")
        }
    }

    private mutating func expect(keyword: String) throws(ExpressionError) {
        let t = advance()
        guard case .identifier(let s) = t.kind, s == keyword else {
            throw ExpressionError(column: t.column, message: "expected '\(keyword)' but found \(describe(t))")
        }
    }

    /// The binding power of an infix operator, or nil if the token is not one.
    private func infixPower(_ t: Token) -> (String, Int)? {
        switch t.kind {
        case .identifier("or"): ("or", 1)
        case .identifier("and"): ("and", 2)
        case .symbol(let s) where ["<", "<=", ">", ">=", "==", "!="].contains(s): (s, 4)
        case .symbol(let s) where s == "+" || s == "-": (s, 5)
        case .symbol(let s) where s == "*" || s == "/": (s, 6)
        default: nil
        }
    }

    private mutating func expression(_ minPower: Int) throws(ExpressionError) -> Syntax {
        var left = try prefix()
        while let (op, power) = infixPower(peek), power > minPower {
            let column = advance().column
            let right = try expression(power)
            if power == 4, case .binary(let inner, _, _, _) = left, ["<", "<=", ">", ">=", "==", "!="].contains(inner) {
                throw ExpressionError(column: column, message: "comparisons do not chain; join them with 'and'")
            }
            left = .binary(op, left, right, column: column)
        }
        return left
    }

    private mutating func prefix() throws(ExpressionError) -> Syntax {
        let t = advance()
        switch t.kind {
        case .number(let m, let s):
            return .number(mantissa: m, scale: s, column: t.column)
        case .string(let text):
            return .string(text, column: t.column)
        case .symbol("("):
            let inner = try expression(0)
            try expect(symbol: ")")
            return inner
        case .symbol("-"):
            return .unary("-", try expression(6), column: t.column)
        case .identifier("not"):
            return .unary("not", try expression(3), column: t.column)
        case .identifier("if"):
            let c = try expression(0)
            try expect(keyword: "then")
            let a = try expression(0)
            try expect(keyword: "else")
            let b = try expression(0)
            return .choose(c, a, b, column: t.column)
        case .identifier(let name) where !Parser.keywords.contains(name):
            if case .symbol("[") = peek.kind {
                _ = advance()
                let index = try expression(0)
                try expect(symbol: "]")
                return .index(name, index, column: t.column)
            }
            if case .symbol("(") = peek.kind {
                _ = advance()
                return try call(name, column: t.column)
            }
            return .name(name, column: t.column)
        default:
            throw ExpressionError(column: t.column, message: "expected a value but found \(describe(t))")
        }
    }

    private mutating func call(_ name: String, column: Int) throws(ExpressionError) -> Syntax {
        // `count(v in list where cond)`: an identifier followed by `in` marks an aggregate.
        if Parser.aggregates.contains(name), case .identifier(let v) = peek.kind,
           case .identifier("in") = tokens[min(position + 1, tokens.count - 1)].kind {
            _ = advance()
            _ = advance()
            let listToken = advance()
            guard case .identifier(let list) = listToken.kind else {
                throw ExpressionError(column: listToken.column, message: "expected a list fact after 'in'")
            }
            var condition: Syntax?
            if case .identifier("where") = peek.kind {
                _ = advance()
                condition = try expression(0)
            }
            try expect(symbol: ")")
            return .aggregate(name, variable: v, list: list, listColumn: listToken.column, condition: condition, column: column)
        }
        var args: [Syntax] = []
        if case .symbol(")") = peek.kind {
            _ = advance()
            return .call(name, args, column: column)
        }
        while true {
            args.append(try expression(0))
            let t = advance()
            if case .symbol(")") = t.kind { break }
            guard case .symbol(",") = t.kind else {
                throw ExpressionError(column: t.column, message: "expected ',' or ')' but found \(describe(t))")
            }
        }
        return .call(name, args, column: column)
    }
}
