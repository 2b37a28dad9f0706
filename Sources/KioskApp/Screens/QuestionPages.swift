import Rules
import Settings
import Terminal
import TextLayout

/// One question per page, and the review of every answer before the results.
enum QuestionPages {
    static func question(_ context: PageContext, question: Question, session: Session, input: String, years: String?) -> Page {
        let language = context.catalog.language
        var items: [PageItem] = []
        if let progress = session.progress {
            items.append(.text(context.text("question.progress", [
                "current": String(progress.current), "remaining": String(progress.mostRemaining),
            ]), Style(.muted)))
        }
        let error = session.rejection.map { context.text(LocaleKey($0.messageKey), $0.placeholders) }
        let unknown = Choice(label: context.text("question.unknown"), action: .answerUnknown)
        let previous = question.answer
        func marked(_ label: String, _ value: Bool) -> String {
            previous == .known(.bool(value)) ? "\(label) \(UIChrome.check)" : label
        }
        var typesDigits = true
        switch question.kind {
        case .yesNo:
            typesDigits = false
            items.append(.choices([
                Choice(label: marked(context.text("question.yes"), true), action: .answerYes),
                Choice(label: marked(context.text("question.no"), false), action: .answerNo),
                previous == .unknown ? Choice(label: "\(unknown.label) \(UIChrome.check)", action: .answerUnknown) : unknown,
            ]))
        case .choice(let values):
            typesDigits = false
            let spec = session.rules.spec(question.fact)
            items.append(.choices(values.map { value in
                let label = spec?.valueLabels[value]?[language.rawValue] ?? value
                return Choice(label: previous == .known(.choice(value)) ? "\(label) \(UIChrome.check)" : label,
                              action: .answerChoice(value))
            } + [previous == .unknown ? Choice(label: "\(unknown.label) \(UIChrome.check)", action: .answerUnknown) : unknown]))
        case .amount:
            if !context.compact { items.append(.text(context.text("question.amount_hint"), Style(.muted))) }
            // The small layout has no row for the hint: the empty field says the unit instead,
            // since without it "150" cannot be answered right.
            let echo = context.compact && input.isEmpty ? context.text("question.amount_unit") : MoneyText.echo(manWon: input, in: language)
            items.append(.field(input: input, echo: echo, error: error))
            items.append(.choices([Choice(label: context.text("question.confirm"), action: .confirmInput), unknown]))
        case .number, .age:
            items.append(.field(input: input, echo: "", error: error))
            items.append(.choices([Choice(label: context.text("question.confirm"), action: .confirmInput), unknown]))
        case .duration:
            items.append(contentsOf: yearsAndMonths(context, input: input, years: years, error: error, prompt: nil))
            items.append(.choices([Choice(label: context.text("question.confirm"), action: .confirmInput), unknown]))
        case .children:
            if !context.compact { items.append(.text(context.text("question.child_hint"), Style(.muted))) }
            if !session.children.isEmpty {
                let ages = session.children.map { age(context, $0) }.joined(separator: ", ")
                items.append(.text(context.text("question.children_added", ["ages": ages]), Style(.text, bold: true)))
            }
            let prompt = context.text(years == nil ? "question.child_years" : "question.child_months")
            items.append(contentsOf: yearsAndMonths(context, input: input, years: years, error: error, prompt: prompt, isChildAge: true))
            items.append(.choices([
                Choice(label: context.text(years == nil ? "question.confirm" : "question.add_child"), action: .addChild),
                Choice(label: context.text(session.children.isEmpty ? "question.no_children" : "question.no_more_children"),
                       action: .noMoreChildren),
                unknown,
            ]))
            if !session.children.isEmpty {
                items.append(.choices([Choice(label: context.text("question.remove_child"), action: .removeLastChild)]))
            }
        }
        if typesDigits { items += digitPad(context) }
        items.append(context.navigation())
        return Page(title: question.text[language.rawValue], items: items,
                    hints: context.hints(typing: typesDigits), typesDigits: typesDigits)
    }

    /// Digits to touch, for a kiosk with no keyboard in reach: two rows, like a phone's.
    private static func digitPad(_ context: PageContext) -> [PageItem] {
        let digits: [Character] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]
        let keys = digits.map { Choice(label: String($0), action: .type($0)) }
            + [Choice(label: context.text("question.erase"), action: .erase)]
        return [.choices(Array(keys.prefix(6))), .choices(Array(keys.dropFirst(6)))]
    }

    /// Years first, then months: the field being typed is the one in brackets. Nothing typed
    /// yet echoes nothing (not "0년").
    private static func yearsAndMonths(_ context: PageContext, input: String, years: String?, error: String?, prompt: String?,
                                       isChildAge: Bool = false) -> [PageItem] {
        var items: [PageItem] = []
        if let prompt { items.append(.text(prompt)) }
        let typed = Int(input)
        if let years, let given = Int(years) {
            let echo = yearsText(context, given, isChildAge: isChildAge) + (typed.map { " " + monthsText(context, $0) } ?? "")
            items.append(.field(input: input, echo: echo, error: error))
        } else {
            items.append(.field(input: input, echo: typed.map { yearsText(context, $0, isChildAge: isChildAge) } ?? "", error: error))
        }
        return items
    }

    /// A child's age ("3살 2개월", "3 years 2 months") or a duration ("2년 3개월", "1 year").
    static func age(_ context: PageContext, _ age: ChildAge, isChildAge: Bool = true) -> String {
        let years = yearsText(context, age.years, isChildAge: isChildAge)
        return age.months == 0 ? years : years + " " + monthsText(context, age.months)
    }

    /// English counts one year and one month in the singular; the locales say how.
    private static func yearsText(_ context: PageContext, _ n: Int, isChildAge: Bool) -> String {
        let key: LocaleKey = isChildAge ? (n == 1 ? "question.age_year_one" : "question.age_years") : (n == 1 ? "question.years_one" : "question.years")
        return context.text(key, ["years": String(n)])
    }

    private static func monthsText(_ context: PageContext, _ n: Int) -> String {
        context.text(n == 1 ? "question.months_one" : "question.months", ["months": String(n)])
    }

    /// Every answer, each a button that reopens its question (WCAG 3.3.4).
    static func review(_ context: PageContext, session: Session) -> Page {
        let language = context.catalog.language.rawValue
        let choices = session.history.compactMap { fact -> Choice? in
            guard let spec = session.rules.spec(fact), let answer = session.answers[fact] else { return nil }
            return Choice(label: context.text("review.answer", [
                "question": spec.label[language], "answer": answerText(context, answer, spec: spec),
            ]), action: .edit(fact))
        }
        return Page(
            title: context.text("review.title"),
            items: [
                .text(context.text("review.body")),
                .choices(choices),
                .choices([Choice(label: context.text("review.show"), action: .showResults)]),
                context.navigation(),
            ],
            hints: context.hints(scrolls: true))
    }

    static func answerText(_ context: PageContext, _ answer: Answer, spec: FactSpec) -> String {
        let language = context.catalog.language
        switch answer {
        case .unknown: return context.text("question.unknown")
        case .known(.bool(let value)): return context.text(value ? "question.yes" : "question.no")
        case .known(.list(let months)):
            return months.isEmpty ? context.text("review.none")
                : months.map { age(context, ChildAge(totalMonths: $0)) }.joined(separator: ", ")
        case .known(.choice(let value)):
            return spec.valueLabels[value]?[language.rawValue] ?? value
        case .known(.number(let value)):
            guard case .scalar(let unit) = spec.type else { return String(value) }
            if unit == .months { return age(context, ChildAge(totalMonths: value), isChildAge: false) }
            return Explanation.format(Double(value), unit: unit, language: language)
        }
    }
}
