import Foundation

/// One decoded piece of an OpenAI-compatible chat-completions stream.
public enum ChatStreamEvent: Sendable, Equatable {
    case content(String)
    /// `finish_reason` arrived: "stop", or "length" when max_tokens cut the answer.
    case finished(reason: String)
    case done
}

/// Why a stream could not be used.
public enum ChatStreamError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Refused, reset, not ready (503 while the model loads), or an `error` event.
    case unavailable(String)
    /// Bytes that are not the protocol: a data line that is not JSON, a chunk of the wrong shape,
    /// or the connection closing mid-answer.
    case malformed(String)

    public var description: String {
        switch self {
        case .unavailable(let m): "unavailable: \(m)"
        case .malformed(let m): "malformed: \(m)"
        }
    }
}

/// Turns server-sent events into chat events.
///
/// llama-server, Ollama and vLLM differ in small ways: an `error` event or an `{"error": …}`
/// data object, a last chunk with an empty `choices` (usage), a `[DONE]` line or none.
public enum ChatChunkDecoder {
    public static func decode(_ e: ServerSentEvent) throws(ChatStreamError) -> [ChatStreamEvent] {
        if e.data == "[DONE]" { return [.done] }
        if e.event == "error" { throw .unavailable("the server sent an error event: \(e.data.prefix(200))") }
        guard let json = try? JSONSerialization.jsonObject(with: Data(e.data.utf8)) as? [String: Any] else {
            throw .malformed("a data line is not a JSON object: \(e.data.prefix(80))")
        }
        if let error = json["error"] {
            throw .unavailable("the server reported an error: \(String(describing: error).prefix(200))")
        }
        guard let choices = json["choices"] as? [Any] else { throw .malformed("a chunk has no 'choices'") }
        var out: [ChatStreamEvent] = []
        for case let choice as [String: Any] in choices {
            if let delta = choice["delta"] as? [String: Any], let text = delta["content"] as? String, !text.isEmpty {
                out.append(.content(text))
            } else if let text = choice["text"] as? String, !text.isEmpty {
                out.append(.content(text))
            }
            if let reason = choice["finish_reason"] as? String { out.append(.finished(reason: reason)) }
        }
        return out
    }
}

/// A message of the chat-completions request.
public struct ChatMessage: Sendable, Equatable {
    public let role: String
    public let content: String
    public init(role: String, content: String) { self.role = role; self.content = content }
}

/// What one request asks of the model.
public struct ChatRequest: Sendable {
    public var model: String
    public var messages: [ChatMessage]
    public var temperature: Double
    public var seed: Int
    public var maxTokens: Int

    public init(model: String, messages: [ChatMessage], temperature: Double, seed: Int, maxTokens: Int) {
        self.model = model
        self.messages = messages
        self.temperature = temperature
        self.seed = seed
        self.maxTokens = maxTokens
    }

    public var body: Data {
        let object: [String: Any] = [
            "model": model, "stream": true, "temperature": temperature, "seed": seed, "max_tokens": maxTokens,
            "messages": messages.map { ["role": $0.role, "content": $0.content] },
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}

/// Whether the server can answer now.
public enum Readiness: Sendable, Equatable {
    case ready
    /// 503 from /health: the model is still loading.
    case loading
    case unreachable(String)
}

/// The model server, behind the one small protocol the explainer needs.
public protocol ChatCompletionStreaming: Sendable {
    func readiness() async -> Readiness
    /// Streams the answer; ends normally after `[DONE]` or a finish reason, throws
    /// `ChatStreamError` otherwise, and stops when the consuming task is cancelled.
    func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error>
    /// Releases connections; called once, when the explainer shuts down.
    func shutdown() async
}

extension ChatCompletionStreaming {
    public func shutdown() async {}
}
