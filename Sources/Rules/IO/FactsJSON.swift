/// A problem with a household's facts given as JSON, naming the key or position.
public struct FactsInputError: Error, Sendable, CustomStringConvertible, Equatable {
    public let line: Int
    public let column: Int
    public let key: String?
    public let message: String
    public var description: String {
        let text = "line \(line), column \(column): " + (key.map { "fact '\($0)': " } ?? "") + message
        // One line, whatever the input: a key may hold "\n" as an escape, and it is echoed back.
        var out = ""
        for u in text.unicodeScalars {
            if u.value < 0x20 || u.value == 0x7F || u.value == 0x2028 || u.value == 0x2029 {
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

/// Reads one JSON object of facts and checks it against a pack's vocabulary.
///
/// A small parser of our own, rather than Foundation's, so that every error carries a line and
/// column and so that `1` and `true` and `1.0` stay distinct: a wrong type must be an error,
/// never a silent conversion.
public enum FactsJSON {
    public static func parse(_ text: String, vocabulary: [FactSpec]) throws(FactsInputError) -> Facts {
        var reader = JSONReader(Array(text.utf8))
        let root = try reader.document()
        guard case .object(let members) = root.value else {
            throw FactsInputError(line: root.line, column: root.column, key: nil, message: "expected a JSON object of facts, like {\"age\": 67}")
        }
        let specs = Dictionary(uniqueKeysWithValues: vocabulary.map { ($0.key.rawValue, $0) })
        var facts = Facts()
        var seen = Set<String>()
        for member in members {
            let key = member.key
            guard seen.insert(key).inserted else {
                throw FactsInputError(line: member.keyLine, column: member.keyColumn, key: key, message: "given twice")
            }
            guard let spec = specs[key] else {
                let hint = Suggest.closest(to: key, in: Array(specs.keys)).map { " (did you mean '\($0)'?)" } ?? ""
                throw FactsInputError(line: member.keyLine, column: member.keyColumn, key: nil, message: "unknown fact '\(key)'\(hint)")
            }
            let v = member.value
            func fail(_ message: String) -> FactsInputError {
                FactsInputError(line: v.line, column: v.column, key: key, message: message)
            }
            func integer(_ node: JSONNode, what: String) throws(FactsInputError) -> Int {
                guard case .number(let text) = node.value else { throw FactsInputError(line: node.line, column: node.column, key: key, message: "expected \(what), got \(node.value.kind)") }
                guard text.allSatisfy({ $0.isNumber || $0 == "-" }) else {
                    throw FactsInputError(line: node.line, column: node.column, key: key, message: "expected \(what), got \(text)")
                }
                guard let n = Int(text) else {
                    // Too many digits for any fact: beyond every bound, so say which bound.
                    let tooLarge = spec.type == .scalar(.won) ? "an amount above 10,000,000,000,000 won (10조) is not allowed, got \(text)"
                        : "\(text) is far too large"
                    throw FactsInputError(line: node.line, column: node.column, key: key, message: text.hasPrefix("-") ? "must not be negative (\(text))" : tooLarge)
                }
                return n
            }
            if case .null = v.value { continue }
            if spec.isEnum {
                guard case .string(let text) = v.value, spec.values.contains(text) else {
                    throw fail("expected one of " + spec.values.map { "\"\($0)\"" }.joined(separator: ", ") + ", got \(v.value.kind)")
                }
                facts[spec.key] = .choice(text)
                continue
            }
            switch (spec.type, v.value) {
            case (_, .null):
                continue
            case (.scalar(.bool), .bool(let b)):
                facts[spec.key] = .bool(b)
            case (.scalar(.bool), _):
                throw fail("expected true or false, got \(v.value.kind)")
            case (.scalar(let unit), _):
                let n = try integer(v, what: unit == .won ? "a whole number of won" : "a whole number")
                if let problem = spec.problem(with: n) { throw fail(problem) }
                facts[spec.key] = .number(n)
            case (.list, .array(let items)):
                var values: [Int] = []
                for item in items {
                    let n = try integer(item, what: "a whole number of months")
                    if let problem = spec.problem(with: n) { throw FactsInputError(line: item.line, column: item.column, key: key, message: problem) }
                    values.append(n)
                }
                facts[spec.key] = .list(values)
            case (.list, _):
                throw fail("expected a list of numbers like [30, 60], got \(v.value.kind)")
            }
        }
        if let c = FactRelations.contradiction(in: facts) {
            let member = members.first { $0.key == c.key.rawValue }
            throw FactsInputError(line: member?.keyLine ?? root.line, column: member?.keyColumn ?? root.column, key: c.key.rawValue,
                                  message: "contradicts '\(c.other)': \(c.message)")
        }
        return facts
    }
}

/// A JSON value with where it starts.
struct JSONNode {
    indirect enum Value {
        case null, bool(Bool), number(String), string(String), array([JSONNode]), object([Member])
        var kind: String {
            switch self {
            case .null: "null"
            case .bool: "true/false"
            case .number(let n): "the number \(n)"
            case .string(let s): "the text \"\(s)\""
            case .array: "a list"
            case .object: "an object"
            }
        }
    }
    struct Member {
        let key: String
        let keyLine: Int
        let keyColumn: Int
        let value: JSONNode
    }
    let value: Value
    let line: Int
    let column: Int
}

/// A strict RFC 8259 reader over UTF-8 bytes that tracks line and column.
struct JSONReader {
    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private var column: Int { i - lineStart + 1 }

    private func error(_ message: String) -> FactsInputError {
        FactsInputError(line: line, column: column, key: nil, message: "invalid JSON: \(message)")
    }

    mutating func document() throws(FactsInputError) -> JSONNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3; lineStart = 3 }
        skipSpace()
        let v = try value(depth: 0)
        skipSpace()
        if i < bytes.count { throw error("unexpected '\(Character(UnicodeScalar(bytes[i])))' after the object") }
        return v
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A: i += 1; line += 1; lineStart = i
            default: return
            }
        }
    }

    private mutating func literal(_ word: String, _ v: JSONNode.Value, _ l: Int, _ c: Int) throws(FactsInputError) -> JSONNode {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { throw error("unexpected character") }
        i += w.count
        return JSONNode(value: v, line: l, column: c)
    }

    private mutating func value(depth: Int) throws(FactsInputError) -> JSONNode {
        guard depth < 64 else { throw error("nested too deeply") }
        guard i < bytes.count else { throw error("unexpected end of input") }
        let l = line, c = column
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [JSONNode.Member] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return JSONNode(value: .object(members), line: l, column: c) }
            while true {
                skipSpace()
                let kl = line, kc = column
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
                i += 1
                skipSpace()
                let v = try value(depth: depth + 1)
                members.append(.init(key: key, keyLine: kl, keyColumn: kc, value: v))
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of input; expected ',' or '}'") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; break }
                throw error("expected ',' or '}'")
            }
            return JSONNode(value: .object(members), line: l, column: c)
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONNode] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return JSONNode(value: .array(items), line: l, column: c) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of input; expected ',' or ']'") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; break }
                throw error("expected ',' or ']'")
            }
            return JSONNode(value: .array(items), line: l, column: c)
        case UInt8(ascii: "\""):
            return JSONNode(value: .string(try string()), line: l, column: c)
        case UInt8(ascii: "t"): return try literal("true", .bool(true), l, c)
        case UInt8(ascii: "f"): return try literal("false", .bool(false), l, c)
        case UInt8(ascii: "n"): return try literal("null", .null, l, c)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = i
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            let digitsStart = i
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            if i == digitsStart { throw error("a number needs digits") }
            if bytes[digitsStart] == UInt8(ascii: "0") && i - digitsStart > 1 { throw error("numbers must not start with 0") }
            while i < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[i])
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            guard Double(text) != nil else { throw error("malformed number '\(text)'") }
            return JSONNode(value: .number(text), line: l, column: c)
        default:
            throw error("unexpected character '\(String(decoding: [bytes[i]], as: UTF8.self))'")
        }
    }

    private mutating func string() throws(FactsInputError) -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if b < 0x20 { throw error("control character inside a string") }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { break }
                switch bytes[i] {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard i + 4 < bytes.count, let code = UInt32(String(decoding: bytes[i + 1...i + 4], as: UTF8.self), radix: 16) else {
                        throw error("bad \\u escape")
                    }
                    out.append(contentsOf: Array(String(UnicodeScalar(code).map(Character.init) ?? "\u{FFFD}").utf8))
                    i += 4
                case let e where [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/")].contains(e): out.append(e)
                default: throw error("bad escape")
                }
                i += 1
                continue
            }
            out.append(b)
            i += 1
        }
        throw error("unterminated string")
    }
}

extension FactsJSON {
    /// Writes facts as the JSON object `parse` reads (`welfare-kiosk eval`'s input format), so a
    /// household can travel as text to whatever evaluates it again (the explainer worker).
    ///
    /// Keys come in `order` (a pack's fact order, say), then any others alphabetically, one per
    /// line, so the same facts always give the same text. Unknown facts are left out, as `eval`
    /// reads an absent key: unknown.
    public static func encode(_ facts: Facts, order: [FactKey] = []) -> String {
        let ranked = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = facts.values.keys.sorted { a, b in
            switch (ranked[a], ranked[b]) {
            case let (x?, y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.rawValue < b.rawValue
            }
        }
        guard !keys.isEmpty else { return "{}" }
        let members = keys.map { key -> String in
            let value: String = switch facts.values[key]! {
            case .number(let n): String(n)
            case .bool(let b): b ? "true" : "false"
            case .list(let items): "[" + items.map(String.init).joined(separator: ", ") + "]"
            case .choice(let c): JSONWriter.quote(c)
            }
            return "  " + JSONWriter.quote(key.rawValue) + ": " + value
        }
        return "{\n" + members.joined(separator: ",\n") + "\n}"
    }
}

extension RulePack {
    /// What `welfare-kiosk eval` does with its input, without the I/O: the facts read against
    /// this pack's vocabulary and evaluated with the trace. Tests call it to run the binary's
    /// own path in-process.
    public func evaluate(json text: String, on day: Day) throws(FactsInputError) -> Evaluation {
        evaluate(try FactsJSON.parse(text, vocabulary: facts), on: day, trace: true)
    }

    /// The same over several packs (`eval` with every pack kiosk.conf enables): the facts read
    /// against their joint vocabulary (the first pack's facts, then the others'), each pack
    /// evaluated with the trace, in the order given.
    public static func evaluate(json text: String, packs: [RulePack], on day: Day) throws(FactsInputError) -> [Evaluation] {
        guard packs.count > 1 else { return try packs.map { pack throws(FactsInputError) in try pack.evaluate(json: text, on: day) } }
        var vocabulary: [FactSpec] = []
        var seen: Set<FactKey> = []
        for pack in packs {
            for fact in pack.facts where seen.insert(fact.key).inserted { vocabulary.append(fact) }
        }
        let facts = try FactsJSON.parse(text, vocabulary: vocabulary)
        return packs.map { $0.evaluate(facts, on: day, trace: true) }
    }
}
