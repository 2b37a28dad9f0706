import Rules
import Settings

/// The explanation the kiosk can always give: built from the engine's result and the locale
/// strings, no model involved. It is shown when no model is configured or the model fails, and
/// every figure in it comes from the fact sheet, so it passes the grounding guard by
/// construction (a test holds it to that).
public struct TemplateExplainer: Sendable {
    public let catalog: LocaleCatalog

    public init(catalog: LocaleCatalog) { self.catalog = catalog }

    public var language: Language { catalog.language }

    /// Sentences, one programme after another: eligible first with amounts and thresholds,
    /// then those needing answers, then the rest with their first reason.
    public func explain(_ sheet: FactSheet) -> [String] {
        var out: [String] = []
        let eligible = sheet.programs.filter { $0.status == .eligible }
        if eligible.isEmpty { out.append(catalog.text("explain.none")) }
        for p in eligible {
            out.append(catalog.text("explain.eligible", ["name": name(p)]))
            if let m = p.monthly, m.value > 0 { out.append(catalog.text("explain.monthly", ["amount": money(m.value)])) }
            if let o = p.oneTime, o.value > 0 { out.append(catalog.text("explain.one_time", ["amount": money(o.value)])) }
            // Chosen by the Korean labels, shown in the citizen's language.
            for (v, shown) in zip(p.values, p.shown.values) where Self.isThreshold(v.label) {
                out.append(catalog.text("explain.threshold", ["label": shown.label, "amount": money(v.won)]))
            }
            if p.confidence == .toCheck { out.append(catalog.text("explain.to_check")) }
        }
        for p in sheet.programs where p.status == .undetermined {
            out.append(catalog.text("explain.undetermined", ["name": name(p)]))
            if !p.shown.missing.isEmpty {
                out.append(catalog.text("explain.missing", ["facts": p.shown.missing.joined(separator: ", ")]))
            } else if let reason = p.shown.unmet.first {
                // Nothing the kiosk asks settles it (refer_to_staff): say why the centre decides.
                out.append(catalog.text("explain.reason", ["reason": Self.trimmed(reason)]))
            }
        }
        for p in sheet.programs where p.status == .ineligible {
            out.append(catalog.text("explain.ineligible", ["name": name(p)]))
            if let reason = p.shown.unmet.first { out.append(catalog.text("explain.reason", ["reason": Self.trimmed(reason)])) }
        }
        out.append(catalog.text("explain.closing"))
        return out
    }

    public func text(_ sheet: FactSheet) -> String { explain(sheet).joined(separator: "\n") }

    func name(_ p: FactSheet.Program) -> String { Self.name(p, language) }

    /// A programme's name in `language`, else Korean, else its id.
    static func name(_ p: FactSheet.Program, _ language: Language) -> String {
        p.names[language.rawValue] ?? p.names["ko"] ?? p.id.rawValue
    }

    /// The recognised income and the threshold it was held against; the intermediate values
    /// (evaluated income, asset conversion) would only crowd a citizen's screen.
    static func isThreshold(_ label: String) -> Bool { label.contains("기준") || label.hasPrefix("소득인정액") }

    static func trimmed(_ s: String) -> String {
        var t = s
        while let last = t.last, ".。 ".contains(last) { t.removeLast() }
        return t
    }

    /// Money as each language writes it: "82만 556원", "KRW 820,556", "820,556韩元", "820.556 won".
    public func money(_ won: Int) -> String { Self.money(won, language) }

    public static func money(_ won: Int, _ language: Language) -> String {
        switch language {
        case .ko: return KoreanMoney.format(Double(won))
        case .en: return "KRW " + grouped(won, ",")
        case .zh: return grouped(won, ",") + "韩元"
        case .vi: return grouped(won, ".") + " won"
        }
    }

    static func grouped(_ n: Int, _ separator: String) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += separator }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
