import Foundation
import Testing
@testable import Explainer

@Suite struct ServerSentEventParserTests {
    static let stream = Array((": keep-alive\n\n"
        + "data: {\"choices\":[{\"delta\":{\"content\":\"기초연금\"}}]}\n\n"
        + "event: error\r\ndata: first\r\ndata:second\r\n\r\n"
        + "data: 한글 데이터\rid: 7\r\r"
        + "retry: 10\n\n"
        + "data: [DONE]\n\n").utf8)

    static let expected = [
        ServerSentEvent(data: "{\"choices\":[{\"delta\":{\"content\":\"기초연금\"}}]}"),
        ServerSentEvent(event: "error", data: "first\nsecond"),
        ServerSentEvent(data: "한글 데이터"),
        ServerSentEvent(data: "[DONE]"),
    ]

    func parse(chunks: [[UInt8]]) -> [ServerSentEvent] {
        var p = ServerSentEventParser()
        var out: [ServerSentEvent] = []
        for c in chunks { out += p.feed(c) }
        return out + p.finish()
    }

    @Test func wholeStream() {
        #expect(parse(chunks: [Self.stream]) == Self.expected)
    }

    @Test func byteByByte() {
        #expect(parse(chunks: Self.stream.map { [$0] }) == Self.expected)
    }

    @Test(arguments: [2, 3, 5, 7, 11, 13])
    func oddChunkings(size: Int) {
        let chunks = stride(from: 0, to: Self.stream.count, by: size).map { Array(Self.stream[$0..<min($0 + size, Self.stream.count)]) }
        #expect(parse(chunks: chunks) == Self.expected)
    }

    @Test func aKoreanCharacterSplitAcrossChunks() {
        let bytes = Array("data: 가\n\n".utf8)
        // '가' is EA B0 80: cut inside it.
        #expect(parse(chunks: [Array(bytes[0..<7]), Array(bytes[7...])]) == [ServerSentEvent(data: "가")])
    }

    @Test func aLastEventWithoutItsBlankLine() {
        #expect(parse(chunks: [Array("data: [DONE]".utf8)]) == [ServerSentEvent(data: "[DONE]")])
    }
}

@Suite struct ChatChunkDecoderTests {
    @Test func contentFinishAndDone() throws {
        #expect(try ChatChunkDecoder.decode(ServerSentEvent(data: #"{"choices":[{"delta":{"content":"가"},"finish_reason":null}]}"#)) == [.content("가")])
        #expect(try ChatChunkDecoder.decode(ServerSentEvent(data: #"{"choices":[{"delta":{},"finish_reason":"stop"}]}"#)) == [.finished(reason: "stop")])
        #expect(try ChatChunkDecoder.decode(ServerSentEvent(data: #"{"choices":[],"usage":{"completion_tokens":3}}"#)) == [])
        #expect(try ChatChunkDecoder.decode(ServerSentEvent(data: "[DONE]")) == [.done])
    }

    @Test func errorsAndMalformedChunks() {
        #expect(throws: ChatStreamError.self) { try ChatChunkDecoder.decode(ServerSentEvent(event: "error", data: "{}")) }
        #expect(throws: ChatStreamError.self) { try ChatChunkDecoder.decode(ServerSentEvent(data: #"{"error":{"message":"boom"}}"#)) }
        do {
            _ = try ChatChunkDecoder.decode(ServerSentEvent(data: "{\"choices\": [{\"delta\""))
            Issue.record("malformed JSON was accepted")
        } catch {
            guard case .malformed = error else { Issue.record("\(error)"); return }
        }
    }

    @Test func theRequestBodyCarriesTheSettings() throws {
        let r = ChatRequest(model: "m", messages: [ChatMessage(role: "user", content: "안녕")], temperature: 0.2, seed: 7, maxTokens: 99)
        let json = try #require(try JSONSerialization.jsonObject(with: r.body) as? [String: Any])
        #expect(json["stream"] as? Bool == true)
        #expect(json["seed"] as? Int == 7)
        #expect(json["max_tokens"] as? Int == 99)
    }
}
