import PropertyBased
import Rules

/// Random inputs for `eval`: JSON texts of facts, most of them plausible, many of them extreme
/// or wrong on purpose.
///
/// Each fact of the vocabulary is left out (unknown), set to null, to a value inside its range,
/// to a boundary (its minimum and maximum, one past either, zero, the contract's 10조 bound and
/// one won more, `Int.max`, `Int.min`, 4.6 × 10¹⁸ so two of them overflow a sum), to more digits
/// than any integer holds, or to a value of the wrong type. Facts that contradict each other
/// (a spouse's age without a spouse) come from combining them freely. One text in eight is
/// malformed JSON: cut short, a stray byte, a key twice, an unknown key, nested too deep, not
/// an object.
enum Households {
    /// A batch of `count` texts, so one property check covers many households at little cost.
    static func batches(_ vocabulary: [FactSpec], count: Int) -> Generator<[String], Shrink.None<[String]>> {
        Generator { rng in
            var out: [String] = []
            out.reserveCapacity(count)
            for _ in 0..<count { out.append(household(vocabulary, &rng)) }
            return out
        }
    }

    static func household(_ vocabulary: [FactSpec], _ rng: inout any SeededRandomNumberGenerator) -> String {
        var members: [String] = []
        // Most households say little, as a citizen early in a session does; some say everything.
        let density = [0.1, 0.3, 0.6, 0.95][Int.random(in: 0..<4, using: &rng)]
        // Half the households have one wrong or extreme value somewhere; a wrong value in every
        // household would leave the engine itself untested behind the input checks.
        let wild = Bool.random(using: &rng) ? Int.random(in: 0..<vocabulary.count, using: &rng) : -1
        for (i, spec) in vocabulary.enumerated() where Double.random(in: 0..<1, using: &rng) < density || i == wild {
            members.append(quote(spec.key.rawValue) + ": " + (i == wild ? value(spec, &rng) : plausible(spec, &rng)))
        }
        members.shuffle(using: &rng)
        let text = "{" + members.joined(separator: ", ") + "}"
        return Int.random(in: 0..<8, using: &rng) == 0 ? malformed(text, vocabulary, &rng) : text
    }

    /// A value inside the fact's range (or null), as a real household's answer.
    static func plausible(_ spec: FactSpec, _ rng: inout any SeededRandomNumberGenerator) -> String {
        if Int.random(in: 0..<50, using: &rng) == 0 { return "null" }
        if spec.isBool { return Bool.random(using: &rng) ? "true" : "false" }
        let top = spec.maximum.isFinite ? Int(spec.maximum) : Won.largestFact.value
        let low = Int(spec.minimum)
        func one() -> String {
            let cap = Int.random(in: 0..<10, using: &rng) == 0 ? top : Swift.min(top, low + [20, 200, 5_000_000][Int.random(in: 0..<3, using: &rng)])
            return String(Int.random(in: low...Swift.max(low, cap), using: &rng))
        }
        if spec.isList { return "[" + (0..<Int.random(in: 0...4, using: &rng)).map { _ in one() }.joined(separator: ", ") + "]" }
        if case .scalar = spec.type { return one() }
        return value(spec, &rng)
    }

    /// The JSON text of one value for `spec`, often extreme or of the wrong type.
    static func value(_ spec: FactSpec, _ rng: inout any SeededRandomNumberGenerator) -> String {
        let roll = Int.random(in: 0..<100, using: &rng)
        if roll < 4 { return "null" }
        if roll < 10 { return wrongType(&rng) }
        if spec.isBool { return Bool.random(using: &rng) ? "true" : "false" }
        if spec.isList {
            let n = Int.random(in: 0...6, using: &rng)
            return "[" + (0..<n).map { _ in String(integer(spec, &rng)) }.joined(separator: ", ") + "]"
        }
        if case .scalar = spec.type { return roll < 13 ? "99999999999999999999999" : String(integer(spec, &rng)) }
        // A fact type this test does not know yet (an enum): words, right and wrong.
        return ["\"korean\"", "\"foreign\"", "\"resident\"", "\"unregistered\"", "\"\"", "\"한국\""].randomElement(using: &rng)!
    }

    static func integer(_ spec: FactSpec, _ rng: inout any SeededRandomNumberGenerator) -> Int {
        let bound = Won.largestFact.value
        let top = spec.maximum.isFinite ? Int(spec.maximum) : bound
        let low = Int(spec.minimum)
        if Int.random(in: 0..<3, using: &rng) > 0 {
            // Inside the range, often small (a few months, a modest income), sometimes anywhere.
            let cap = Bool.random(using: &rng) ? Swift.min(top, low + 5_000_000) : top
            return Int.random(in: low...Swift.max(low, cap), using: &rng)
        }
        let edges = [low, top, low - 1, top + 1, 0, -1, bound, bound + 1, Int.max, Int.min, 4_600_000_000_000_000_000]
        return edges.randomElement(using: &rng)!
    }

    static func wrongType(_ rng: inout any SeededRandomNumberGenerator) -> String {
        ["\"12\"", "true", "1.5", "1e3", "-0", "[]", "{}", "[1, [2]]", "\"\"", "0.0"].randomElement(using: &rng)!
    }

    static func malformed(_ text: String, _ vocabulary: [FactSpec], _ rng: inout any SeededRandomNumberGenerator) -> String {
        let bytes = Array(text.utf8)
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: return String(decoding: bytes.prefix(Int.random(in: 0..<Swift.max(1, bytes.count), using: &rng)), as: UTF8.self)
        case 1:
            var b = bytes
            let junk: [UInt8] = [0x00, 0x22, 0x5C, 0x7B, 0x7D, 0x2C, 0x3A, 0xFF, 0xC3, 0x0A, 0x5B]
            b.insert(junk.randomElement(using: &rng)!, at: Int.random(in: 0...b.count, using: &rng))
            return String(decoding: b, as: UTF8.self)
        case 2:
            let key = vocabulary.randomElement(using: &rng)!.key.rawValue
            return "{" + quote(key) + ": 1, " + quote(key) + ": 2}"
        case 3: return "{\"agee\": 67, " + text.dropFirst()
        case 4: return String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        case 5: return ["[]", "\"age\"", "67", "", " ", "null", "{\"age\": 67} {}", "{\"age\" 67}", "{'age': 67}", "\u{FEFF}{}"]
            .randomElement(using: &rng)!
        default: return "{\"age\": \"\\u12\"}"
        }
    }

    static func quote(_ s: String) -> String { "\"" + s + "\"" }
}
