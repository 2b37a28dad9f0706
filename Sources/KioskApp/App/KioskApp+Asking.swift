import Explanations
import Foundation
import HangulInput
import Rules
import SessionLog
import Settings
import Terminal

// MARK: - The plain explanation and follow-up questions (issue 5's screens)

extension KioskApp {
    /// Characters a typed question may have.
    static let questionLimit = 60

    /// Takes whatever the explanation service has ready and presents a frame if the screen
    /// changed. Never waits: the run loop calls it every turn, tests call it by hand.
    @discardableResult
    public func pollExplanations() -> PresentStats? {
        let events = explanations.poll()
        guard !events.isEmpty else { return nil }
        var changed = false
        for (ticket, event) in events {
            if var panel = state.explanation, panel.ticket == ticket {
                panel.apply(event, at: now())
                state.explanation = panel
                if let outcome = panel.outcome { recordExplanation(outcome, panel: panel) }
                changed = true
            } else if var ask = state.ask, var panel = ask.answer, panel.ticket == ticket {
                panel.apply(event, at: now())
                ask.answer = panel
                state.ask = ask
                changed = true
            }
        }
        return changed ? present() : nil
    }

    /// Whether an explanation or answer is still on its way.
    var awaitsExplanation: Bool {
        state.explanation.map { !$0.isFinished } == true || state.ask?.answer.map { !$0.isFinished } == true
    }

    /// What the session log keeps of the explanation: who explained and how long the citizen
    /// waited for the first words. Never the text.
    private func recordExplanation(_ outcome: ExplanationOutcome, panel: ExplanationPanel) {
        state.session.explainer = switch outcome.source {
        case .llm: .model(resources.config.llm.model)
        case .template: .fallback(outcome.fallbackReason?.rawValue ?? (resources.config.llm.endpoint == nil ? "disabled" : "template"))
        }
        let shown = panel.firstTextAt ?? now()
        state.session.explanationLatencyMs = (shown - panel.requestedAt).milliseconds
    }

    /// The household as the explainer reads it: facts only, evaluated again on its side.
    private func request(_ subject: ExplanationRequest.Subject) -> ExplanationRequest {
        let session = state.session
        // A question asked on a programme's page is about that programme.
        var program: String?
        if case .question = subject, case .detail(let ref) = state.step { program = ref.id.rawValue }
        return ExplanationRequest(subject: subject, facts: FactsJSON.encode(session.facts, order: session.rules.order),
                                  day: session.rules.day.description, language: state.language.rawValue, program: program)
    }

    /// Asks for the results' explanation; the page is drawn at once with a waiting line.
    func beginExplanation() {
        if let old = state.explanation { explanations.cancel(old.ticket) }
        state.explanation = ExplanationPanel(ticket: explanations.begin(request(.result)), requestedAt: now())
    }

    /// Drops the explanation and any question once the citizen is no longer on the results.
    func followUpsFollowStep() {
        guard state.session.step != .results else { return }
        if let panel = state.explanation {
            explanations.cancel(panel.ticket)
            state.explanation = nil
        }
        leaveAsk()
    }

    // MARK: - Questions

    /// A question asked (a suggestion, or typed and submitted): to the answer page at once.
    func ask(_ question: String) {
        if let old = state.ask?.answer { explanations.cancel(old.ticket) }
        let panel = ExplanationPanel(ticket: explanations.begin(request(.question(question))), requestedAt: now())
        state.ask = .answering(question, answer: panel, limit: Self.questionLimit)
        state.focus = 0
        state.scroll = 0
    }

    func openKeyboard() {
        if let old = state.ask?.answer { explanations.cancel(old.ticket) }
        state.ask = .typing(limit: Self.questionLimit, language: state.language)
    }

    /// Back to the results or detail page; the question and its answer are forgotten.
    func leaveAsk() {
        guard let ask = state.ask else { return }
        if let panel = ask.answer { explanations.cancel(panel.ticket) }
        ask.composer.clear()
        state.ask = nil
        state.focus = 0
        state.scroll = 0
    }

    // MARK: - The keyboard screen

    var askScreen: AskScreen {
        AskScreen(context, size: terminal.size, mode: state.ask?.composer.mode ?? .hangul)
    }

    func drawAsk(in buffer: inout Buffer) {
        guard let ask = state.ask else { return }
        let notice: String? = switch ask.notice {
        case .tooLong(let limit)?: context.text("ask.too_long", ["limit": String(limit)])
        case .empty?: context.text("ask.empty")
        case nil: nil
        }
        askScreen.draw(in: &buffer, text: ask.composer.text, preedit: ask.composer.preedit, notice: notice,
                       hint: context.text(ask.composer.mode == .hangul ? "ask.hint" : "ask.hint_latin"), focus: ask.focus)
    }

    /// A key on the keyboard screen: letters type, digits pick a row, arrows move, Enter presses.
    func handleAsk(_ key: Key) {
        guard var ask = state.ask else { return }
        switch key {
        case .function(1), .character("?"):
            state.showsHelp = true
        case .escape, .character("."):
            leaveAsk()
        case .function(3):
            press(.toggleMode)
        case .backspace, .delete:
            press(.erase)
        case .enter, .keypad(.center):
            if let pressed = JamoKeyboard.key(at: ask.focus) { press(pressed) }
        case .character(let c) where c.isASCII && c.isNumber:
            if let row = c.wholeNumberValue, row >= 1, row <= JamoKeyboard.rows.count {
                // The row's first key, always: a keypad user can count the presses to any key.
                ask.focus = KeyboardPosition(row: row - 1, column: 0)
                state.ask = ask
            }
        case .character(let c):
            // A physical keyboard: the letter goes straight to the composer, and focus moves to
            // the submit key so that its Enter asks.
            ask.notice = ask.composer.type(c).map { .tooLong(limit: $0.limit) }
            ask.focus = JamoKeyboard.submit
            state.ask = ask
        default:
            if let moved = JamoKeyboard.move(ask.focus, by: key) {
                ask.focus = moved
                state.ask = ask
            }
        }
    }

    func tapAsk(x: Int, y: Int) {
        guard var ask = state.ask, let position = askScreen.key(atX: x, y: y), let key = JamoKeyboard.key(at: position) else { return }
        ask.focus = position
        state.ask = ask
        press(key)
    }

    /// One on-screen key.
    private func press(_ key: KeyboardKey) {
        guard var ask = state.ask else { return }
        ask.notice = nil
        switch key {
        case .back:
            leaveAsk()
            return
        case .letter(let k):
            if let refused = ask.composer.type(k.ascii) { ask.notice = .tooLong(limit: refused.limit) }
        case .toggleMode:
            ask.composer.toggleMode()
        case .space:
            if let refused = ask.composer.type(" ") { ask.notice = .tooLong(limit: refused.limit) }
        case .erase:
            ask.composer.backspace()
        case .submit:
            ask.composer.commit()
            let question = ask.composer.text.trimmingCharacters(in: .whitespaces)
            guard !question.isEmpty else {
                ask.notice = .empty
                state.ask = ask
                return
            }
            ask.composer.clear()
            self.ask(question)
            return
        }
        state.ask = ask
    }
}

extension HangulComposer.Refusal {
    var limit: Int {
        switch self { case .tooLong(let limit): limit }
    }
}
