@testable import KioskApp
import Rules
import Settings
import Terminal
import TerminalTesting
import Testing

/// A citizen with only the touch screen: every answer, amounts included, by tapping.
@Suite("The journey by touch")
struct TouchJourneyTests {
    /// Taps the button that does `action`, first tapping "more below/above" until it is in view.
    @discardableResult
    static func tap(_ action: Action, _ app: KioskApp, _ pilot: Pilot) -> Bool {
        for _ in 0..<60 {
            let page = app.currentPage
            guard let index = page.choices.firstIndex(where: { $0.action == action }) else { return false }
            let layout = PageLayout(page, size: pilot.terminal.size, scroll: app.state.scroll)
            if layout.isVisible(choice: index), let frame = layout.screenFrame(of: index) {
                pilot.tap(x: frame.x + frame.width / 2, y: frame.y + frame.height / 2)
                app.drain()
                return true
            }
            let below = (layout.screenFrame(of: index)?.maxY ?? 0) > layout.viewport.upperBound
            pilot.tap(x: layout.x, y: below ? layout.viewport.upperBound : layout.viewport.lowerBound - 1)
            app.drain()
        }
        return false
    }

    static func tapNumber(_ n: Int, _ app: KioskApp, _ pilot: Pilot) {
        for digit in String(n) { tap(.type(digit), app, pilot) }
        tap(.confirmInput, app, pilot)
    }

    @Test("a whole session by touch, amounts typed on the on-screen digits, ends on the same results as eval",
          arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func wholeSession(size: Size) throws {
        let facts = Households.singleParent
        let (app, pilot) = Fixture.kiosk(size: size)
        pilot.tap(x: 3, y: 3)
        app.drain()
        #expect(Self.tap(.chooseLanguage(.ko), app, pilot))
        #expect(Self.tap(.acceptPrivacy, app, pilot))
        var asked = 0
        while app.state.step == .question, asked < 40, let question = app.state.session.question {
            asked += 1
            let before = app.state.session.history.count
            switch (question.kind, facts[question.fact]) {
            case (.yesNo, .bool(let yes)?): Self.tap(yes ? .answerYes : .answerNo, app, pilot)
            case (.choice, .choice(let value)?): Self.tap(.answerChoice(value), app, pilot)
            case (.amount, .number(let won)?): Self.tapNumber(won / 10_000, app, pilot)
            case (.number, .number(let n)?), (.age, .number(let n)?): Self.tapNumber(n, app, pilot)
            case (.duration, .number(let months)?): Self.tapNumber(months / 12, app, pilot); Self.tapNumber(months % 12, app, pilot)
            case (.children, .list(let ages)?):
                for months in ages {
                    // The same button takes the years, then the months and the child.
                    for digit in String(months / 12) { Self.tap(.type(digit), app, pilot) }
                    Self.tap(.addChild, app, pilot)
                    for digit in String(months % 12) { Self.tap(.type(digit), app, pilot) }
                    Self.tap(.addChild, app, pilot)
                }
                Self.tap(.noMoreChildren, app, pilot)
            default: Self.tap(.answerUnknown, app, pilot)
            }
            #expect(app.state.session.history.count == before + 1 || app.state.step != .question, "\(question.fact) answered by touch")
        }
        #expect(app.state.step == .review)
        #expect(Self.tap(.showResults, app, pilot))
        #expect(app.state.step == .results)
        let expected = Fixture.rules.evaluate(facts)
        let shown = try #require(app.state.results).evaluations
        for (got, want) in zip(shown, expected) {
            #expect(got.programs.map(\.status) == want.programs.map(\.status))
        }
        let first = try #require(shown[0].programs.first { $0.status == .eligible })
        #expect(Self.tap(.open(ProgramRef(pack: 0, id: first.id)), app, pilot))
        #expect(app.state.step == .detail(ProgramRef(pack: 0, id: first.id)))
        #expect(Self.tap(.back, app, pilot))
        #expect(Self.tap(.finish, app, pilot))
        #expect(app.state.step == .goodbye)
    }
}
