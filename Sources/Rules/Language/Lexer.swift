/// One token of an expression, with its column (1-based, in characters) inside the string.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(mantissa: Double, scale: Double)
        case identifier(String)
        /// A double-quoted value of an enum fact: `"korean"`.
        case string(String)
        case symbol(String)
        case end
    }
    let kind: Kind
    let column: Int
}

/// An error inside one expression: the column is relative to the expression's first character.
struct ExpressionError: Error, Equatable {
    let column: Int
    let message: String
}

/// Splits an expression into tokens. Numbers keep their decimal digits as an integer mantissa
/// and a power-of-ten scale (`4.17%` → 417 / 10000) so the compiler can multiply exactly.
enum Lexer {
    static let symbols = ["<=", ">=", "==", "!=", "+", "-", "*", "/", "<", ">", "(", ")", "[", "]", ","]

    static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
        let chars = Array(text)
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c == " " || c == "\t" || c == "\n" { i += 1; continue }
            if c.isASCII && c.isNumber {
                var digits = ""
                var fraction = 0
                var seenDot = false
                while i < chars.count, (chars[i].isASCII && chars[i].isNumber) || chars[i] == "_" || chars[i] == "." {
                    if chars[i] == "." {
                        if seenDot { throw ExpressionError(column: i + 1, message: "a number has two decimal points") }
                        seenDot = true
                    } else if chars[i] != "_" {
                        digits.append(chars[i])
                        if seenDot { fraction += 1 }
                    }
                    i += 1
                }
                var scale = 1.0
                for _ in 0..<fraction { scale *= 10 }
                if i < chars.count, chars[i] == "%" { scale *= 100; i += 1 }
                guard let mantissa = Double(digits), mantissa < 9_007_199_254_740_992 else {
                    throw ExpressionError(column: column, message: "number '\(digits)' is too long")
                }
                tokens.append(Token(kind: .number(mantissa: mantissa, scale: scale), column: column))
                continue
            }
            if c.isLetter || c == "_" {
                var name = ""
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" {
                    name.append(chars[i])
                    i += 1
                }
                tokens.append(Token(kind: .identifier(name), column: column))
                continue
            }
            if c == "\"" {
                var text = ""
                i += 1
                while i < chars.count, chars[i] != "\"" {
                    text.append(chars[i])
                    i += 1
                }
                guard i < chars.count else { throw ExpressionError(column: column, message: "a quoted value is not closed (add '\"')") }
                i += 1
                tokens.append(Token(kind: .string(text), column: column))
                continue
            }
            if i + 1 < chars.count, symbols.contains(String([c, chars[i + 1]])) {
                tokens.append(Token(kind: .symbol(String([c, chars[i + 1]])), column: column))
                i += 2
                continue
            }
            if symbols.contains(String(c)) {
                tokens.append(Token(kind: .symbol(String(c)), column: column))
                i += 1
                continue
            }
            if c == "=" {
                throw ExpressionError(column: column, message: "'=' is not an operator here (write '==' to compare)")
            }
            throw ExpressionError(column: column, message: "unexpected character '\(c)'")
        }
        tokens.append(Token(kind: .end, column: chars.count + 1))
        return tokens
    }
}
