import KioskApp
import Rules
import Settings
import Terminal
import TerminalTesting
import Testing

/// Every screen of the journey at 80x24, 120x40 and 40x12, in Korean and English, reached the
/// way a citizen reaches it. Review the recorded files like code: they are what a citizen sees.
@Suite("Journey snapshots")
struct JourneySnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 40, height: 12)]
    static let languages: [Language] = [.ko, .en]

    /// A screen of the journey and the keys that lead to it from a fresh kiosk.
    enum Screen: String, CaseIterable {
        case attract, language, privacy, question, amount, invalid, children, review, results, detail, goodbye, help, idle
    }

    @Test("every screen in every layout and language", arguments: Screen.allCases, sizes)
    func snapshot(screen: Screen, size: Size) throws {
        for language in Self.languages {
            let clock = ManualClock()
            let (app, pilot) = Fixture.kiosk(size: size, clock: clock)
            let citizen = Citizen(app: app, pilot: pilot)
            try reach(screen, citizen: citizen, language: language, clock: clock)
            #expect(Snapshot.verify(pilot.screen, named: "\(screen.rawValue)-\(language.rawValue)-\(size)") == nil)
        }
    }

    private func reach(_ screen: Screen, citizen: Citizen, language: Language, clock: ManualClock) throws {
        let (app, pilot) = (citizen.app, citizen.pilot)
        let digit = Character(String(Language.allCases.firstIndex(of: language)! + 1))
        switch screen {
        case .attract:
            // Back from the privacy notice and the language choice: the attract screen, now in
            // the chosen language.
            pilot.press(.enter, .character(digit), .character("."), .character("."))
        case .language:
            pilot.press(.enter, .character(digit), .character("."))
        case .privacy:
            pilot.press(.enter, .character(digit))
        case .question:
            citizen.arrive(language: language)
        case .amount:
            citizen.arrive(language: language)
            app.drain()
            try advance(citizen, until: { $0 == .amount })
            pilot.type("150")
        case .invalid:
            citizen.arrive(language: language)
            app.drain()
            try advance(citizen, until: { if case .age = $0 { true } else { false } })
            pilot.type("140")
            pilot.press(.enter)
        case .children:
            citizen.arrive(language: language)
            app.drain()
            try advance(citizen, until: { $0 == .children })
            pilot.type("1")
            pilot.press(.enter)
            pilot.type("8")
            pilot.press(.enter)
            pilot.type("4")
        case .review:
            citizen.arrive(language: language)
            citizen.answerAll(from: Households.olderAlone)
        case .results:
            citizen.reachResults(Households.olderAlone, language: language)
        case .detail:
            citizen.reachResults(Households.olderAlone, language: language)
            pilot.press(.enter)
        case .goodbye:
            citizen.reachResults(Households.olderAlone, language: language)
            pilot.press(.left, .left, .enter)
        case .help:
            pilot.press(.enter, .character(digit), .function(1))
        case .idle:
            pilot.press(.enter, .character(digit))
            app.drain()
            clock.advance(Fixture.resources.config.kiosk.idleTimeout + .seconds(3))
            app.tick()
        }
        app.drain()
    }

    /// Answers from the older household until a question of the wanted kind is on screen.
    private func advance(_ citizen: Citizen, until wanted: (AnswerKind) -> Bool) throws {
        for _ in 0..<40 {
            let question = try #require(citizen.app.state.session.question, "the questions ended before one of the wanted kind")
            if wanted(question.kind) { return }
            citizen.answerOne(from: Households.singleParent)
        }
        Issue.record("no question of the wanted kind in 40 answers")
    }
}
