import Foundation
import Rules
import Testing

/// A citizen who cannot read the screen: the real binary in tmux, driven by keypad keys alone,
/// guided by what the voice says. The voice is a recording script in place of espeak-ng; the
/// enlarge command really shrinks the tmux window to 40x12, as a larger font would.
@Suite("Accessibility, end to end in tmux", .serialized)
struct AccessibilityEndToEndTests {
    static let root = TmuxKiosk.repositoryRoot

    /// A folder with a kiosk.conf in accessibility mode's terms, and the voice's transcript.
    struct Setup {
        let folder: URL
        let config: URL
        let transcript: URL

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("a11y-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            transcript = folder.appendingPathComponent("spoken.txt")
            let voice = folder.appendingPathComponent("say")
            try """
                #!/bin/sh
                text=$(cat)
                printf '%s | %s\\n' "$*" "$text" >> '\(transcript.path)'
                """.write(to: voice, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: voice.path)
            config = folder.appendingPathComponent("kiosk.conf")
            let root = AccessibilityEndToEndTests.root.path
            // tmux in the kiosk's pane finds its own server through $TMUX, as a terminal's
            // remote-control command would find its terminal.
            try """
                [paths]
                rules = "\(root)/rules/kr-welfare"
                extra_rules = ["\(root)/rules/kr-culture"]
                locales = "\(root)/locales"
                themes = "\(root)/themes"
                database = "\(folder.path)/kiosk.sqlite"
                [accessibility]
                speech_command = ["\(voice.path)", "{voice}", "{rate}", "{volume}"]
                enlarge_command = ["tmux", "resize-window", "-x", "40", "-y", "12"]
                restore_command = ["tmux", "resize-window", "-x", "80", "-y", "24"]
                """.write(to: config, atomically: true, encoding: .utf8)
        }

        /// Phrases spoken to the end, oldest first, without the voice's arguments.
        var phrases: [String] {
            ((try? String(contentsOf: transcript, encoding: .utf8)) ?? "").split(separator: "\n").map {
                $0.split(separator: "|", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            }
        }

        /// Waits for a phrase after the first `after` that satisfies `condition`.
        func waitForPhrase(after: Int, timeout: Duration = .seconds(10), _ description: String,
                           _ condition: (String) -> Bool) throws -> (index: Int, text: String) {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                let all = phrases
                if all.count > after, let index = all.indices.dropFirst(after).first(where: { condition(all[$0]) }) {
                    return (index, all[index])
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            throw TmuxError("timed out waiting for the voice to say \(description); it said:\n" + phrases.suffix(3).joined(separator: "\n"))
        }
    }

    @Test("a whole session by keypad and voice alone: * enlarges to 40x12, the results are read out")
    func keypadAndVoice() throws {
        let setup = try Setup()
        let pack = try RulePack.load(directory: Self.root.appendingPathComponent("rules/kr-welfare").path)
        let household = JourneyEndToEndTests.households[0].1
        let facts = try FactsJSON.parse(household, vocabulary: pack.facts)
        let expected = try ["rules/kr-welfare", "rules/kr-culture"].flatMap {
            try JourneyEndToEndTests.eval(household, rules: $0, date: JourneyEndToEndTests.today())
        }

        let kiosk = try TmuxKiosk(width: 80, height: 24, arguments: ["--config", setup.config.path])
        try kiosk.waitForScreen("the attract screen") { $0.contains("*: ") }
        #expect(setup.phrases.isEmpty, "the kiosk is silent outside accessibility mode")
        // The keypad's star: the mode turns on, the window shrinks as a larger font would.
        try kiosk.send("*")
        var heard = try setup.waitForPhrase(after: 0, "that the mode is on") { $0.hasPrefix("접근성 모드를 켰어요.") }
        // Said as being done, not done: the font is larger only once the window has re-sized.
        #expect(!heard.text.contains(localeString(language: "ko", section: "a11y", key: "enlarged")))
        try kiosk.waitForScreen("the 40x12 layout") { screen in
            screen.split(separator: "\n").allSatisfy { $0.count <= 40 } && screen.contains("*: 접근성")
        }
        heard = try setup.waitForPhrase(after: heard.index + 1, "that the text is larger now") {
            $0 == localeString(language: "ko", section: "a11y", key: "enlarged")
        }
        try kiosk.send("KPEnter")
        heard = try setup.waitForPhrase(after: heard.index + 1, "the language choice") { $0.contains("1, 한국어") }
        try kiosk.send("1")
        heard = try setup.waitForPhrase(after: heard.index + 1, "the privacy notice") { $0.contains("시작하기 전에") }
        try kiosk.send("1")

        let review = localeString(language: "ko", section: "review", key: "title")
        var asked: [FactKey] = []
        for _ in 0..<40 {
            heard = try setup.waitForPhrase(after: heard.index + 1, "a question or the review") { phrase in
                phrase.hasPrefix(review) || pack.facts.contains { phrase.hasPrefix($0.question.ko) && !asked.contains($0.key) }
            }
            if heard.text.hasPrefix(review) { break }
            let spec = pack.facts.first { heard.text.hasPrefix($0.question.ko) && !asked.contains($0.key) }!
            asked.append(spec.key)
            try answer(spec, from: facts, kiosk: kiosk)
        }
        #expect(heard.text.hasPrefix(review))
        #expect(asked.count > 5)
        // The voice said where the focus is; "결과 보기" is four back from the first answer
        // (before back, help and the mode's settings).
        try kiosk.send("Left", "Left", "Left", "Left")
        heard = try setup.waitForPhrase(after: heard.index + 1, "the focus on show results") {
            $0.hasPrefix(localeString(language: "ko", section: "review", key: "show"))
        }
        try kiosk.send("KPEnter")
        let resultsTitle = localeString(language: "ko", section: "results", key: "title")
        heard = try setup.waitForPhrase(after: heard.index + 1, "the results") { $0.hasPrefix(resultsTitle) }
        for (programme, _) in expected {
            #expect(heard.text.contains(programme), "\(programme) is read out")
        }
        for (status, key) in [("eligible", "eligible"), ("undetermined", "undetermined"), ("ineligible", "ineligible")] {
            let count = expected.filter { $0.status == status }.count
            guard count > 0 else { continue }
            let heading = localeString(language: "ko", section: "results", key: key)
            #expect(heard.text.contains("\(heading) (\(count))"), "the voice says \(count) are \(heading)")
        }
        // Star again: the mode is off, the window back to 80x24, the voice says so and stops.
        try kiosk.send("*")
        _ = try setup.waitForPhrase(after: heard.index + 1, "that the mode is off") { $0 == "접근성 모드를 껐어요." }
        try kiosk.waitForScreen("the 80x24 layout") { $0.split(separator: "\n").contains { $0.count > 40 } }
    }

    /// Keypad keys for one answer: digits and Enter (the keypad's own Enter), arrows.
    private func answer(_ spec: FactSpec, from facts: Facts, kiosk: TmuxKiosk) throws {
        let value = facts[spec.key]
        func typeNumber(_ n: Int) throws {
            try kiosk.send(String(n))
            try kiosk.send("KPEnter")
        }
        switch (spec.type, value) {
        case (_, .choice(let chosen)?): try kiosk.send(String(spec.values.firstIndex(of: chosen)! + 1))
        case (_, nil) where spec.isEnum: try kiosk.send(String(spec.values.count + 1))
        case (.scalar(.bool), .bool(let yes)?): try kiosk.send(yes ? "1" : "2")
        case (.scalar(.bool), _): try kiosk.send("3")
        case (.scalar(.won), .number(let won)?): try typeNumber(won / 10_000)
        case (.scalar(.months), .number(let months)?): try typeNumber(months / 12); try typeNumber(months % 12)
        case (.list, .list(let ages)?):
            for months in ages { try typeNumber(months / 12); try typeNumber(months % 12) }
            try kiosk.send("Right", "KPEnter")
        case (.scalar, .number(let n)?): try typeNumber(n)
        default: try kiosk.send("Right", "KPEnter")
        }
    }
}
