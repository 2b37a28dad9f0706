import Foundation
import Rules
import Testing

/// A Korean question typed on the kiosk's own on-screen keyboard in the real binary, by keypad
/// keys only (digits for a row, arrows, Enter), and its answer on screen.
@Suite("Asking a question, end to end in tmux", .serialized)
struct AskEndToEndTests {
    /// 주거급여, jamo by jamo, as (row, column) of the on-screen 두벌식 keyboard.
    static let question: [(row: Int, column: Int)] = [
        (0, 1), (2, 5),          // ㅈ ㅜ
        (0, 3), (1, 6),          // ㄱ ㅓ
        (0, 3), (2, 6), (0, 0),  // ㄱ ㅡ ㅂ
        (1, 2), (0, 6),          // ㅇ ㅕ
    ]

    @Test("주거급여 typed on the on-screen keyboard is asked and answered from the pack's documents")
    func typedQuestion() throws {
        let pack = try RulePack.load(directory: JourneyEndToEndTests.root.appendingPathComponent(JourneyEndToEndTests.packs[0]).path)
        let kiosk = try TmuxKiosk(width: 80, height: 24)
        try JourneyEndToEndTests.reachResultsAnsweringUnknown(kiosk)
        try kiosk.waitForScreen("the results") { $0.contains(localeString(language: "ko", section: "results", key: "title")) }
        // From the first programme, focus wraps past help, finish and review to "직접 물어보기".
        try kiosk.send("Left", "Left", "Left", "Left", "Enter")
        let hint = localeString(language: "ko", section: "ask", key: "hint")
        try kiosk.waitForScreen("the question keyboard") { $0.contains(String(hint.prefix(10))) }

        for key in Self.question {
            try kiosk.send(String(key.row + 1))
            for _ in 0..<key.column { try kiosk.send("Right") }
            try kiosk.send("Enter")
        }
        try kiosk.waitForScreen("주거급여 composed in the field") { $0.contains("> 주거급여") }
        // The function row: "묻기" is its fifth key.
        try kiosk.send("5", "Right", "Right", "Right", "Right", "Enter")
        let title = localeString(language: "ko", section: "ask", key: "answer_title")
        let screen = try kiosk.waitForScreen("the answer") { $0.contains(title) && $0.contains("주거급여: ") }
        // The answer cites the pack's own words about the programme (here its documents).
        let documents = try #require(pack.program("housing_benefit")?.apply.documents.first?["ko"])
        #expect(screen.contains(documents))

        // Back: the results again, and the question is gone from the screen.
        try kiosk.send(".")
        let results = try kiosk.waitForScreen("the results again") {
            $0.contains(localeString(language: "ko", section: "results", key: "title"))
        }
        #expect(!results.contains("주거급여: "))
    }
}
