import AsyncHTTPClient
import Explainer
import Foundation
import NIOCore

/// The chat-completions client for llama-server, Ollama and vLLM (`POST /v1/chat/completions`
/// with `stream: true`), over AsyncHTTPClient.
///
/// Deadlines other than the connect timeout are the caller's (`Explainer` races the stream
/// against them); cancelling the consuming task cancels the request and closes the connection.
public final class OpenAIChatClient: ChatCompletionStreaming {
    public let baseURL: URL
    private let client: HTTPClient
    private let connectTimeout: Duration

    public init(baseURL: URL, connectTimeout: Duration) {
        self.baseURL = baseURL
        self.connectTimeout = connectTimeout
        var configuration = HTTPClient.Configuration()
        let ms = Int64(connectTimeout.components.seconds * 1000 + connectTimeout.components.attoseconds / 1_000_000_000_000_000)
        configuration.timeout = .init(connect: .milliseconds(ms), read: .seconds(120))
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Must be called once before the client is dropped (AsyncHTTPClient's rule).
    public func shutdown() async {
        try? await client.shutdown()
    }

    func url(_ path: String) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    public func readiness() async -> Readiness {
        var request = HTTPClientRequest(url: url("/health"))
        request.method = .GET
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(max(200, connectMilliseconds * 2))))
            // Drain so the connection can be reused.
            _ = try? await response.body.collect(upTo: 64 * 1024)
            switch response.status.code {
            case 503: return .loading
            // Ollama and some vLLM builds have no /health; the chat request will tell.
            case 200..<300, 404: return .ready
            default: return .unreachable("/health answered \(response.status.code)")
            }
        } catch {
            return .unreachable("\(error)")
        }
    }

    private var connectMilliseconds: Int {
        Int(connectTimeout.components.seconds * 1000 + connectTimeout.components.attoseconds / 1_000_000_000_000_000)
    }

    public func stream(_ chat: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: ChatStreamEvent.self)
        let client = self.client
        let url = self.url("/v1/chat/completions")
        let task = Task {
            do {
                var request = HTTPClientRequest(url: url)
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                request.headers.add(name: "Accept", value: "text/event-stream")
                request.body = .bytes(ByteBuffer(bytes: Array(chat.body)))
                let response: HTTPClientResponse
                do {
                    response = try await client.execute(request, timeout: .seconds(300))
                } catch {
                    throw ChatStreamError.unavailable("cannot reach \(url): \(error)")
                }
                guard response.status.code == 200 else {
                    throw ChatStreamError.unavailable("\(url) answered \(response.status.code)")
                }
                var parser = ServerSentEventParser()
                var finished = false
                func handle(_ events: [ServerSentEvent]) throws -> Bool {
                    for e in events {
                        for item in try ChatChunkDecoder.decode(e) {
                            continuation.yield(item)
                            if case .finished = item { finished = true }
                            if item == .done { return true }
                        }
                    }
                    return false
                }
                do {
                    for try await buffer in response.body {
                        if try handle(parser.feed(buffer.readableBytesView)) { continuation.finish(); return }
                    }
                } catch let error as ChatStreamError {
                    throw error
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    if Task.isCancelled { throw CancellationError() }
                    throw ChatStreamError.malformed("the connection broke mid-answer: \(error)")
                }
                if try handle(parser.finish()) { continuation.finish(); return }
                // Closing without [DONE] is normal for some servers, but only after a finish reason.
                guard finished else { throw ChatStreamError.malformed("the connection closed mid-answer") }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
