import Settings
import Terminal
import TextLayout

/// The explanation and follow-up question parts of the results, and the answer page.
///
/// The plain explanation sits on the results page only: the explainer explains the whole
/// result at once (one fact sheet, one model request), and the detail pages already say why
/// for their programme. The questions sit on both, since a citizen reading one programme is
/// the one most likely to ask how to apply for it.
enum AskPages {
    /// The suggested questions and "직접 물어보기", as buttons. "왜 안 돼요?" only where something
    /// is not received: on the page of a programme she gets it would ask about nothing there.
    static func questions(_ context: PageContext, asksWhyNot: Bool) -> [PageItem] {
        var choices = [
            Choice(label: context.text("answer.suggest_where"), action: .askSuggested(context.text("answer.suggest_where"))),
            Choice(label: context.text("answer.suggest_documents"), action: .askSuggested(context.text("answer.suggest_documents"))),
            Choice(label: context.text("answer.suggest_when"), action: .askSuggested(context.text("answer.suggest_when"))),
        ]
        if asksWhyNot {
            choices.append(Choice(label: context.text("answer.suggest_why"), action: .askSuggested(context.text("answer.suggest_why"))))
        }
        choices.append(Choice(label: context.text("ask.type_own"), action: .openKeyboard))
        return [.heading(context.text("ask.questions_heading")), .choices(choices)]
    }

    /// "쉬운 설명": the sentences so far, or a quiet line while none has come.
    static func explanation(_ context: PageContext, panel: ExplanationPanel?) -> [PageItem] {
        guard let panel else { return [] }
        var items: [PageItem] = [.heading(context.text("ask.explain_heading"))]
        if panel.isWaiting {
            items.append(.text(context.text("ask.preparing"), Style(.muted)))
        } else if panel.lines.isEmpty {
            items.append(.text(context.text("ask.unavailable"), Style(.muted)))
        } else {
            items += panel.lines.map { .text($0) }
        }
        return items
    }

    /// A results or detail page with the explanation (results only) and the questions placed
    /// before its last row of buttons (back, finish, help), which stays last.
    static func addingFollowUps(to page: Page, _ context: PageContext, explanation: ExplanationPanel?, asksWhyNot: Bool) -> Page {
        var page = page
        let extra = Self.explanation(context, panel: explanation) + questions(context, asksWhyNot: asksWhyNot)
        let index = page.items.lastIndex { if case .choices = $0 { true } else { false } } ?? page.items.endIndex
        page.items.insert(contentsOf: extra, at: index)
        return page
    }

    /// The question asked and its answer as it arrives.
    static func answer(_ context: PageContext, question: String, panel: ExplanationPanel?) -> Page {
        var items: [PageItem] = [
            .text(question, Style(.text, bold: true)),
            .heading(context.text("ask.answer_heading")),
        ]
        if let panel, !panel.isWaiting {
            items += panel.lines.isEmpty ? [.text(context.text("ask.unavailable"), Style(.muted))] : panel.lines.map { .text($0) }
        } else {
            items.append(.text(context.text("ask.answer_preparing"), Style(.muted)))
        }
        items.append(.text(context.text("results.decides"), Style(.muted)))
        items.append(.choices([
            Choice(label: context.text("ask.another"), action: .openKeyboard),
            Choice(label: context.text("ask.back"), action: .back),
            Choice(label: context.text("nav.help"), action: .help),
        ]))
        return Page(title: context.text("ask.answer_title"), items: items, hints: context.hints(scrolls: true))
    }
}
