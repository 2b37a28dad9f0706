import Settings
import Speech
import Terminal
import TextLayout

/// The voice and the font-size commands of accessibility mode, and what was last announced.
final class Assistive {
    let speaker: Speaker
    let commands = BackgroundCommands()
    /// Big headlines' font, opened only when one is first drawn.
    var glyphs = Unifont()
    /// What the last announcement was about, so only a change is spoken.
    var announced: SpokenPage.Subject?
    /// Said before the next announcement ("accessibility mode is on").
    var prefix: String?
    /// The screen's size when the enlarge command ran: large text is claimed only once the
    /// terminal reports fewer, larger cells than this, never on the command's word.
    var enlargingFrom: Size?

    init(config: KioskConfig.Accessibility) {
        speaker = Speaker(command: SpeechCommand(config.speechCommand))
    }

    func reap() {
        speaker.reap()
        commands.reap()
    }
}

// MARK: - Accessibility mode: one key, one button, its settings page, and what it changes.

extension KioskApp {
    /// The page on screen: the journey's, or the mode's settings page over it; in the mode
    /// every page ends with a way to that settings page and honours the low-position layout.
    var currentPage: Page {
        let context = context
        let mode = state.accessibility
        var page = mode.showsSettings ? AccessibilityPages.settings(context, mode: mode) : journeyPage
        if mode.isOn, !mode.showsSettings {
            page.items.append(.choices([Choice(label: context.text("a11y.settings"), action: .accessibility(.open))]))
        }
        page.lowPosition = mode.placesLow
        page.bigTitle = bigTitle(for: page)
        // The mode's button leads the key hints on every screen, so it is found in one place.
        page.hints.insert(buttonLabel, at: 0)
        if mode.isOn, !context.compact { page.hints.insert(context.text("a11y.repeat_hint"), at: 1) }
        if let typed = state.choosingNumber {
            // The mode's button stays first: it is drawn over the first hint.
            page.hints = [buttonLabel, context.text("nav.number_typing", ["number": typed + "_"])]
        } else if page.choosesFromTen, !context.compact || showsChoiceFromTen(page) {
            // The small layout has room for it only while a choice numbered 10 or more is in view.
            page.hints.append(context.text("nav.number_hint"))
        }
        return page
    }

    private func showsChoiceFromTen(_ page: Page) -> Bool {
        let layout = PageLayout(page, size: terminal.size, scroll: state.scroll)
        return (9..<page.choices.count).contains { layout.isVisible(choice: $0) }
    }

    /// The key hint that is also the mode's touch target.
    var buttonLabel: String {
        let label = context.text("a11y.button")
        return state.accessibility.isOn ? "\(label) \(UIChrome.check)" : label
    }

    /// Keys of the mode; `true` when `key` was one of them.
    func handleAccessibility(_ key: Key) -> Bool {
        switch key {
        case .character("*"), .function(5):
            toggleAccessibility()
            return true
        case .character("/"), .function(6):
            guard state.accessibility.isOn else { return false }
            // The screen as it is now, whole: an explanation that came in after the page was
            // first read is part of it.
            assistive.announced = nil
            announce()
            return true
        case .escape, .character("."), .backspace, .delete:
            guard state.accessibility.showsSettings else { return false }
            performAccessibility(.close)
            return true
        default:
            return false
        }
    }

    /// A tap on the mode's button in the key-hint row.
    func tapAccessibility(x: Int, y: Int) -> Bool {
        let layout = PageLayout(currentPage, size: terminal.size, scroll: state.scroll)
        let row = terminal.size.height - layout.footer.height
        guard y == row, x >= 1, x < 1 + displayWidth(of: buttonLabel) else { return false }
        toggleAccessibility()
        return true
    }

    /// Draws the mode's key hint as a button, over the hint row `layout` drew.
    func drawAccessibilityButton(in buffer: inout Buffer, layout: PageLayout) {
        let row = terminal.size.height - layout.footer.height
        buffer.put(buttonLabel, x: 1, y: row, style: Style(.accent, bold: true, reverse: true), maxWidth: terminal.size.width - 2)
    }

    func toggleAccessibility() {
        let before = state.accessibility
        state.accessibility.isOn.toggle()
        if before.showsSettings { performAccessibility(.close) }
        state.accessibility.showsSettings = false
        accessibilityChanged(from: before)
        let catalog = resources.locales.catalog(state.language)
        assistive.enlargingFrom = nil
        if state.accessibility.isOn {
            // The voice never claims large text that this screen cannot give: with an enlarge
            // command it says the text is being enlarged, and that it is once the terminal
            // has re-sized (`noteResize`).
            let enlarges = !resources.config.accessibility.enlargeCommand.isEmpty
            assistive.prefix = catalog.text(enlarges ? "a11y.turned_on" : "a11y.turned_on_no_enlarge")
            if enlarges { assistive.enlargingFrom = terminal.size }
        } else if before.speaks {
            // The last thing the voice says: the citizen hears that it stops on purpose.
            assistive.speaker.say(SpokenPage.words(catalog.text("a11y.turned_off"), catalog: catalog), voice: voice)
        }
    }

    /// Applies what changed in the mode: the terminal's font and colours.
    func accessibilityChanged(from before: AccessibilityMode) {
        let now = state.accessibility
        guard before.isOn != now.isOn else { return }
        let config = resources.config.accessibility
        assistive.commands.run(now.isOn ? config.enlargeCommand : config.restoreCommand)
        terminal.usePalette(Palette(theme: now.isOn ? resources.highContrastTheme : resources.theme))
        if !now.isOn {
            assistive.speaker.stop()
            assistive.announced = nil
        }
    }

    func performAccessibility(_ action: AccessibilityAction) {
        var mode = state.accessibility
        switch action {
        case .open:
            mode.journeyFocus = state.focus
            mode.journeyScroll = state.scroll
            mode.showsSettings = true
            state.focus = 0
            state.scroll = 0
        case .close:
            mode.showsSettings = false
            state.focus = mode.journeyFocus
            state.scroll = mode.journeyScroll
        case .toggleVoice:
            mode.voice.toggle()
            if !mode.voice {
                let catalog = resources.locales.catalog(state.language)
                assistive.speaker.say(SpokenPage.words(catalog.text("a11y.voice_off"), catalog: catalog), voice: voice)
            }
        case .faster: mode.rate = min(AccessibilityMode.rates.upperBound, mode.rate + AccessibilityMode.rateStep)
        case .slower: mode.rate = max(AccessibilityMode.rates.lowerBound, mode.rate - AccessibilityMode.rateStep)
        case .louder: mode.volume = min(AccessibilityMode.volumes.upperBound, mode.volume + AccessibilityMode.volumeStep)
        case .quieter: mode.volume = max(AccessibilityMode.volumes.lowerBound, mode.volume - AccessibilityMode.volumeStep)
        case .toggleLowPosition: mode.lowPosition.toggle()
        case .toggleExtendWithoutLimit: mode.extendWithoutLimit.toggle()
        case .turnOff:
            toggleAccessibility()
            return
        }
        state.accessibility = mode
        if mode.showsSettings, let index = currentPage.choices.firstIndex(where: { $0.action == .accessibility(action) }) {
            // The changed setting takes the focus, so its new value is read out and Enter
            // repeats it ("faster, faster").
            state.focus = index
        }
    }

    /// A new terminal size: after the enlarge command, fewer cells mean the font did grow, and
    /// the voice may now say so.
    func noteResize() {
        guard let before = assistive.enlargingFrom, state.accessibility.isOn else { return }
        let now = terminal.size
        guard now.width < before.width || now.height < before.height else { return }
        assistive.enlargingFrom = nil
        let enlarged = resources.locales.catalog(state.language).text("a11y.enlarged")
        assistive.prefix = assistive.prefix.map { $0 + " " + enlarged } ?? enlarged
    }

    /// The voice for the session's language at the citizen's rate and volume.
    var voice: Voice {
        Voice(name: resources.config.accessibility.voices.text(in: state.language),
              rate: state.accessibility.rate, volume: state.accessibility.volume)
    }

    // MARK: - Voice guidance

    /// Speaks what changed since the last frame: a whole new screen, the focus moved to
    /// another choice, or digits typed. Called after each frame is presented.
    func announce() {
        guard state.accessibility.speaks, !isTooSmall else { return }
        let catalog = resources.locales.catalog(state.language)
        let keyboard = spokenKeyboard(catalog)
        let overlay = spokenOverlay(catalog)
        let spoken = SpokenPage(page: keyboard?.page ?? currentPage, focus: keyboard?.focus ?? state.focus, catalog: catalog,
                                keys: keyboard == nil ? nil : "a11y.keys_keyboard")
        let input = keyboard == nil ? state.input : state.ask?.composer.fullText ?? ""
        let arrival = arrived(catalog)
        let subject = SpokenPage.Subject(screen: screenIdentity(overlay: overlay), focused: spoken.focusedLabel, input: input,
                                         arrived: arrival?.text ?? "")
        defer { assistive.announced = subject }
        var phrase: String
        if let before = assistive.announced, before.screen == subject.screen {
            if let arrival, before.arrived != subject.arrived, overlay == nil {
                // The explanation or answer has come: read it, not the page again, once the
                // page being read has been heard to its end.
                assistive.speaker.sayAfter(SpokenPage.words(arrival.heading + ". " + arrival.text, catalog: catalog), voice: voice)
                return
            } else if before.focused != subject.focused {
                // Typing on the question keyboard also moves its focus: say both.
                phrase = before.input == subject.input ? spoken.focused : spoken.field + " " + spoken.focused
            } else if before.input != subject.input {
                phrase = spoken.field
            } else if assistive.prefix != nil {
                // Only news about the mode itself ("글씨를 크게 했어요").
                phrase = ""
            } else {
                return
            }
        } else {
            phrase = overlay.map { SpokenPage.words($0, catalog: catalog) } ?? spoken.full
        }
        if let prefix = assistive.prefix {
            phrase = (SpokenPage.words(prefix, catalog: catalog) + " " + phrase).trimmingCharacters(in: .whitespaces)
            assistive.prefix = nil
        }
        assistive.speaker.say(phrase, voice: voice)
    }

    /// The explanation (results page) or the answer (answer page) once it is whole, with its
    /// heading; nil while none is shown or it is still coming.
    private func arrived(_ catalog: LocaleCatalog) -> (heading: String, text: String)? {
        let (panel, heading): (ExplanationPanel?, LocaleKey) = switch state.step {
        case .results: (state.explanation, "ask.explain_heading")
        case .answer: (state.ask?.answer, "ask.answer_heading")
        default: (nil, "ask.explain_heading")
        }
        guard let panel, panel.isFinished, !panel.lines.isEmpty, !state.accessibility.showsSettings else { return nil }
        return (catalog.text(heading), panel.lines.joined(separator: " "))
    }

    /// The help panel or the idle warning, when one is over the page.
    private func spokenOverlay(_ catalog: LocaleCatalog) -> String? {
        if case .warning(let seconds) = idlePhase, state.step != .goodbye {
            return [catalog.text("idle.title"), catalog.text("idle.countdown", ["seconds": String(seconds)]),
                    catalog.text("idle.continue")].joined(separator: " ")
        }
        if state.showsHelp {
            return HelpPanel(catalog: catalog, placeholders: resources.config.centre.placeholders(in: state.language), screen: screenHelp)
                .sentences.map(SpokenPage.sentence).joined(separator: " ")
        }
        return nil
    }

    /// What makes one screen another for the voice: typing a digit or moving the focus does
    /// not, a new question, an error or an overlay does.
    private func screenIdentity(overlay: String?) -> String {
        let mode = state.accessibility
        return [
            "\(state.step)", state.session.question?.fact.description ?? "", state.language.rawValue,
            overlay == nil ? "" : (state.showsHelp ? "help" : "idle"), mode.showsSettings ? "settings" : "",
            state.years == nil ? "" : "months", state.session.rejection.map { "\($0.messageKey)" } ?? "",
            String(state.session.children.count), state.ask?.notice.map { "\($0)" } ?? "",
        ].joined(separator: "|")
    }
}
