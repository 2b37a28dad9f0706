import Explanations
import Foundation
import Rules
import SessionLog
import Settings
import Terminal

/// The kiosk: owns the event loop, turns input into new state, and draws each frame.
///
/// The library owns drawing and the terminal owns the device; this type only decides. It is
/// driven the same way by the real ncurses screen and by `MemoryTerminal` in tests:
/// `start()` presents the first frame, `handle(_:)` reacts to one event and presents the
/// next, `tick()` lets time pass (the idle warning and wipe), `run()` loops over `nextEvent`
/// until the process is told to stop.
public final class KioskApp {
    public let terminal: any Terminal
    public let resources: KioskResources
    public internal(set) var state: KioskState
    /// Where each session goes when it ends (the anonymous log; in memory for tests).
    public let recorder: any SessionRecorder
    /// Explains the results and answers follow-up questions, never blocking the loop.
    public let explanations: any ExplanationService
    /// Monotonic time since some fixed start; tests pass a clock they move by hand.
    let now: () -> Duration
    /// Staff mode's PIN, lock and background jobs (KioskApp+Staff.swift).
    public let staffDesk: StaffDesk
    /// The kiosk clock's reading now, for the staff tools' timers.
    var clockNow: Duration { now() }
    /// The voice and the font-size commands of accessibility mode.
    let assistive: Assistive

    /// `explanations` nil: the templates, in this process (`LocalExplanationService`).
    public init(terminal: any Terminal, resources: KioskResources, rules: RuleBook,
                recorder: any SessionRecorder = MemorySessionRecorder(), clock: (() -> Duration)? = nil,
                explanations: (any ExplanationService)? = nil, staff: StaffAccess? = nil) {
        self.terminal = terminal
        self.resources = resources
        self.recorder = recorder
        self.explanations = explanations ?? LocalExplanationService(rules: rules, locales: resources.locales, centre: resources.config.centre)
        self.staffDesk = StaffDesk(access: staff ?? StaffAccess(config: resources.config))
        let start = ContinuousClock.now
        self.now = clock ?? { ContinuousClock.now - start }
        self.assistive = Assistive(config: resources.config.accessibility)
        self.state = KioskState(session: Session(rules: rules, language: resources.config.kiosk.language), now: self.now(),
                                accessibility: AccessibilityMode(config: resources.config))
    }

    /// Draws and presents the first frame.
    @discardableResult
    public func start() -> PresentStats {
        accessibilityChanged(from: AccessibilityMode.off(resources.config))
        return present()
    }

    /// Serves citizens until SIGTERM or SIGHUP (the terminal's signal handling exits the
    /// process; nothing a citizen can press ends this loop).
    public func run() -> Never {
        start()
        while true {
            // A short wait keeps resizes prompt and the idle countdown ticking each second.
            // The wait also ends when the explainer has news, so its words appear as they come.
            if let event = terminal.nextEvent(timeout: .milliseconds(250), wakingOn: explanations.wakeDescriptor) {
                handle(event)
            }
            pollExplanations()
            tick()
            exitIfRequested()
        }
    }

    /// Hands a session that has ended (results seen and left, goodbye, idle timeout, wipe) to the
    /// log; a session nobody began is not logged. Call it before wiping the session.
    public func sessionEnded(_ session: Session) {
        guard session.hasBegun else { return }
        recorder.record(SessionSummary(session))
    }

    /// Writes what the log has pending; for shutdown.
    public func shutdown() {
        explanations.shutdown()
        recorder.close()
    }

    // MARK: - Time

    /// Lets time pass: shows the idle warning, counts it down, wipes when it runs out.
    /// Presents a frame only when the screen changes.
    @discardableResult
    public func tick() -> PresentStats? {
        assistive.reap()
        if state.staff != nil { return tickStaff() }
        if state.demo != nil { return tickDemo() ? present() : nil }
        if state.policy != nil { return tickPolicy() ? present() : nil }
        guard state.step != .attract || state.choosingLanguage else { return nil }
        let config = resources.config.kiosk
        if state.step == .goodbye {
            // The goodbye has nothing left to protect; it returns to the start by itself.
            guard now() - state.idle.lastActivity >= config.idleWarning else { return nil }
            wipe()
            return present()
        }
        let before = idlePhase
        if before == .expired {
            wipe()
            return present()
        }
        return before == shownPhase ? nil : present()
    }

    /// The idle phase the last frame showed, so a tick redraws only when the countdown moves.
    private var shownPhase: IdleTimer.Phase = .active
    /// The results and detail pages read every trace and draw a QR code: built once per step,
    /// language and layout, since the results they show are fixed once reached.
    var resultPageCache: (key: ResultPageKey, page: Page)?

    var idlePhase: IdleTimer.Phase {
        // Accessibility mode gives more time to read, listen and answer (WCAG 2.2.1).
        let factor = state.accessibility.isOn ? resources.config.accessibility.idleMultiplier : 1
        return state.idle.phase(at: now(), timeout: resources.config.kiosk.idleTimeout * factor,
                                warning: resources.config.kiosk.idleWarning * factor)
    }

    /// Replaces the whole state: every answer, draft and choice is gone, the screen is cleared
    /// and the attract screen shown, in the kiosk's starting language.
    public func wipe() {
        explanations.cancelAll()
        sessionEnded(state.session)
        let language = resources.config.kiosk.language
        // A kiosk that runs past midnight applies the new day's rules to the next citizen.
        let rules = state.session.rules.on(KioskLaunch.today(in: resources.config.log.timeZone))
        let before = state.accessibility
        state = KioskState(session: Session(rules: rules, language: language), now: now(),
                           accessibility: AccessibilityMode(config: resources.config))
        assistive.speaker.stop()
        accessibilityChanged(from: before)
    }

    // MARK: - Input

    /// Reacts to one event and presents the next frame.
    @discardableResult
    public func handle(_ event: InputEvent) -> PresentStats? {
        if state.staff != nil { return handleStaff(event) }
        switch event {
        case .resize:
            noteResize()
            return present()
        case .key(let key):
            // Any key silences the voice; what it leads to is announced afresh.
            assistive.speaker.stop()
            if noteActivity() { handle(key) }
        case .mouse(let x, let y):
            assistive.speaker.stop()
            if noteActivity() { tap(x: x, y: y) }
        }
        return present()
    }

    /// Restarts the idle clock; `false` when the input only dismissed the idle warning (it must
    /// not also press whatever is under the citizen's finger).
    private func noteActivity() -> Bool {
        let phase = idlePhase
        if case .warning = phase {
            guard state.idle.extensions < resources.config.kiosk.idleExtensions || state.accessibility.placesNoTimeLimit
            else { return false }
            state.idle.extensions += 1
            state.idle.lastActivity = now()
            return false
        }
        state.idle.lastActivity = now()
        return true
    }

    func present() -> PresentStats {
        shownPhase = idlePhase
        let stats = terminal.present(render())
        // After the frame is out, so speaking never delays what is seen.
        announce()
        return stats
    }

    var isTooSmall: Bool { ScreenGeometry.layout(for: terminal.size) == .tooSmall }

    private func handle(_ key: Key) {
        // Nothing can be seen below the minimum size, so nothing is acted on. Control keys
        // (^C, ^Z, ^\) are not a citizen's answer to anything: they do nothing at all.
        guard !isTooSmall else { return }
        if case .control = key { return }
        if handleDemoKey(key) || handlePolicyKey(key) { return }
        if !showsStaffTool, takeStaffSequenceKey(key) { return }
        if state.showsHelp {
            state.showsHelp = false
            return
        }
        if handleAccessibility(key) { return }
        if state.step == .ask {
            handleAsk(key)
            return
        }
        if !showsStaffTool, state.step == .attract || state.step == .goodbye, !state.accessibility.showsSettings,
           key != .function(1), key != .character("?"),
           !(key == .enter && currentPage.choices.indices.contains(state.focus)
               && [.help, .accessibility(.open)].contains(currentPage.choices[state.focus].action)),
           !Self.movesFocus(key) {
            // Any key starts (or starts over), except those that reach the help button.
            perform(state.step == .attract ? .start : .restart)
            return
        }
        let page = currentPage
        let layout = PageLayout(page, size: terminal.size, scroll: state.scroll)
        if let typed = state.choosingNumber {
            chooseByNumber(typed, key: key, page: page)
            return
        }
        switch key {
        case .function(1), .character("?"):
            perform(.help)
        case .function(2) where state.step == .language:
            let languages = Language.allCases
            state.session.language = languages[(languages.firstIndex(of: state.language)! + 1) % languages.count]
        case .enter, .keypad(.center):
            // A focused button still below the screen is reached by reading on first.
            if !layout.isVisible(choice: state.focus), layout.canScrollDown {
                scroll(by: max(1, layout.viewport.count - 1), layout: layout)
            } else if page.choices.indices.contains(state.focus) {
                perform(page.choices[state.focus].action)
            }
        case .character(" ") where !page.typesDigits:
            if page.choices.indices.contains(state.focus) { perform(page.choices[state.focus].action) }
        case .escape, .character("."):
            perform(.back)
        case .backspace, .delete:
            perform(page.typesDigits ? .erase : .back)
        case .character("+"), .pageDown:
            scroll(by: max(1, layout.viewport.count - 1), layout: layout)
        case .character("-"), .pageUp:
            scroll(by: -max(1, layout.viewport.count - 1), layout: layout)
        case .character(let character) where character.isASCII && character.isNumber:
            if page.typesDigits {
                perform(.type(character))
            } else if character == "0", page.choosesFromTen {
                // One key per choice runs out at nine: "0" then the number reaches the rest.
                state.choosingNumber = ""
            } else if let digit = character.wholeNumberValue, digit >= 1, digit <= min(9, page.choices.count) {
                perform(page.choices[digit - 1].action)
            }
        default:
            if let focus = layout.focus(from: state.focus, moving: key) {
                state.focus = focus
                state.scroll = PageLayout(page, size: terminal.size, scroll: state.scroll, revealing: focus).scroll
            }
        }
    }

    /// A key while a choice's number is being typed after "0": digits add to it, and it is
    /// pressed as soon as no further digit could make another choice's number (or on Enter);
    /// "." or Esc gives up, backspace takes back a digit.
    private func chooseByNumber(_ typed: String, key: Key, page: Page) {
        let count = page.choices.count
        func press(_ number: Int) {
            state.choosingNumber = nil
            state.focus = number - 1
            perform(page.choices[number - 1].action)
        }
        switch key {
        case .character(let c) where c.isASCII && c.isNumber:
            let number = Int(typed + String(c))!
            guard number >= 1, number <= count else { return }
            if number * 10 > count { press(number) } else { state.choosingNumber = typed + String(c) }
        case .enter, .keypad(.center):
            if let number = Int(typed), (1...count).contains(number) { press(number) } else { state.choosingNumber = nil }
        case .backspace, .delete:
            state.choosingNumber = typed.isEmpty ? nil : String(typed.dropLast())
        default:
            state.choosingNumber = nil
        }
    }

    private static func movesFocus(_ key: Key) -> Bool {
        [.left, .right, .up, .down, .tab, .backTab].contains(key)
    }

    private func scroll(by rows: Int, layout: PageLayout) {
        let moved = PageLayout(currentPage, size: terminal.size, scroll: layout.settledScroll(movingBy: rows))
        state.scroll = moved.scroll
        if !moved.isVisible(choice: state.focus), let visible = moved.firstVisibleChoice() {
            state.focus = visible
        }
    }

    private func tap(x: Int, y: Int) {
        guard !isTooSmall else { return }
        if tapDemo() { return }
        notePolicyTouch()
        if state.showsHelp {
            state.showsHelp = false
            return
        }
        if tapAccessibility(x: x, y: y) { return }
        if state.step == .ask {
            tapAsk(x: x, y: y)
            return
        }
        let layout = PageLayout(currentPage, size: terminal.size, scroll: state.scroll)
        if let index = layout.choice(atX: x, y: y) {
            perform(currentPage.choices[index].action)
        } else if !showsStaffTool, state.step == .attract || state.step == .goodbye, !state.accessibility.showsSettings {
            perform(state.step == .attract ? .start : .restart)
        } else if y == layout.viewport.lowerBound - 1, layout.canScrollUp {
            scroll(by: -max(1, layout.viewport.count - 1), layout: layout)
        } else if y == layout.viewport.upperBound, layout.canScrollDown {
            scroll(by: max(1, layout.viewport.count - 1), layout: layout)
        }
    }

    // MARK: - Actions

    func perform(_ action: Action) {
        let stepBefore = state.step
        let factBefore = state.session.question?.fact
        switch action {
        case .start:
            state.choosingLanguage = true
            state.focus = Language.allCases.firstIndex(of: state.language) ?? 0
            state.scroll = 0
            return
        case .chooseLanguage(let language):
            state.session.language = language
            state.session.showPrivacy()
        case .acceptPrivacy:
            state.session.startQuestions()
        case .restart:
            wipe()
            return
        case .help:
            state.showsHelp = true
            return
        case .back:
            // back() places the focus itself.
            back()
            return
        case .answerYes:
            state.session.answer(.bool(true))
        case .answerNo:
            state.session.answer(.bool(false))
        case .answerUnknown:
            state.session.answerUnknown()
        case .answerChoice(let value):
            state.session.answer(.choice(value))
        case .confirmInput:
            confirmInput()
        case .addChild:
            confirmInput()
        case .type(let digit):
            // A leading zero is not a digit of the number ("036150" is 36150). Nine digits are
            // past every limit; more would only hide the mistake.
            if state.input == "0" {
                state.input = String(digit)
            } else if state.input.count < 9 {
                state.input.append(digit)
            }
            state.session.revise(state.input, years: state.years)
            return
        case .erase:
            if state.input.isEmpty, let years = state.years {
                state.input = years
                state.years = nil
            } else if !state.input.isEmpty {
                state.input.removeLast()
            }
            state.session.revise(state.input, years: state.years)
            return
        case .noMoreChildren:
            state.session.answerChildren()
        case .removeLastChild:
            state.session.removeChild(at: state.session.children.count - 1)
            return
        case .edit(let fact):
            state.session.change(fact)
        case .showResults:
            state.session.showResults()
            state.results = state.session.results
            resultPageCache = nil
            beginExplanation()
        case .review:
            state.detail = nil
            state.session.back()
        case .open(let program):
            state.detail = program
        case .demo(let demo):
            performDemo(demo)
            return
        case .policy(let policy):
            performPolicy(policy)
            return
        case .staff:
            performStaff(action)
            return
        case .accessibility(let action):
            performAccessibility(action)
            return
        case .finish:
            // The goodbye wipes: the session is logged and forgotten before the screen says so.
            let language = state.language
            wipe()
            state.session.language = language
            state.session.goodbye()
            state.idle.lastActivity = now()
        case .askSuggested(let question):
            ask(question)
            return
        case .openKeyboard:
            openKeyboard()
            return
        }
        followUpsFollowStep()
        if state.step != stepBefore || state.session.question?.fact != factBefore {
            enteredPage()
        } else if let rejection = state.session.rejection {
            // Refused: the typed text stays for correction, beside the message. Years and
            // months stay apart: refused months keep the years given ("0222" read as 222 years
            // when the months were 222); refused years go back to the years field.
            if let years = state.years {
                if rejection.messageKey != "session.invalid.months_range" {
                    state.input = years
                    state.years = nil
                }
            } else {
                state.input = rejection.input.filter { $0.isNumber }
            }
        }
    }

    private func back() {
        switch state.step {
        case .attract, .goodbye:
            return
        case .ask, .answer:
            leaveAsk()
            return
        case .language:
            state.choosingLanguage = false
        case .detail(let program):
            state.detail = nil
            enteredPage()
            // Back on the results, the focus is on the programme just read.
            let page = currentPage
            if let index = page.choices.firstIndex(where: { $0.action == .open(program) }) {
                state.focus = index
                state.scroll = PageLayout(page, size: terminal.size, scroll: 0, revealing: index).scroll
            }
            return
        case .question where state.years != nil:
            // Years already given: back to them first.
            state.input = state.years ?? ""
            state.years = nil
            return
        case .privacy:
            state.session.back()
            state.choosingLanguage = true
        default:
            state.session.back()
        }
        followUpsFollowStep()
        enteredPage()
        if state.step == .language {
            // Back on the language choice, the focus is on the language in use.
            state.focus = Language.allCases.firstIndex(of: state.language) ?? 0
        }
    }

    /// Typed digits, to the session: at once for amounts and numbers; years then months for
    /// a duration or a child's age.
    private func confirmInput() {
        guard let question = state.session.question else { return }
        switch question.kind {
        case .amount, .number, .age:
            state.session.submit(state.input)
        case .duration, .children:
            guard let years = state.years else {
                state.years = state.input
                state.input = ""
                return
            }
            if question.kind == .duration {
                state.session.submit(years: years, months: state.input)
            } else {
                state.session.addChild(years: years, months: state.input)
                if state.session.rejection == nil {
                    state.input = ""
                    state.years = nil
                }
            }
        case .yesNo, .choice:
            return
        }
    }

    /// A new page starts at its top, with focus on its first choice and no draft; a reopened
    /// question shows the answer given before.
    private func enteredPage() {
        state.scroll = 0
        state.years = nil
        state.input = ""
        state.focus = 0
        if let question = state.session.question, case .known(.number(let value))? = question.answer {
            switch question.kind {
            case .amount: state.input = value % 10_000 == 0 ? String(value / 10_000) : ""
            case .number, .age: state.input = String(value)
            // Both fields, as typed: the years given, the months in the field, Enter keeps them.
            case .duration:
                state.years = String(value / 12)
                state.input = String(value % 12)
            default: break
            }
        }
    }
}
