import ExplainerHTTP
import Explanations
import Foundation
import Rules
import Settings
import Testing
@testable import Explainer

/// The explainer against a real llama.cpp server (llama-cpp-python) serving a tiny random
/// model that scripts/write-tiny-llama-gguf.py writes: the stream is real llama.cpp output,
/// noise with control characters, and the guard must refuse it within the deadline.
///
/// Runs when the venv exists (`make llm-venv`) or when `make test` says where it is (then a
/// missing venv is a failure, not a skip).
@Suite(.serialized, .enabled(if: LlamaServer.venv != nil)) struct LlamaServerTests {
    @Test func randomTextFromARealServerIsRefusedWithinTheDeadline() async throws {
        let server = try await LlamaServer.start()
        defer { server.stop() }
        // Generous: under a full parallel `swift test` two cores evaluate the ~1,000-token prompt
        // slowly; the guard refuses the noise within a few hundred ms of its first token.
        let firstToken = Duration.seconds(20), total = Duration.seconds(30)
        for language in [Language.ko, .en] {
            let settings = ExplainerSettings(endpoint: server.url, connectTimeout: .milliseconds(500), firstTokenDeadline: firstToken,
                                             totalDeadline: total, temperature: 1.0, seed: 7, maxTokens: 96, explainPrompt: "설명해 주세요.")
            let explainer = Explainer.connecting(settings: settings, locales: Fixtures.locales)
            let start = ContinuousClock.now
            var templateAt: Double?
            var outcome: ExplanationOutcome?
            var shown: [String] = []
            for await e in explainer.explain(Fixtures.elder, language: language) {
                switch e {
                case .sentence(let s): shown.append(s)
                case .template(let t, _), .replace(let t, _): shown = [t]; templateAt = (ContinuousClock.now - start).milliseconds
                case .finished(let o): outcome = o
                }
            }
            await explainer.shutdown()
            let o = try #require(outcome)
            #expect(o.source == .template, "\(language): the guard let noise through: \(shown)")
            #expect(o.fallbackReason == .ungrounded, "\(language): \(String(describing: o.fallbackReason)) \(o.detail ?? "")")
            #expect(o.firstTokenMilliseconds != nil, "llama.cpp streamed nothing")
            let at = try #require(templateAt)
            #expect(at <= total.milliseconds + 100)
            #expect(shown == [TemplateExplainer(catalog: Fixtures.locales.catalog(language)).text(FactSheet(Fixtures.elder, language: language))])
            print("llama.cpp \(language): first token \(Int(o.firstTokenMilliseconds ?? -1)) ms, template after \(Int(at)) ms, reason \(o.detail ?? "")")
        }
    }

    @Test func aStoppedServerIsUnavailable() async throws {
        let server = try await LlamaServer.start()
        server.stop()
        let client = OpenAIChatClient(baseURL: server.url, connectTimeout: .milliseconds(500))
        guard case .unreachable = await client.readiness() else { Issue.record("a stopped server reads as ready"); return }
        await client.shutdown()
    }
}

/// llama-cpp-python's server on 127.0.0.1, over the tiny model (written once under .build-llm/).
final class LlamaServer: Sendable {
    static var venv: URL? {
        if let path = ProcessInfo.processInfo.environment["LLM_VENV"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let local = Fixtures.repoRoot.appendingPathComponent(".build-llm/venv")
        return FileManager.default.fileExists(atPath: local.appendingPathComponent(".installed").path) ? local : nil
    }

    let url: URL
    private let process: Process

    private init(url: URL, process: Process) {
        self.url = url
        self.process = process
    }

    static func start() async throws -> LlamaServer {
        guard let venv else { throw ServerError.message("no venv: run `make llm-venv`") }
        let python = venv.appendingPathComponent("bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw ServerError.message("\(python) is missing: run `make llm-venv` (it builds llama-cpp-python)")
        }
        let model = Fixtures.repoRoot.appendingPathComponent(".build-llm/tiny-random-llama.gguf")
        if !FileManager.default.fileExists(atPath: model.path) {
            let writer = Process()
            writer.executableURL = URL(fileURLWithPath: python)
            writer.arguments = [Fixtures.repoRoot.appendingPathComponent("scripts/write-tiny-llama-gguf.py").path, model.path]
            try writer.run()
            writer.waitUntilExit()
            guard writer.terminationStatus == 0 else { throw ServerError.message("write-tiny-llama-gguf.py failed") }
        }
        let port = Int.random(in: 20_000..<40_000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-m", "llama_cpp.server", "--model", model.path, "--host", "127.0.0.1", "--port", "\(port)",
                             "--n_ctx", "8192", "--n_threads", "2"]
        let log = FileHandle(forWritingAtPath: "/dev/null")
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let server = LlamaServer(url: URL(string: "http://127.0.0.1:\(port)")!, process: process)
        // Loading a 100 kB model takes well under a second; the server's Python imports take
        // longer, and far longer while a whole `swift test` keeps both cores busy.
        let deadline = ContinuousClock.now + .seconds(180)
        let probe = OpenAIChatClient(baseURL: server.url, connectTimeout: .milliseconds(200))
        while ContinuousClock.now < deadline {
            if !process.isRunning { break }
            if await probe.readiness() == .ready {
                await probe.shutdown()
                return server
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        await probe.shutdown()
        // Read before stop(): after its SIGKILL every server would seem to have exited by itself.
        let exitedEarly = !process.isRunning
        server.stop()
        if exitedEarly { throw ServerError.message("llama_cpp.server exited with \(process.terminationStatus)") }
        throw ServerError.message("llama_cpp.server did not answer within 180 s")
    }

    /// SIGKILL: uvicorn's graceful SIGTERM waits for open streams, and llama.cpp may still be
    /// generating for a request the test already gave up on.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
