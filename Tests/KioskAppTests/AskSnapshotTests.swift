@testable import KioskApp
import Rules
import Settings
import Terminal
import TerminalTesting
import Testing

/// The explanation and question screens at 80x24 and 40x12, in Korean and English, reached the
/// way a citizen reaches them, with the real local explainer.
@Suite("Ask snapshots")
struct AskSnapshotTests {
    enum Screen: String, CaseIterable {
        /// The results scrolled to "쉬운 설명" and the question buttons.
        case explained = "results-explained"
        /// The keyboard with "가나" typed and "다" being composed.
        case keyboard = "ask-keyboard"
        /// The keyboard in Latin mode with a refusal (nothing typed yet).
        case keyboardLatin = "ask-keyboard-latin"
        /// A suggested question answered.
        case answer = "ask-answer"
        /// A detail page scrolled to its question buttons.
        case detailQuestions = "detail-questions"
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12)]

    @Test("every question screen in both layouts and languages", arguments: Screen.allCases, sizes)
    func snapshot(screen: Screen, size: Size) async throws {
        for language in [Language.ko, .en] {
            let (app, pilot, citizen) = AskFixture.kiosk(size: size)
            citizen.reachResults(Households.olderAlone, language: language)
            await AskFixture.settle(app)
            switch screen {
            case .explained:
                let heading = AskFixture.text("ask.explain_heading", language)
                for _ in 0..<30 where !pilot.screenText.contains(heading) {
                    pilot.press(.character("+"))
                    app.drain()
                }
                #expect(pilot.screenText.contains(heading))
            case .keyboard:
                // The keyboard opens on the session's letters: 두벌식 in Korean, Latin in English.
                #expect(TouchJourneyTests.tap(.openKeyboard, app, pilot))
                pilot.type(language == .ko ? "rkskek" : "apply")
                app.drain()
                pilot.press(.character("2"))
                app.drain()
            case .keyboardLatin:
                #expect(TouchJourneyTests.tap(.openKeyboard, app, pilot))
                pilot.press(.function(3))
                app.drain()
                try AskTests.pressKey(at: JamoKeyboard.submit, app, pilot)
            case .detailQuestions:
                pilot.press(.character("1"))
                app.drain()
                let heading = AskFixture.text("ask.questions_heading", language)
                for _ in 0..<30 where !pilot.screenText.contains(heading) {
                    pilot.press(.character("+"))
                    app.drain()
                }
                #expect(pilot.screenText.contains(heading))
            case .answer:
                #expect(TouchJourneyTests.tap(.askSuggested(AskFixture.text("answer.suggest_documents", language)), app, pilot))
                await AskFixture.settle(app)
            }
            #expect(Snapshot.verify(pilot.screen, named: "\(screen.rawValue)-\(language.rawValue)-\(size)") == nil)
        }
    }
}
