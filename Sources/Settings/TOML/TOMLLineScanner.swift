/// Where each table header and `key =` line sits in a TOML text.
///
/// TOMLKit (toml++) hands back values without their source positions, yet every settings error
/// must name `file:line`. This scanner reads the text once more, lexically only, and records the
/// line of each header and key plus the value as written, so an error can quote it exactly.
/// It trusts TOMLKit to have rejected malformed text first, so it can afford to be lenient.
struct TOMLLineScanner {
    /// The line and the raw value text of one `key = value` statement.
    struct KeyLine: Equatable {
        let line: Int
        let rawValue: String
    }

    /// Lines of keys by full dotted path (`kiosk.idle_seconds`).
    private(set) var keys: [[String]: KeyLine] = [:]
    /// Lines of `[table]` headers by path (`kiosk`).
    private(set) var tables: [[String]: Int] = [:]

    init(text: String) {
        var state = LexState()
        var currentTable: [String] = []
        var pendingKey: [String]?
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let number = offset + 1
            var chars = Substring(line)
            // A byte-order mark some Windows editors write would hide a header on line 1.
            if number == 1, chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
            if state.isInsideValue {
                // A value spanning lines (an array, a multi-line string): quote all of it.
                let start = chars
                let commentStart = state.scanValue(&chars)
                if let path = pendingKey, let key = keys[path] {
                    let part = start[..<(commentStart ?? start.endIndex)].trimmingWhitespace()
                    keys[path] = KeyLine(line: key.line, rawValue: [key.rawValue, part].filter { !$0.isEmpty }.joined(separator: " "))
                }
                continue
            }
            pendingKey = nil
            chars = chars.drop(while: \.isWhitespace)
            guard let first = chars.first, first != "#" else { continue }
            if first == "[" {
                let isArray = chars.hasPrefix("[[")
                chars = chars.dropFirst(isArray ? 2 : 1)
                let path = Self.parseKey(&chars, until: "]")
                currentTable = path
                if tables[path] == nil { tables[path] = number }
                continue
            }
            let path = currentTable + Self.parseKey(&chars, until: "=")
            guard chars.first == "=" else { continue }
            chars = chars.dropFirst()
            let valueStart = chars
            let commentStart = state.scanValue(&chars)
            let raw = valueStart[..<(commentStart ?? valueStart.endIndex)]
            if keys[path] == nil {
                keys[path] = KeyLine(line: number, rawValue: raw.trimmingWhitespace())
                pendingKey = path
            }
        }
    }

    /// The line of `path`, or of its nearest recorded ancestor (an inline table's keys share
    /// their parent's line), or nil when nothing on the path was written in the file.
    func line(of path: [String]) -> Int? {
        var probe = path
        while !probe.isEmpty {
            if let key = keys[probe] { return key.line }
            if let table = tables[probe] { return table }
            probe.removeLast()
        }
        return nil
    }

    /// Reads a dotted key (bare or quoted parts) up to `terminator`, leaving `chars` at it.
    private static func parseKey(_ chars: inout Substring, until terminator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        while let c = chars.first, c != terminator {
            chars = chars.dropFirst()
            switch c {
            case "\"", "'":
                while let q = chars.first, q != c {
                    chars = chars.dropFirst()
                    if q == "\\" && c == "\"", let escaped = chars.first {
                        chars = chars.dropFirst()
                        current.append(escaped)
                    } else {
                        current.append(q)
                    }
                }
                chars = chars.dropFirst()
            case ".":
                parts.append(current)
                current = ""
            case _ where c.isWhitespace:
                continue
            default:
                current.append(c)
            }
        }
        parts.append(current)
        return parts
    }
}

/// Lexical state that survives line ends: open multi-line strings and open brackets.
private struct LexState {
    enum StringKind { case none, multilineBasic, multilineLiteral }
    var openString = StringKind.none
    var depth = 0

    var isInsideValue: Bool { openString != .none || depth > 0 }

    /// Scans value text, updating the state; returns where a comment starts, if one does.
    @discardableResult
    mutating func scanValue(_ chars: inout Substring) -> Substring.Index? {
        while !chars.isEmpty {
            switch openString {
            case .multilineBasic:
                guard closeString(&chars, delimiter: "\"\"\"", escapes: true) else { return nil }
                openString = .none
                continue
            case .multilineLiteral:
                guard closeString(&chars, delimiter: "'''", escapes: false) else { return nil }
                openString = .none
                continue
            case .none:
                break
            }
            let c = chars.first!
            switch c {
            case "#":
                return chars.startIndex
            case "\"" where chars.hasPrefix("\"\"\""):
                chars = chars.dropFirst(3)
                openString = .multilineBasic
            case "'" where chars.hasPrefix("'''"):
                chars = chars.dropFirst(3)
                openString = .multilineLiteral
            case "\"", "'":
                chars = chars.dropFirst()
                _ = closeString(&chars, delimiter: String(c), escapes: c == "\"")
            case "[", "{":
                depth += 1
                chars = chars.dropFirst()
            case "]", "}":
                depth = max(0, depth - 1)
                chars = chars.dropFirst()
            default:
                chars = chars.dropFirst()
            }
        }
        return nil
    }

    /// Advances past `delimiter`; false when the line ends first.
    private func closeString(_ chars: inout Substring, delimiter: String, escapes: Bool) -> Bool {
        while let c = chars.first {
            if escapes && c == "\\" {
                chars = chars.dropFirst(2)
                continue
            }
            if chars.hasPrefix(delimiter) {
                chars = chars.dropFirst(delimiter.count)
                return true
            }
            chars = chars.dropFirst()
        }
        return false
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
