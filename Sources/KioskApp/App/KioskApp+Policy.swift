import Rules
import Settings
import Terminal
import TextLayout

// MARK: - The policy browser: programmes and parameters on any day, 초성 search, what-if.

extension KioskApp {
    /// Opens the browser on the kiosk's day, with the demo personas for what-if.
    public func openPolicyBrowser() {
        let directory = resources.config.paths.rules.path
        let vocabulary = state.session.rules.vocabulary
        let personas = Result { () throws(PackLoadError) in try Personas.load(directory: directory, vocabulary: vocabulary) }
        freshJourney(language: state.language)
        state.policy = PolicyState(day: state.session.rules.day, personas: personas, now: clockNow)
    }

    /// Closes the browser, dropping any what-if, back to the staff menu.
    public func leavePolicyBrowser() {
        state.policy = nil
        freshJourney(language: state.language)
        returnToStaffMenu()
    }

    /// The book the browser shows: the kiosk's packs on the browser's day.
    var policyBook: RuleBook? {
        state.policy.map { state.session.rules.on($0.day) }
    }

    // MARK: - Hooks called by the event loop

    /// Keys the browser handles itself: back (Esc, `.`) goes up one screen, backspace on the
    /// pad erases. Everything else is the page's (digits, arrows, Enter).
    func handlePolicyKey(_ key: Key) -> Bool {
        guard let policy = state.policy else { return false }
        state.policy?.lastInput = clockNow
        switch (key, policy.screen) {
        case (.escape, _), (.character("."), _):
            policyBack(from: policy.screen)
            return true
        case (.backspace, .search), (.delete, .search):
            performPolicy(.eraseInitial)
            return true
        case (.backspace, .list), (.delete, .list), (.backspace, .parameter), (.delete, .parameter):
            policyBack(from: policy.screen)
            return true
        default:
            // Typing pages erase with backspace as the journey's do.
            return false
        }
    }

    func notePolicyTouch() {
        state.policy?.lastInput = clockNow
    }

    /// The staff timeout.
    func tickPolicy() -> Bool {
        guard let policy = state.policy else { return false }
        // The citizen's idle warning never covers a staff screen; the browser has its own timeout.
        state.idle.lastActivity = clockNow
        guard clockNow - policy.lastInput >= demoTimeout else { return false }
        state.policy = nil
        freshJourney(language: resources.config.kiosk.language)
        leaveStaffMode()
        return true
    }

    func performPolicy(_ action: PolicyAction) {
        guard var policy = state.policy else { return }
        switch action {
        case .openSearch:
            policy.listFocus = state.focus
            policy.listScroll = state.scroll
            policy.screen = .search
            state.focus = 0
            state.scroll = 0
        case .typeInitial(let character):
            if policy.query.count < 12 { policy.query.append(character) }
        case .eraseInitial:
            if !policy.query.isEmpty { policy.query.removeLast() }
        case .clearQuery:
            policy.query = ""
        case .closeSearch:
            policy.screen = .list
            state.focus = 0
            state.scroll = 0
        case .openDate:
            policy.listFocus = state.focus
            policy.listScroll = state.scroll
            policy.screen = .date(error: nil)
            state.input = ""
            state.focus = 0
            state.scroll = 0
        case .confirmDate:
            switch Self.parseDay(state.input, coverage: state.session.rules.packs[0].coverage, catalog: resources.locales.catalog(state.language)) {
            case .success(let day):
                policy.day = day
                policy.comparison = nil
                policy.screen = .list
                state.input = ""
                state.focus = policy.listFocus
                state.scroll = policy.listScroll
            case .failure(let message):
                policy.screen = .date(error: message.text)
            }
        case .openParameter(let name):
            if policy.screen == .list {
                policy.listFocus = state.focus
                policy.listScroll = state.scroll
            }
            policy.screen = .parameter(name)
            state.focus = 0
            state.scroll = 0
        case .openWhatIf(let name):
            policy.screen = .whatIf(name, error: nil)
            state.input = ""
            state.focus = 0
            state.scroll = 0
        case .confirmWhatIf:
            guard case .whatIf(let name, _) = policy.screen, let book = policyBook else { break }
            let catalog = resources.locales.catalog(state.language)
            switch Self.override(name, typed: state.input, book: book, day: policy.day, catalog: catalog) {
            case .success(let override):
                do {
                    policy.comparison = try WhatIfComparison(book: book, personas: policy.personas, override: override)
                    policy.screen = .whatIf(name, error: nil)
                } catch {
                    policy.screen = .whatIf(name, error: error.description)
                }
            case .failure(let message):
                policy.screen = .whatIf(name, error: message.text)
            }
        case .back:
            policyBack(from: policy.screen)
            return
        case .leave:
            leavePolicyBrowser()
            return
        }
        state.policy = policy
    }

    private func policyBack(from screen: PolicyState.Screen) {
        guard var policy = state.policy else { return }
        switch screen {
        case .list:
            leavePolicyBrowser()
            return
        case .search, .date:
            policy.screen = .list
            state.focus = policy.listFocus
            state.scroll = policy.listScroll
        case .parameter:
            policy.screen = .list
            // A what-if is for the screen it was tried on; back on the list it is gone.
            policy.comparison = nil
            state.focus = policy.listFocus
            state.scroll = policy.listScroll
        case .whatIf(let name, _):
            policy.screen = .parameter(name)
            policy.comparison = nil
            state.focus = 0
            state.scroll = 0
        }
        state.input = ""
        state.policy = policy
    }

    /// A message for the screen, already worded.
    struct PolicyMessage: Error {
        let text: String
    }

    /// `20260601` → 2026-06-01, within the dates the main pack covers.
    static func parseDay(_ digits: String, coverage: Coverage, catalog: LocaleCatalog) -> Result<Day, PolicyMessage> {
        guard digits.count == 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
              let dayOfMonth = Int(digits.suffix(2)), let day = Day(year: year, month: month, day: dayOfMonth) else {
            return .failure(PolicyMessage(text: catalog.text("policy.date_invalid")))
        }
        guard coverage.contains(day) else {
            return .failure(PolicyMessage(text: catalog.text("policy.date_outside", ["from": "\(coverage.from)", "to": "\(coverage.to)"])))
        }
        return .success(day)
    }

    /// The typed digits as a what-if value: won as won, a rate in whole percent, a table as a
    /// percentage of its current cells, a yes/no as 1 or 0, anything else as the number.
    static func override(_ name: String, typed: String, book: RuleBook, day: Day, catalog: LocaleCatalog)
        -> Result<ParameterOverride, PolicyMessage> {
        guard let parameter = book.packs.lazy.compactMap({ $0.parameter(named: name) }).first else {
            return .failure(PolicyMessage(text: name))
        }
        guard let number = Double(typed), !typed.isEmpty else {
            return .failure(PolicyMessage(text: catalog.text("policy.whatif_empty")))
        }
        let values: [Double]
        if parameter.isTable {
            guard let current = parameter.entry(on: day)?.values else { return .failure(PolicyMessage(text: catalog.text("policy.no_value"))) }
            values = current.map { $0.isNaN ? $0 : $0 * number / 100 }
            if values.contains(where: \.isNaN) { return .failure(PolicyMessage(text: catalog.text("policy.no_value"))) }
        } else {
            switch parameter.unit {
            case .ratio: values = [number / 100]
            case .bool:
                guard number == 0 || number == 1 else { return .failure(PolicyMessage(text: catalog.text("policy.whatif_bool"))) }
                values = [number]
            default: values = [number]
            }
        }
        return .success(ParameterOverride(parameter: name, values: values, from: day))
    }
}
