import Settings
import Terminal
import TextLayout

/// What every page needs to word itself: the language's texts, the centre's details, and
/// whether the screen is the small one-column layout.
struct PageContext {
    let catalog: LocaleCatalog
    let centre: [String: String]
    let compact: Bool
    /// Whether kiosk.conf names a language model, so the privacy notice discloses AI only when
    /// it is used (and never claims it is when the templates alone explain).
    var usesModel = false

    func text(_ key: LocaleKey, _ args: [String: String] = [:]) -> String { catalog.text(key, args) }

    /// Key hints for a page; the small layout keeps only the ones a newcomer needs first.
    func hints(scrolls: Bool = false, back: Bool = true, typing: Bool = false) -> [String] {
        var hints = [text("keys.select"), text("keys.move")]
        if typing { hints.append(text("nav.type")) }
        if back { hints.append(text("nav.keypad_back")) }
        if scrolls { hints.append(text("nav.scroll")) }
        hints.append(text("keys.help"))
        return compact ? [text("keys.select"), text("keys.help")] : hints
    }

    /// Back and "ask staff", last on every page that has a way back.
    func navigation(back: Bool = true) -> PageItem {
        .choices((back ? [Choice(label: text("nav.back"), action: .back)] : []) + [Choice(label: text("nav.help"), action: .help)])
    }
}

/// The arrival: an attract screen, the choice of language, one privacy notice.
enum ArrivalPages {
    /// Says what the kiosk does and invites a touch or a key; any of them starts.
    static func attract(_ context: PageContext) -> Page {
        Page(
            title: context.text("app.name"),
            items: [
                .heading(context.text("attract.title")),
                .text(context.text("attract.body")),
                .text(context.text("welcome.start"), Style(.muted)),
                .choices([Choice(label: context.text("attract.start"), action: .start)]),
                context.navigation(back: false),
            ],
            hints: [context.text("keys.select"), context.text("keys.help")])
    }

    /// Each language names itself, so a citizen who cannot read the current one finds theirs.
    static func language(_ context: PageContext, current: Language) -> Page {
        let choices = Language.allCases.map { language in
            let mark = language == current ? " \(UIChrome.check)" : ""
            return Choice(label: context.text(LocaleKey("language.\(language.rawValue)")) + mark, action: .chooseLanguage(language))
        }
        var items: [PageItem] = [.text(context.text("welcome.body"))]
        if !context.compact { items.append(.text(context.text("welcome.privacy"), Style(.muted))) }
        items += [.heading(context.text("language.prompt")), .choices(choices), context.navigation()]
        return Page(title: context.text("welcome.title"), items: items,
                    hints: context.compact ? context.hints() : context.hints() + [context.text("keys.language")])
    }

    /// Nothing identifying is kept, and whether AI helps explain the results (the AI Basic Act
    /// disclosure where a model is configured; where none is, it says so).
    static func privacy(_ context: PageContext) -> Page {
        let disclosure: [PageItem] = context.usesModel
            ? [.text("\(UIChrome.bullet) " + context.text("privacy.ai")), .text(context.text("privacy.ai_act"), Style(.muted))]
            : [.text("\(UIChrome.bullet) " + context.text("privacy.no_ai"))]
        return Page(
            title: context.text("privacy.title"),
            items: [
                .text("\(UIChrome.bullet) " + context.text("privacy.kept")),
                .text("\(UIChrome.bullet) " + context.text("privacy.stats")),
            ] + disclosure + [
                .choices([
                    Choice(label: context.text("privacy.accept"), action: .acceptPrivacy),
                    Choice(label: context.text("privacy.decline"), action: .restart),
                ]),
                context.navigation(),
            ],
            hints: context.hints(scrolls: true))
    }

    /// The end: every answer is already gone when this is shown.
    static func goodbye(_ context: PageContext) -> Page {
        Page(
            title: context.text("goodbye.title"),
            items: [
                .text(context.text("goodbye.body", context.centre)),
                .choices([Choice(label: context.text("goodbye.again"), action: .restart)]),
                context.navigation(back: false),
            ],
            hints: [context.text("keys.select"), context.text("keys.help")])
    }
}
