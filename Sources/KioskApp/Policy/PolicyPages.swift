import Rules
import Settings
import Terminal
import TextLayout

/// The policy browser's screens, as pages drawn from `PolicyState`.
enum PolicyPages {
    static func page(_ policy: PolicyState, book: RuleBook, input: String, context: PageContext) -> Page {
        switch policy.screen {
        case .list: list(policy, book: book, context: context)
        case .search: search(policy, book: book, context: context)
        case .date(let error): date(policy, input: input, error: error, context: context)
        case .parameter(let name): parameter(name, policy: policy, book: book, context: context)
        case .whatIf(let name, let error): whatIf(name, policy: policy, book: book, input: input, error: error, context: context)
        }
    }

    private static func hints(_ context: PageContext, typing: Bool = false) -> [String] {
        var hints = [context.text("keys.select"), context.text("nav.keypad_back"), context.text("nav.scroll")]
        if typing { hints.insert(context.text("nav.type"), at: 1) }
        return context.compact ? Array(hints.prefix(2)) : hints
    }

    static func list(_ policy: PolicyState, book: RuleBook, context: PageContext) -> Page {
        let language = context.catalog.language
        let rows = PolicyCatalog(book: book).search(policy.query)
        var items: [PageItem] = [
            .text(context.text("policy.day", ["day": "\(policy.day)"]), Style(.text, bold: true)),
            .choices([
                Choice(label: context.text("policy.change_date"), action: .policy(.openDate)),
                Choice(label: policy.query.isEmpty ? context.text("policy.search") : context.text("policy.search_query", ["query": policy.query]),
                       action: .policy(.openSearch)),
                Choice(label: context.text("policy.leave"), action: .policy(.leave)),
            ]),
        ]
        if !policy.query.isEmpty { items.append(.text(context.text("policy.found", ["count": String(rows.count)]), Style(.muted))) }
        if !context.compact { items.append(.text(context.text("policy.marks"), Style(.muted))) }
        for (index, pack) in book.packs.enumerated() {
            let packRows = rows.filter { $0.pack == index }
            guard !packRows.isEmpty else { continue }
            // The pack's name spans its years with an en dash, which is East Asian Ambiguous.
            items.append(.heading(pack.name[language.rawValue].replacingOccurrences(of: "\u{2013}", with: "-")))
            let programs = packRows.compactMap { row -> ProgramSpec? in
                if case .program(let id) = row.kind { pack.program(id) } else { nil }
            }
            if !programs.isEmpty {
                items.append(.text(context.text("policy.programs", ["count": String(programs.count)]), Style(.accent)))
                for program in programs {
                    items.append(.text("\(UIChrome.bullet) \(program.name.ko) (\(program.id))"))
                    if !context.compact, let source = program.sources.first {
                        items.append(.text("  \(source)", Style(.muted)))
                    }
                }
            }
            let parameters = packRows.compactMap { row -> Parameter? in
                if case .parameter(let name) = row.kind { pack.parameter(named: name) } else { nil }
            }
            if !parameters.isEmpty {
                items.append(.text(context.text("policy.parameters", ["count": String(parameters.count)]), Style(.accent)))
                items.append(.choices(parameters.map { parameter in
                    Choice(label: "\(parameter.label.ko): \(ParameterText.summary(parameter, on: policy.day, language: language))",
                           action: .policy(.openParameter(parameter.name)))
                }))
            }
        }
        if rows.isEmpty { items.append(.text(context.text("policy.nothing_found"), Style(.warning, bold: true))) }
        return Page(title: context.text("policy.title"), items: items, hints: hints(context))
    }

    static func search(_ policy: PolicyState, book: RuleBook, context: PageContext) -> Page {
        let count = PolicyCatalog(book: book).search(policy.query).count
        let pad = HangulInitials.consonants.map { Choice(label: String($0), action: .policy(.typeInitial($0))) }
        return Page(title: context.text("policy.search_title"), items: [
            .field(input: policy.query, echo: context.text("policy.found", ["count": String(count)]), error: nil),
            .choices(pad),
            .choices([
                Choice(label: context.text("policy.search_done"), action: .policy(.closeSearch)),
                Choice(label: context.text("question.erase"), action: .policy(.eraseInitial)),
                Choice(label: context.text("policy.search_clear"), action: .policy(.clearQuery)),
            ]),
            .text(context.text("policy.search_hint"), Style(.muted)),
        ], hints: hints(context), numbersOnlyNine: true)
    }

    static func date(_ policy: PolicyState, input: String, error: String?, context: PageContext) -> Page {
        var shown = ""
        for (index, digit) in input.enumerated() {
            if index == 4 || index == 6 { shown.append("-") }
            shown.append(digit)
        }
        return Page(title: context.text("policy.date_title"), items: [
            .text(context.text("policy.date_prompt", ["day": "\(policy.day)"])),
            .field(input: shown, echo: "", error: error),
            .choices([
                Choice(label: context.text("question.confirm"), action: .policy(.confirmDate)),
                Choice(label: context.text("question.erase"), action: .erase),
            ]),
        ], hints: hints(context, typing: true), typesDigits: true)
    }

    static func parameter(_ name: String, policy: PolicyState, book: RuleBook, context: PageContext) -> Page {
        let language = context.catalog.language
        guard let parameter = book.packs.lazy.compactMap({ $0.parameter(named: name) }).first else {
            return Page(title: name, items: [], hints: hints(context))
        }
        var items: [PageItem] = [.text("\(parameter.name) (\(parameter.unit))", Style(.muted))]
        items.append(.heading(context.text("policy.value_on", ["day": "\(policy.day)"])))
        let carried = parameter.confirmedThrough.map { policy.day > $0 } ?? false
        if let entry = parameter.entry(on: policy.day) {
            let marks = entry.marks.map { carried ? Mark.unconfirmed : $0 }
            if parameter.isTable {
                for (index, value) in entry.values.enumerated() {
                    items.append(.text(context.text("policy.table_cell", [
                        "size": String(index + 1), "value": ParameterText.value(value, unit: parameter.unit, language: language),
                    ]) + " " + ParameterText.mark(marks[index])))
                }
            } else {
                items.append(.text(ParameterText.value(entry.values.first ?? .nan, unit: parameter.unit, language: language) + " "
                    + ParameterText.mark(marks.first ?? .unconfirmed), Style(.text, bold: true)))
            }
            items.append(.text(context.text("policy.source", ["source": entry.source])))
            if let note = entry.note { items.append(.text(note, Style(.muted))) }
            if carried, let through = parameter.confirmedThrough {
                items.append(.text(context.text("policy.carried", ["day": "\(through)"]), Style(.warning)))
            }
        } else {
            items.append(.text(context.text("policy.no_value"), Style(.warning)))
        }
        items.append(.choices([
            Choice(label: context.text("policy.whatif"), action: .policy(.openWhatIf(name))),
            Choice(label: context.text("policy.back"), action: .policy(.back)),
        ]))
        items.append(.heading(context.text("policy.history")))
        for entry in parameter.entries {
            let values = parameter.isTable
                ? "1: " + entry.values.prefix(2).map { ParameterText.value($0, unit: parameter.unit, language: language) }.joined(separator: ", 2: ") + " \(UIChrome.ellipsis)"
                : ParameterText.value(entry.values.first ?? .nan, unit: parameter.unit, language: language)
            items.append(.text("\(entry.from): \(values) \(ParameterText.mark(entry.marks.max() ?? .unconfirmed))"))
            items.append(.text("  \(entry.source)", Style(.muted)))
        }
        return Page(title: parameter.label.ko, items: items, hints: hints(context))
    }

    static func whatIf(_ name: String, policy: PolicyState, book: RuleBook, input: String, error: String?, context: PageContext) -> Page {
        let language = context.catalog.language
        guard let parameter = book.packs.lazy.compactMap({ $0.parameter(named: name) }).first else {
            return Page(title: name, items: [], hints: hints(context))
        }
        let how: LocaleKey = switch (parameter.isTable, parameter.unit) {
        case (true, _): "policy.whatif_table"
        case (_, .won): "policy.whatif_won"
        case (_, .ratio): "policy.whatif_percent"
        case (_, .bool): "policy.whatif_bool"
        default: "policy.whatif_number"
        }
        var items: [PageItem] = [
            .text(context.text("policy.whatif_now", ["value": ParameterText.summary(parameter, on: policy.day, language: language)])),
            .text(context.text(how), Style(.muted)),
            .field(input: input, echo: "", error: error),
            .choices([
                Choice(label: context.text("policy.whatif_try"), action: .policy(.confirmWhatIf)),
                Choice(label: context.text("question.erase"), action: .erase),
                Choice(label: context.text("policy.back"), action: .policy(.back)),
            ]),
            .text(context.text("policy.whatif_only_here"), Style(.muted)),
        ]
        if let comparison = policy.comparison, comparison.override.parameter == name {
            let tried = parameter.isTable
                ? context.text("policy.whatif_table_tried", ["percent": input])
                : ParameterText.value(comparison.override.values.first ?? .nan, unit: parameter.unit, language: language)
            items.append(.heading(context.text("policy.whatif_result", ["value": tried])))
            if policy.personas.isEmpty {
                items.append(.text(context.text("demo.load_error"), Style(.warning)))
                if let error = policy.personasError { items.append(.text(error, Style(.muted))) }
            } else if comparison.changes.isEmpty {
                items.append(.text(context.text("policy.whatif_none"), Style(.ok, bold: true)))
            }
            for change in comparison.changes {
                let persona = policy.personas.first { $0.id == change.persona }?.name[language.rawValue] ?? change.persona
                let program = book.packs[change.pack].program(change.program)?.name[language.rawValue] ?? change.program.rawValue
                items.append(.text(context.text("policy.whatif_change", [
                    "persona": persona, "program": program,
                    "before": context.text(statusKey(change.before)), "after": context.text(statusKey(change.after)),
                ]), Style(change.after == .eligible ? .ok : .warning, bold: true)))
            }
            if !comparison.unchanged.isEmpty, !policy.personas.isEmpty {
                let names = comparison.unchanged.compactMap { id in policy.personas.first { $0.id == id }?.name[language.rawValue] }
                items.append(.text(context.text("policy.whatif_unchanged", ["personas": names.joined(separator: ", ")]), Style(.muted)))
            }
        }
        return Page(title: context.text("policy.whatif_title", ["name": parameter.label.ko]), items: items,
                    hints: hints(context, typing: true), typesDigits: true)
    }

    static func statusKey(_ status: Status) -> LocaleKey {
        switch status {
        case .eligible: "results.eligible"
        case .undetermined: "results.undetermined"
        case .ineligible: "results.ineligible"
        }
    }
}
