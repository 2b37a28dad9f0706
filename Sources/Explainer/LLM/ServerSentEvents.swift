/// One server-sent event: its type (`message` unless named) and its data lines joined by "\n".
public struct ServerSentEvent: Sendable, Equatable {
    public var event: String
    public var data: String
    public init(event: String = "message", data: String) { self.event = event; self.data = data }
}

/// Parses the `text/event-stream` format from raw bytes, as they arrive.
///
/// Lines are cut at the byte level before any decoding: a line break is a single ASCII byte
/// that never occurs inside a UTF-8 sequence, so a Korean character split across two network
/// chunks waits in `line` until its line is complete. Follows the WHATWG rules: `\r\n`, `\r`
/// or `\n` end a line, a blank line dispatches, `:` starts a comment, one space after the
/// colon is dropped, unknown fields are ignored.
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var data: [String] = []
    private var hasData = false
    private var event = ""
    private var lastWasCR = false

    public init() {}

    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        var out: [ServerSentEvent] = []
        for b in bytes {
            if b == 0x0A, lastWasCR { lastWasCR = false; continue }
            lastWasCR = b == 0x0D
            if b == 0x0A || b == 0x0D {
                if let e = endLine() { out.append(e) }
            } else {
                line.append(b)
            }
        }
        return out
    }

    /// The stream closed: a last event without its blank line still counts.
    public mutating func finish() -> [ServerSentEvent] {
        var out: [ServerSentEvent] = []
        if !line.isEmpty, let e = endLine() { out.append(e) }
        if let e = endLine() { out.append(e) }
        return out
    }

    private mutating func endLine() -> ServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty {
            guard hasData else { event = ""; return nil }
            let e = ServerSentEvent(event: event.isEmpty ? "message" : event, data: data.joined(separator: "\n"))
            data.removeAll()
            hasData = false
            event = ""
            return e
        }
        if line[0] == 0x3A { return nil }   // ':' comment, e.g. keep-alives
        let text = String(decoding: line, as: UTF8.self)
        let field: Substring, value: Substring
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            var v = text[text.index(after: colon)...]
            if v.first == " " { v = v.dropFirst() }
            value = v
        } else {
            field = Substring(text)
            value = ""
        }
        switch field {
        case "data": data.append(String(value)); hasData = true
        case "event": event = String(value)
        default: break
        }
        return nil
    }
}
