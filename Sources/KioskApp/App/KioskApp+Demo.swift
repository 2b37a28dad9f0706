import Rules
import Settings
import Terminal
import TextLayout

// MARK: - Demo mode: personas auto-play a whole citizen session under a DEMO banner.

extension KioskApp {
    /// Opens the persona list, reading the personas beside the main rule pack. The journey
    /// underneath starts afresh, so a played session never inherits a citizen's answers.
    public func openDemo() {
        let directory = resources.config.paths.rules.path
        let vocabulary = state.session.rules.vocabulary
        let personas = Result { () throws(PackLoadError) in try Personas.load(directory: directory, vocabulary: vocabulary) }
        let language = state.language
        freshJourney(language: language)
        state.demo = DemoState(personas: personas, language: language, now: clockNow)
    }

    /// Starts playing one persona from the attract screen.
    public func playPersona(_ index: Int, continuous: Bool? = nil) {
        guard var demo = state.demo, demo.personas.indices.contains(index) else { return }
        demo.listFocus = state.focus
        freshJourney(language: demo.language)
        demo.playing = index
        demo.shownDetail = false
        if let continuous { demo.continuous = continuous }
        demo.lastStep = clockNow
        state.demo = demo
        state.session.isDemo = true
    }

    /// Plays one step: the press a citizen like the persona would make next. Returns false once
    /// the session is over, and then shows the persona list again.
    @discardableResult
    public func demoStep() -> Bool {
        guard var demo = state.demo, let persona = demo.persona else { return false }
        guard let action = DemoScript.nextAction(state, facts: persona.facts, language: demo.language, shownDetail: demo.shownDetail) else {
            // The goodbye was shown: log the played session (flagged) and return to the list.
            wipe()
            freshJourney(language: demo.language)
            demo.playing = nil
            demo.lastStep = clockNow
            state.demo = demo
            state.focus = demo.listFocus
            return false
        }
        if case .open = action { demo.shownDetail = true }
        state.session.isDemo = true
        // The journey's own wipe (on "finish") replaces the whole state; the demo survives it.
        perform(action)
        state.session.isDemo = true
        demo.lastStep = clockNow
        state.demo = demo
        return true
    }

    /// Plays a persona's whole session at once (tests and the benchmark); returns the steps taken.
    @discardableResult
    public func playWholePersona(_ index: Int, stopAt stop: Step? = nil) -> Int {
        playPersona(index)
        var steps = 0
        while state.demo?.playing != nil, state.step != stop, demoStep() { steps += 1 }
        return steps
    }

    /// Leaves demo mode for the staff menu, logging a played session as a demo.
    public func leaveDemo() {
        guard let demo = state.demo else { return }
        if demo.playing != nil { wipe() }
        freshJourney(language: demo.language)
        state.demo = nil
        returnToStaffMenu()
    }

    // MARK: - Hooks called by the event loop

    /// A key while demo mode is open; false when the persona list's page should handle it.
    func handleDemoKey(_ key: Key) -> Bool {
        guard state.demo != nil else { return false }
        state.demo?.lastStaffInput = clockNow
        switch key {
        case .escape, .character("."), .backspace, .delete:
            if state.demo?.playing != nil {
                stopPersona()
            } else {
                leaveDemo()
            }
            return true
        case .character("0"):
            // Straight back to the staff menu, from a played session or from the list.
            leaveDemo()
            return true
        case .character("+") where state.demo?.playing != nil:
            state.demo?.continuous.toggle()
            return true
        case _ where state.demo?.playing != nil:
            // Any other key (Enter, space, an arrow, a digit) plays the next step.
            demoStep()
            return true
        default:
            return false
        }
    }

    /// A touch while a persona plays plays the next step.
    func tapDemo() -> Bool {
        guard state.demo != nil else { return false }
        state.demo?.lastStaffInput = clockNow
        guard state.demo?.playing != nil else { return false }
        demoStep()
        return true
    }

    /// Time in demo mode: the next step when continuous, and the staff timeout.
    func tickDemo() -> Bool {
        guard let demo = state.demo else { return false }
        // The citizen's idle warning never shows over a demonstration; demo mode has its own.
        state.idle.lastActivity = clockNow
        if clockNow - demo.lastStaffInput >= demoTimeout {
            if demo.playing != nil { wipe() }
            state.demo = nil
            freshJourney(language: resources.config.kiosk.language)
            leaveStaffMode()
            return true
        }
        guard demo.playing != nil, demo.continuous, clockNow - demo.lastStep >= demoStepInterval else { return false }
        demoStep()
        return true
    }

    func performDemo(_ action: DemoAction) {
        switch action {
        case .play(let index): playPersona(index)
        case .toggleContinuous: state.demo?.continuous.toggle()
        case .leave: leaveDemo()
        }
    }

    private func stopPersona() {
        guard var demo = state.demo else { return }
        wipe()
        freshJourney(language: demo.language)
        demo.playing = nil
        state.demo = demo
        state.focus = demo.listFocus
    }

    /// A new session on the attract screen, without logging anything.
    func freshJourney(language: Language) {
        let demo = state.demo, policy = state.policy
        state = KioskState(session: Session(rules: state.session.rules, language: language), now: clockNow,
                           accessibility: state.accessibility)
        state.demo = demo
        state.policy = policy
        resultPageCache = nil
    }

    // MARK: - Drawing

    /// The persona list, while no persona plays.
    func demoListPage(_ context: PageContext) -> Page? {
        guard let demo = state.demo, demo.playing == nil else { return nil }
        let language = context.catalog.language.rawValue
        var items: [PageItem] = []
        if let error = demo.loadError {
            items.append(.text(context.text("demo.load_error"), Style(.warning, bold: true)))
            items.append(.text(error, Style(.muted)))
        } else {
            items.append(.text(context.text("demo.intro"), Style(.muted)))
            items.append(.choices(demo.personas.enumerated().map { index, persona in
                Choice(label: persona.name[language], action: .demo(.play(index)))
            }))
            if !context.compact {
                for persona in demo.personas {
                    items.append(.text("\(UIChrome.bullet) \(persona.name[language]): \(persona.story[language])"))
                }
            }
        }
        items.append(.choices([
            Choice(label: context.text(demo.continuous ? "demo.pace_continuous" : "demo.pace_step"), action: .demo(.toggleContinuous)),
            Choice(label: context.text("demo.leave"), action: .demo(.leave)),
        ]))
        return Page(title: context.text("demo.title"), items: items, hints: [context.text("keys.select"), context.text("nav.keypad_back")])
    }

    /// Rows the journey may use while a persona plays: the last row is the banner's.
    var demoPageSize: Size? {
        guard state.demo?.playing != nil else { return nil }
        return Size(width: terminal.size.width, height: terminal.size.height - 1)
    }

    /// The banner on the last row while a persona plays: "시연 중 ▪ DEMO", who is played, and the
    /// demo's keys.
    func drawDemoBanner(in buffer: inout Buffer) {
        guard let demo = state.demo, let persona = demo.persona else { return }
        let catalog = resources.locales.catalog(demo.language)
        let y = buffer.size.height - 1
        let style = Style(.focus, bold: true)
        buffer.fill(Rect(x: 0, y: y, width: buffer.size.width, height: 1), style: style)
        let keys = catalog.text(demo.continuous ? "demo.keys_continuous" : "demo.keys_step")
        let text = " \(catalog.text("demo.banner")) \(UIChrome.bullet) \(persona.name[demo.language.rawValue]) \(UIChrome.bullet) \(keys)"
        buffer.put(text, x: 0, y: y, style: style, maxWidth: buffer.size.width)
    }
}
