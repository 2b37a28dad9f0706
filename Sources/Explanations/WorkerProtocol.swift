import Foundation

/// One line from the kiosk to `kiosk-explainer`, as JSON.
public enum WorkerCommand: Codable, Sendable, Equatable {
    case begin(ExplanationTicket, ExplanationRequest)
    case cancel(ExplanationTicket)
    case cancelAll
}

/// One line from `kiosk-explainer` back to the kiosk, as JSON.
public struct WorkerReply: Codable, Sendable, Equatable {
    public let ticket: ExplanationTicket
    public let event: ExplanationEvent

    public init(ticket: ExplanationTicket, event: ExplanationEvent) {
        self.ticket = ticket
        self.event = event
    }
}

/// Newline-delimited JSON: JSONEncoder escapes every newline inside strings, so a raw newline
/// only ever ends a message.
public enum WorkerWire {
    public static func line(_ value: some Encodable) -> [UInt8] {
        // Encoding plain value types cannot fail.
        Array(try! JSONEncoder().encode(value)) + [UInt8(ascii: "\n")]
    }

    public static func decode<T: Decodable>(_ type: T.Type, from line: some Collection<UInt8>) -> T? {
        try? JSONDecoder().decode(type, from: Data(line))
    }
}

/// Splits a byte stream into lines, holding a partial line until its newline arrives.
public struct LineSplitter: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                lines.append(pending)
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(byte)
            }
        }
        return lines
    }
}
