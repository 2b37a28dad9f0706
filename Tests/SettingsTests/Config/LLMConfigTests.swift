import Foundation
import Testing
@testable import Settings

/// `[llm]`: the optional local model behind the explanations.
@Suite struct LLMConfigTests {
    let base = URL(fileURLWithPath: "/srv/kiosk", isDirectory: true)

    func parse(_ text: String) throws(ConfigError) -> KioskConfig {
        try KioskConfig.parse(text: text, displayPath: "kiosk.conf", baseDirectory: base)
    }

    func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func theDefaultsUseTheTemplatesOnly() throws {
        let llm = try parse("").llm
        #expect(llm.endpoint == nil)
        #expect(llm.model == "qwen2.5-1.5b-instruct")
        #expect(llm.connectTimeout == .milliseconds(500))
        #expect(llm.firstTokenDeadline == .milliseconds(2500))
        #expect(llm.totalDeadline == .milliseconds(8000))
        #expect(llm.temperature == 0.2)
        #expect(llm.seed == 42)
        #expect(llm.maxTokens == 300)
        #expect(llm.explainPrompt.path == "/srv/kiosk/prompts/explain.ko.txt")
        #expect(llm.answerPrompt.path == "/srv/kiosk/prompts/answer.ko.txt")
    }

    @Test func readsEveryKey() throws {
        let llm = try parse("""
            [llm]
            endpoint = "http://127.0.0.1:11434"
            model = "qwen2.5:1.5b-instruct"
            connect_timeout_ms = 200
            first_token_ms = 1500
            total_ms = 4000
            temperature = 0
            seed = 7
            max_tokens = 128
            explain_prompt = "/etc/kiosk/explain.txt"
            answer_prompt = "p/answer.txt"
            """).llm
        #expect(llm.endpoint == URL(string: "http://127.0.0.1:11434"))
        #expect(llm.model == "qwen2.5:1.5b-instruct")
        #expect(llm.connectTimeout == .milliseconds(200))
        #expect(llm.firstTokenDeadline == .milliseconds(1500))
        #expect(llm.totalDeadline == .milliseconds(4000))
        #expect(llm.temperature == 0)
        #expect(llm.seed == 7)
        #expect(llm.maxTokens == 128)
        #expect(llm.explainPrompt.path == "/etc/kiosk/explain.txt")
        #expect(llm.answerPrompt.path == "/srv/kiosk/p/answer.txt")
    }

    @Test func errorsNameTheFileTheLineAndTheKey() {
        #expect(error("[llm]\nendpoint = \"127.0.0.1:8080\"\n")
            == #"kiosk.conf:2: [llm] endpoint = "127.0.0.1:8080": expected "" or an http:// or https:// base URL such as "http://127.0.0.1:8080""#)
        #expect(error("[llm]\n\ntemperature = 3.5\n") == "kiosk.conf:3: [llm] temperature = 3.5: expected a number from 0.0 to 2.0")
        #expect(error("[llm]\nmax_tokens = 0\n") == "kiosk.conf:2: [llm] max_tokens = 0: expected an integer from 16 to 4096")
        #expect(error("[llm]\nfirst_token_ms = 9000\n") == "kiosk.conf:2: [llm] first_token_ms = 9000: must be less than total_ms (8000)")
        #expect(error("[llm]\ntotal_ms = 1000\n") == "kiosk.conf:2: [llm] total_ms = 1000: must be more than first_token_ms (2500)")
        #expect(error("[llm]\nendpont = \"\"\n")?.hasPrefix("kiosk.conf:2: [llm] endpont: unknown key") == true)
    }
}
