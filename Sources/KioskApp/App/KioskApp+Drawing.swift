import Foundation
import Settings
import Terminal

// MARK: - Drawing: every frame is a page built from the state, laid out and drawn.

extension KioskApp {
    /// The current language, the centre's details and the layout, for wording a page.
    var context: PageContext {
        PageContext(
            catalog: resources.locales.catalog(state.language),
            centre: resources.config.centre.placeholders(in: state.language),
            compact: ScreenGeometry.layout(for: terminal.size) == .compact,
            usesModel: resources.config.llm.endpoint != nil)
    }

    /// The journey's page for the current state (`currentPage` adds accessibility's parts).
    var journeyPage: Page {
        let context = context
        if let page = demoListPage(context) { return page }
        if let policy = state.policy, let book = policyBook {
            return PolicyPages.page(policy, book: book, input: state.input, context: context)
        }
        switch state.step {
        case .attract: return ArrivalPages.attract(context)
        case .language: return ArrivalPages.language(context, current: state.language)
        case .privacy: return ArrivalPages.privacy(context)
        case .question:
            guard let question = state.session.question else { return ArrivalPages.privacy(context) }
            return QuestionPages.question(context, question: question, session: state.session, input: state.input, years: state.years)
        case .review: return QuestionPages.review(context, session: state.session)
        case .results, .detail:
            return AskPages.addingFollowUps(to: resultPage(context), context, explanation: state.step == .results ? state.explanation : nil,
                                            asksWhyNot: asksWhyNot)
        case .ask:
            // Drawn by `AskScreen`; this page only names the screen for anything that asks.
            return Page(title: context.text("ask.title"), items: [], hints: [])
        case .answer:
            return AskPages.answer(context, question: state.ask?.question ?? "", panel: state.ask?.answer)
        case .goodbye: return ArrivalPages.goodbye(context)
        }
    }

    private func resultPage(_ context: PageContext) -> Page {
        let key = ResultPageKey(step: state.step, language: state.language, compact: context.compact,
                                startedAt: state.session.startedAt)
        if let cached = resultPageCache, cached.key == key, state.results != nil { return cached.page }
        let evaluations = results.evaluations
        var page = ResultPages.results(context, evaluations: evaluations)
        if case .detail(let program) = state.step, let detail = ResultPages.detail(context, program: program, evaluations: evaluations) {
            page = detail
        }
        resultPageCache = (key, page)
        return page
    }

    /// What F1 says about the screen it is pressed on, before where to find a person; nil on
    /// the staff, policy and settings screens, which have their own words.
    var screenHelp: LocaleKey? {
        guard state.staff == nil, state.policy == nil, !state.accessibility.showsSettings else { return nil }
        switch state.step {
        case .attract: return "help.screen_attract"
        case .language: return "help.screen_language"
        case .privacy: return "help.screen_privacy"
        case .question:
            switch state.session.question?.kind {
            case .yesNo?, .choice?: return "help.screen_choose"
            case .amount?: return "help.screen_amount"
            case .number?, .age?: return "help.screen_number"
            case .duration?: return "help.screen_duration"
            case .children?: return "help.screen_children"
            case nil: return nil
            }
        case .review: return "help.screen_review"
        case .results: return "help.screen_results"
        case .detail: return "help.screen_detail"
        case .ask: return "help.screen_ask"
        case .answer: return "help.screen_answer"
        case .goodbye: return "help.screen_goodbye"
        }
    }

    /// Whether "왜 안 돼요?" has something to answer here: a programme not received on the
    /// results page, or this detail page's programme not received.
    private var asksWhyNot: Bool {
        if case .detail(let program) = state.step {
            return results.evaluations.indices.contains(program.pack) && results.evaluations[program.pack][program.id]?.status != .eligible
        }
        return results.items.contains { $0.status != .eligible }
    }

    private var results: SessionResults {
        state.results ?? state.session.results
    }

    /// The frame for the current state at the terminal's current size.
    public func render() -> Buffer {
        var buffer = Buffer(size: terminal.size, style: Style(.text))
        let catalog = resources.locales.catalog(state.language)
        guard !isTooSmall else {
            TooSmallNotice(catalog: catalog).draw(in: &buffer)
            return buffer
        }
        if state.staff != nil {
            drawStaff(in: &buffer)
            return buffer
        }
        if state.step == .ask {
            drawAsk(in: &buffer)
        } else {
            let layout = PageLayout(currentPage, size: demoPageSize ?? terminal.size, scroll: state.scroll)
            layout.draw(in: &buffer, focus: state.focus, moreUp: catalog.text("nav.more_up"), moreDown: catalog.text("nav.more_down"))
            drawAccessibilityButton(in: &buffer, layout: layout)
        }
        drawDemoBanner(in: &buffer)
        if case .warning(let seconds) = idlePhase, state.step != .goodbye, state.demo == nil {
            IdleWarning(catalog: catalog, seconds: seconds).draw(in: &buffer)
        } else if state.showsHelp {
            HelpPanel(catalog: catalog, placeholders: resources.config.centre.placeholders(in: state.language), screen: screenHelp)
                .draw(in: &buffer)
        }
        return buffer
    }
}

/// What a cached results or detail page was built for.
struct ResultPageKey: Equatable {
    let step: Step
    let language: Language
    let compact: Bool
    let startedAt: Date
}
