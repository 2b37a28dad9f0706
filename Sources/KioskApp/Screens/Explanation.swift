import Foundation
import Rules
import Settings

/// Why a programme came out as it did, in plain sentences, from the evaluation's trace.
///
/// Comparisons the pack writes as `a <= b` are explained with both figures and, when they fail,
/// by how much ("기준보다 3만 원 많아요"): a citizen just over a line should know it. Conditions of
/// any other shape fall back on the pack's own words for them (`unmet`).
struct Explanation: Equatable {
    /// Conditions that hold, explained.
    var held: [String] = []
    /// Conditions that fail, explained, closest first.
    var failed: [String] = []
    /// Failures within a tenth of their limit.
    var nearMisses: Int = 0
    /// What the citizen has not told us that could still change the result.
    var unknown: [String] = []

    init(result: ProgramResult, in evaluation: Evaluation, catalog: LocaleCatalog) {
        let language = catalog.language
        let trace = evaluation.trace(result)
        let pack = evaluation.pack
        var definitions: [String: (label: String?, value: Double, unit: Rules.Unit)] = [:]
        for entry in trace where entry.kind == .value {
            if let point = entry.value?.point {
                let label = pack.definitionLabel(entry.rule).map { $0[language.rawValue] } ?? entry.label(in: language.rawValue)
                definitions[entry.rule] = (label, point, entry.unit)
            }
        }
        // Failed conditions come in the pack's order in both the trace and `unmet`.
        let unmet = evaluation.unmet(result, language: language.rawValue)
        var failedIndex = 0
        var failures: [(ratio: Double, text: String)] = []
        for entry in trace where entry.kind == .condition {
            guard let truth = entry.truth else { continue }
            let fallback: String? = truth ? nil : (failedIndex < unmet.count ? unmet[failedIndex] : nil)
            if !truth { failedIndex += 1 }
            func operand(_ name: String) -> (label: String?, value: Double, unit: Rules.Unit)? {
                if let number = Double(name) { return (nil, number, .count) }
                if let definition = definitions[name] { return definition }
                if let reading = entry.facts.first(where: { $0.key.rawValue == name }), case .number(let n)? = reading.value,
                   let spec = pack.fact(reading.key) {
                    let unit: Rules.Unit = if case .scalar(let u) = spec.type { u } else { .count }
                    return (spec.label[language.rawValue], Double(n), unit)
                }
                if let reading = entry.parameters.first(where: { $0.name == name }), let point = reading.value.point {
                    let spec = pack.parameters.first { $0.name == name }
                    return (spec?.label[language.rawValue], point, spec?.unit ?? .count)
                }
                return nil
            }
            guard let comparison = Comparison(entry.rule), let left = operand(comparison.left),
                  let right = operand(comparison.right), let subject = left.label
            else {
                // Conditions of any other shape keep the pack's own words for them.
                if let fallback { failures.append((Double.infinity, fallback)) }
                continue
            }
            let value = Self.format(left.value, unit: left.unit, language: language)
            let limit = Self.format(right.value, unit: right.unit, language: language)
            let placeholders = [
                "subject": subject,
                "value": language == .ko ? value + Josa.subject(after: value) : value,
                "limit": limit,
                "difference": Self.format(abs(left.value - right.value), unit: left.unit, language: language),
            ]
            if truth {
                held.append(catalog.text(LocaleKey("detail.why.\(comparison.heldKey)"), placeholders))
            } else {
                let ratio = right.value == 0 ? .infinity : abs(left.value - right.value) / abs(right.value)
                if ratio <= 0.1 { nearMisses += 1 }
                failures.append((ratio, catalog.text(LocaleKey("detail.why.\(comparison.failedKey)"), placeholders)))
            }
        }
        failed = failures.sorted { $0.ratio < $1.ratio }.map(\.text)
        unknown = evaluation.missing(result).map { pack.fact($0)?.label[language.rawValue] ?? $0.rawValue }
    }

    static func format(_ value: Double, unit: Rules.Unit, language: Language) -> String {
        switch unit {
        case .won, .years, .months: return LocalNumbers.one(value, unit: unit, language: language.rawValue)
        default: return value.rounded() == value ? String(value.clampedInt) : String(format: "%.2f", value)
        }
    }
}

/// `a <= b` and its kin, as the pack's rule texts write them.
struct Comparison {
    let left: String
    let op: String
    let right: String

    init?(_ source: String) {
        let parts = source.split(separator: " ").map(String.init)
        guard parts.count == 3, ["<=", "<", ">=", ">"].contains(parts[1]),
              parts[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
              parts[2].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
        else { return nil }
        (left, op, right) = (parts[0], parts[1], parts[2])
    }

    var heldKey: String {
        switch op {
        case "<=": "at_most"
        case "<": "below"
        case ">=": "at_least"
        default: "above"
        }
    }

    /// A failed `<=` means the figure is over its limit, a failed `>=` under it.
    var failedKey: String { op.hasPrefix("<") ? "over_by" : "under_by" }
}
