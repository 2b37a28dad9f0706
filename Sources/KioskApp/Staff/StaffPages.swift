import Foundation
import Rules
import SessionLog
import Settings
import Terminal
import TextLayout

/// The staff screens as pages: the same layout, focus, digit shortcuts and touch targets as the
/// citizen's screens, so staff need no list of keys either.
enum StaffPages {
    static func pin(_ context: PageContext, entry: PinEntry) -> Page {
        var items: [PageItem] = []
        if case .locked(let seconds) = entry.verdict {
            items.append(.text(context.text("staff.pin_locked", ["minutes": String(seconds / 60), "seconds": String(seconds % 60)]),
                               Style(.warning, bold: true)))
            items.append(.choices([Choice(label: context.text("staff.cancel"), action: .staff(.leave))]))
            // Digits still "type" (into nothing), so a PIN typed on this screen does not press Cancel.
            return Page(title: context.text("staff.pin_title"), items: items, hints: [context.text("keys.select")], typesDigits: true)
        }
        var error: String?
        if case .wrong(let tries) = entry.verdict {
            error = context.text("staff.pin_wrong", ["tries": String(tries)])
        }
        items.append(.text(context.text("staff.pin_prompt")))
        items.append(.field(input: String(repeating: PinEntry.dot, count: entry.typed.count), echo: "", error: error))
        items.append(.choices([
            Choice(label: context.text("staff.pin_confirm"), action: .staff(.confirmPin)),
            Choice(label: context.text("staff.cancel"), action: .staff(.leave)),
        ]))
        // Digits to touch, for a kiosk whose keypad is out of reach, as on the question pages.
        let keys = "1234567890".map { Choice(label: String($0), action: .staff(.typePin($0))) }
            + [Choice(label: context.text("staff.pin_erase"), action: .staff(.erasePin))]
        items += [.choices(Array(keys.prefix(6))), .choices(Array(keys.dropFirst(6)))]
        return Page(title: context.text("staff.pin_title"), items: items,
                    hints: [context.text("keys.select"), context.text("nav.type")], typesDigits: true)
    }

    static func menu(_ context: PageContext, idleMinutes: Int) -> Page {
        let choices = StaffMenuItem.all.map { item in
            Choice(label: label(of: item, context), action: .staff(.open(item)))
        }
        return Page(
            title: context.text("staff.menu_title"),
            items: [
                .text(context.text("staff.menu_body", ["minutes": String(idleMinutes)]), Style(.muted)),
                .choices(choices),
                .choices([Choice(label: context.text("staff.leave"), action: .staff(.leave))]),
            ],
            hints: hints(context))
    }

    static func label(of item: StaffMenuItem, _ context: PageContext) -> String {
        switch item {
        case .demo: context.text("demo.menu_item")
        case .policy: context.text("policy.menu_item")
        case .statistics: context.text("staff.item_statistics")
        case .health: context.text("staff.item_health")
        case .language: context.text("staff.item_language", ["language": context.text(LocaleKey("language.\(context.catalog.language.rawValue)"))])
        case .exitToMaintenance: context.text("staff.item_exit")
        }
    }

    static func confirmExit(_ context: PageContext) -> Page {
        Page(
            title: context.text("staff.exit_title"),
            items: [
                .text(context.text("staff.exit_body")),
                // The safe choice first, so it has the focus: an Enter pressed by habit keeps
                // the kiosk running.
                .choices([
                    Choice(label: context.text("staff.cancel"), action: .staff(.menu)),
                    Choice(label: context.text("staff.exit_confirm"), action: .staff(.exitConfirmed)),
                ]),
            ],
            hints: hints(context))
    }

    // MARK: - Health

    static func health(_ context: PageContext, screen: HealthScreen, timeZone: TimeZone) -> Page {
        var lines: [String] = []
        switch screen.storage {
        case .loading, .failed:
            lines.append(context.text("staff.health_checking"))
        case .loaded(let storage):
            if let bytes = storage.databaseBytes {
                lines.append(context.text("staff.health_database", ["size": byteText(bytes), "wal": byteText(storage.walBytes ?? 0)]))
            } else {
                lines.append(context.text("staff.health_database_missing"))
            }
            if let dropped = storage.droppedSessions {
                lines.append(context.text("staff.health_dropped", ["count": String(dropped)]))
                if let error = storage.lastError {
                    lines.append(context.text("staff.health_last_error", ["error": String(error.prefix(120))]))
                }
                if let last = storage.lastRetention {
                    lines.append(context.text("staff.health_retention", ["time": timeText(last, timeZone: timeZone)]))
                } else {
                    lines.append(context.text("staff.health_retention_never"))
                }
            } else {
                lines.append(context.text("staff.health_no_writer"))
            }
            lines.append(storage.freeBytes.map { context.text("staff.health_disk", ["size": byteText($0)]) }
                ?? context.text("staff.health_disk_unknown"))
        }
        switch screen.llm {
        case .loading, .failed: lines.append(context.text("staff.health_llm_checking"))
        case .loaded(.notConfigured): lines.append(context.text("staff.health_llm_off"))
        case .loaded(.reachable(let status, let ms)):
            lines.append(context.text("staff.health_llm_ok", ["status": String(status), "ms": String(ms)]))
        case .loaded(.unreachable(let reason)):
            lines.append(context.text("staff.health_llm_down", ["reason": reason]))
        }
        let items: [PageItem] = lines.map { .text("\(UIChrome.bullet) \($0)") } + [
            .choices([
                Choice(label: context.text("staff.refresh"), action: .staff(.refreshHealth)),
                Choice(label: context.text("staff.to_menu"), action: .staff(.menu)),
            ]),
        ]
        return Page(title: context.text("staff.health_title"), items: items, hints: hints(context, scrolls: true))
    }

    /// Bytes in the largest unit that keeps a number of at least 1, one decimal: "1.2 MB".
    static func byteText(_ bytes: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }

    static func timeText(_ date: Date, timeZone: TimeZone) -> String {
        let time = CivilTime(date, timeZone: timeZone)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let minute = ((local % 3600) + 3600) % 3600 / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(time.year)-\(two(time.month))-\(two(time.day)) \(two(time.hour)):\(two(minute))"
    }

    // MARK: - Statistics

    static func statistics(_ context: PageContext, screen: StatisticsScreen, rules: RuleBook) -> Page {
        var navigation = [Choice(label: "\(UIChrome.backAngle) " + context.text("staff.stats_previous"), action: .staff(.previousMonth))]
        if screen.month < screen.latest {
            navigation.append(Choice(label: context.text("staff.stats_next") + " \(UIChrome.forwardAngle)", action: .staff(.nextMonth)))
        }
        navigation.append(Choice(label: context.text("staff.to_menu"), action: .staff(.menu)))
        var items: [PageItem] = [.choices(navigation)]
        switch screen.figures {
        case .loading:
            items.append(.text(context.text("staff.stats_loading"), Style(.muted)))
        case .failed(let reason):
            items.append(.text(context.text("staff.stats_failed", ["reason": reason]), Style(.warning, bold: true)))
        case .loaded(let figures):
            items += statisticsItems(context, figures: figures, rules: rules)
        }
        return Page(title: context.text("staff.stats_title", ["month": screen.month.description]), items: items,
                    hints: hints(context, scrolls: true))
    }

    private static func statisticsItems(_ context: PageContext, figures: MonthlyStatistics, rules: RuleBook) -> [PageItem] {
        let k = ["k": String(figures.k)]
        // Each withheld cell says why: small itself, or hiding a small one from subtraction.
        func figure(_ cell: PublishedCount) -> String {
            switch cell {
            case .count(let n): String(n)
            case .suppressed: context.text("staff.stats_withheld", k)
            case .protecting: context.text("staff.stats_protecting", k)
            }
        }
        guard figures.sessions != .count(0) else { return [.text(context.text("staff.stats_empty"))] }
        var items: [PageItem] = [.text(context.text("staff.stats_sessions", ["count": figure(figures.sessions), "k": String(figures.k)]))]
        func row(_ label: String, _ cell: PublishedCount) -> BarChart.Row {
            BarChart.Row(label: label, value: cell.value, figure: figure(cell))
        }
        for table in figures.tables where !table.cells.isEmpty {
            items.append(.heading(context.text(LocaleKey("staff.stats_\(table.name)"))))
            items.append(.chart(BarChart(rows: table.cells.map { row(label(of: $0.key, in: table.name, context), $0.cell) })))
        }
        if !figures.programs.isEmpty {
            items.append(.heading(context.text("staff.stats_eligible")))
            items.append(.chart(BarChart(rows: figures.programs.map {
                row(programName($0.program, rules: rules, language: context.catalog.language), $0.eligible)
            })))
        }
        return items
    }

    /// A band or token as staff read it: words for "unknown" and languages, "%" on income bands.
    private static func label(of key: String, in table: String, _ context: PageContext) -> String {
        if key == "unknown" { return context.text("staff.stats_unknown") }
        switch table {
        case "language" where Language(rawValue: key) != nil: return context.text(LocaleKey("language.\(key)"))
        case "income": return key + "%"
        default: return key
        }
    }

    private static func programName(_ id: String, rules: RuleBook, language: Language) -> String {
        for pack in rules.packs {
            if let spec = pack.program(ProgramID(id)) { return spec.name[language.rawValue] }
        }
        return id
    }

    private static func hints(_ context: PageContext, scrolls: Bool = false) -> [String] {
        var hints = [context.text("keys.select"), context.text("keys.move"), context.text("nav.keypad_back")]
        if scrolls { hints.append(context.text("nav.scroll")) }
        return context.compact ? [context.text("keys.select"), context.text("nav.keypad_back")] : hints
    }
}
