import Rules
import Settings
import Terminal
import TextLayout

/// The results, grouped by status, and a detail page per programme.
enum ResultPages {
    /// Statuses in the order a citizen wants them: what they can get first.
    static let groups: [(Status, LocaleKey, ColorRole)] = [
        (.eligible, "results.eligible", .ok),
        (.undetermined, "results.undetermined", .warning),
        (.ineligible, "results.ineligible", .bad),
    ]

    static func results(_ context: PageContext, evaluations: [Evaluation]) -> Page {
        let language = context.catalog.language
        var items: [PageItem] = []
        var anyToCheck = false
        for (status, key, role) in groups {
            var choices: [Choice] = []
            for (packIndex, evaluation) in evaluations.enumerated() {
                for result in evaluation.programs where result.status == status {
                    guard let spec = evaluation.pack.program(result.id) else { continue }
                    var label = spec.name[language.rawValue]
                    let amounts = amountText(result, context: context)
                    if !amounts.isEmpty { label += "  " + amounts }
                    if result.confidence == .toCheck, status != .ineligible {
                        label += " (\(context.text("results.to_check")))"
                        anyToCheck = true
                    }
                    choices.append(Choice(label: label, action: .open(ProgramRef(pack: packIndex, id: result.id))))
                }
            }
            guard !choices.isEmpty else { continue }
            // The status is said in words beside its colour, never by colour alone.
            items.append(.text("\(UIChrome.bullet) \(context.text(key)) (\(choices.count))", Style(role, bold: true)))
            items.append(.choices(choices))
        }
        var head = totalItems(context, evaluations: evaluations)
        if !context.compact { head.append(.text(context.text("results.open_hint"), Style(.muted))) }
        var tail: [PageItem] = [.text(context.text("results.decides"), Style(.text, bold: true))]
        if anyToCheck { tail.append(.text(context.text("results.to_check_note"), Style(.muted))) }
        tail.append(.choices([
            Choice(label: context.text("results.review"), action: .review),
            Choice(label: context.text("results.finish"), action: .finish),
            Choice(label: context.text("nav.help"), action: .help),
        ]))
        return Page(title: context.text("results.title"), items: head + items + tail, hints: context.hints(scrolls: true))
    }

    /// The total of what can be received together (`BenefitTotal`): no "0 won" for amounts not
    /// known yet, no zero part, and each programme left out of it named with the reason.
    static func totalItems(_ context: PageContext, evaluations: [Evaluation]) -> [PageItem] {
        guard evaluations.contains(where: { $0.programs.contains { $0.status == .eligible } }) else { return [] }
        let language = context.catalog.language
        let total = BenefitTotal(evaluations)
        var parts: [String] = []
        if total.monthly > 0 { parts.append(context.text("results.monthly", ["amount": MoneyText.format(total.monthly, in: language)])) }
        if total.oneTime > 0 { parts.append(context.text("results.one_time", ["amount": MoneyText.format(total.oneTime, in: language)])) }
        let amounts = parts.count == 2 ? context.text("results.total_both", ["monthly": parts[0], "one_time": parts[1]]) : parts.first ?? ""
        var items: [PageItem] = []
        if !total.isKnown {
            items.append(.text(context.text("results.total_unknown"), Style(.text, bold: true)))
        } else {
            items.append(.text(context.text(total.isFloor ? "results.total_floor" : "results.total", ["amounts": amounts]), Style(.text, bold: true)))
            if total.isFloor { items.append(.text(context.text("results.total_partial"), Style(.muted))) }
        }
        // Only a left-out amount changes the total; one without an amount is not in it anyway,
        // and its detail page says what it is received instead of.
        for left in total.leftOut {
            let result = evaluations[left.pack][left.program]
            guard result?.monthlyAmount != nil || result?.oneTimeAmount != nil,
                  let spec = evaluations[left.pack].pack.program(left.program) else { continue }
            items.append(.text(context.text("results.total_left_out", [
                "name": spec.name[language.rawValue], "reason": left.reason[language.rawValue],
            ]), Style(.muted)))
        }
        return items
    }

    static func amountText(_ result: ProgramResult, context: PageContext) -> String {
        let language = context.catalog.language
        var parts: [String] = []
        if let monthly = result.monthlyAmount, result.status != .ineligible {
            parts.append(context.text("results.monthly", ["amount": MoneyText.format(monthly.value, in: language)]))
        }
        if let once = result.oneTimeAmount, result.status != .ineligible {
            parts.append(context.text("results.one_time", ["amount": MoneyText.format(once.value, in: language)]))
        }
        return parts.joined(separator: ", ")
    }

    /// Why, what is unknown, how and where to apply, and a QR code of the programme's page.
    static func detail(_ context: PageContext, program: ProgramRef, evaluations: [Evaluation]) -> Page? {
        guard program.pack < evaluations.count else { return nil }
        let evaluation = evaluations[program.pack]
        guard let result = evaluation[program.id], let spec = evaluation.pack.program(program.id) else { return nil }
        let language = context.catalog.language.rawValue
        let group = groups.first { $0.0 == result.status }!
        var items: [PageItem] = []
        var status = "\(UIChrome.bullet) \(context.text(group.1))"
        let amounts = amountText(result, context: context)
        if !amounts.isEmpty { status += "  " + amounts }
        if result.confidence == .toCheck, result.status != .ineligible { status += " (\(context.text("results.to_check")))" }
        items.append(.text(status, Style(group.2, bold: true)))
        items.append(.text(spec.description[language]))

        let explanation = Explanation(result: result, in: evaluation, catalog: context.catalog)
        let reasons = (result.status == .eligible ? explanation.held : explanation.failed + explanation.held)
        if !reasons.isEmpty || !explanation.unknown.isEmpty {
            items.append(.heading(context.text("detail.reasons")))
            for reason in explanation.failed {
                items.append(.text("\(UIChrome.cross) \(reason)"))
            }
            for reason in explanation.held where result.status != .ineligible || explanation.failed.isEmpty {
                items.append(.text("\(UIChrome.check) \(reason)"))
            }
            if explanation.nearMisses > 0 { items.append(.text(context.text("detail.near_miss"), Style(.warning))) }
            if !explanation.unknown.isEmpty {
                items.append(.text(context.text("detail.unknown", ["facts": explanation.unknown.joined(separator: ", ")])))
            }
        }

        // Another programme this household may get instead: say so where the citizen decides.
        for exclusion in spec.notWith {
            guard let other = evaluation[exclusion.program], other.status != .ineligible,
                  let otherSpec = evaluation.pack.program(exclusion.program) else { continue }
            items.append(.text(context.text("detail.not_with", ["name": otherSpec.name[language], "reason": exclusion.reason[language]]), Style(.warning)))
        }

        items.append(.heading(context.text("detail.apply")))
        items.append(.text(context.text("detail.office", ["office": spec.apply.office[language]])))
        if !spec.apply.documents.isEmpty {
            items.append(.text(context.text("detail.documents", [
                "documents": spec.apply.documents.map { $0[language] }.joined(separator: ", "),
            ])))
        }
        items.append(.text(context.text("detail.counter", context.centre)))
        items.append(.text(context.text("detail.online")))
        items.append(.text(context.text("detail.phone", ["phone": spec.apply.phone])))
        if let matrix = QRMatrix(encoding: spec.apply.url) {
            items.append(.text(context.text("detail.qr", ["url": spec.apply.url]), Style(.muted)))
            items.append(.qr(QRCodeBlock(matrix: matrix)))
        }
        items.append(.text(context.text("results.decides"), Style(.muted)))
        items.append(.choices([
            Choice(label: context.text("detail.back"), action: .back),
            Choice(label: context.text("nav.help"), action: .help),
        ]))
        return Page(title: spec.name[language], items: items, hints: context.hints(scrolls: true))
    }
}
