/// A locale string split once, at load, into literal text and `{name}` placeholders.
///
/// Screens fill strings on every frame; walking a string by `Character` to find braces costs
/// grapheme breaking each time, so templates are parsed once over UTF-8 and a string without
/// placeholders is returned as is.
struct Template: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    let source: String
    let parts: [Part]

    init(_ source: String) {
        self.source = source
        var parts: [Part] = []
        let utf8 = source.utf8
        var literalStart = utf8.startIndex
        var index = utf8.startIndex
        while let open = utf8[index...].firstIndex(of: UInt8(ascii: "{")) {
            let nameStart = utf8.index(after: open)
            guard let close = utf8[nameStart...].firstIndex(of: UInt8(ascii: "}")) else { break }
            if Self.isName(utf8[nameStart..<close]) {
                if literalStart < open { parts.append(.literal(String(source[literalStart..<open]))) }
                parts.append(.placeholder(String(source[nameStart..<close])))
                index = utf8.index(after: close)
                literalStart = index
            } else {
                index = nameStart
            }
        }
        if literalStart < utf8.endIndex { parts.append(.literal(String(source[literalStart...]))) }
        self.parts = parts
    }

    /// Placeholder names in order of first appearance.
    var placeholderNames: [String] {
        var names: [String] = []
        for case .placeholder(let name) in parts where !names.contains(name) { names.append(name) }
        return names
    }

    /// The text with each placeholder replaced by its argument; one without an argument stays
    /// as written, so a missing argument is visible on screen rather than silently empty.
    func render(_ args: [String: String]) -> String {
        guard parts.contains(where: { if case .placeholder = $0 { true } else { false } }) else { return source }
        var result = ""
        result.reserveCapacity(source.utf8.count + 32)
        for part in parts {
            switch part {
            case .literal(let text):
                result += text
            case .placeholder(let name):
                if let value = args[name] { result += value } else { result += "{\(name)}" }
            }
        }
        return result
    }

    /// An ASCII identifier: a letter or `_`, then letters, digits or `_`.
    private static func isName(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        guard let first = bytes.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return bytes.allSatisfy { isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_") }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}
