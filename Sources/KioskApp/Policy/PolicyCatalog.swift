import Rules
import Settings
import TextLayout

/// Every programme and parameter of the configured packs as rows a staff member can search:
/// by Korean name, by its initial consonants (ㄱㅊㅇㄱ → 기초연금) or by its Latin id.
///
/// Pure: built from the rule book, filtered by the query, no I/O.
public struct PolicyCatalog: Sendable {
    public struct Row: Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            case program(ProgramID)
            case parameter(String)
        }

        /// The pack's position in the rule book.
        public let pack: Int
        public let kind: Kind
        /// The Korean name (programmes) or label (parameters): what staff search by.
        public let name: String
        public let id: String
    }

    public let rows: [Row]

    /// A parameter borrowed by a later pack (kr-culture imports kr-welfare's) is listed once,
    /// under the pack that declares it first.
    public init(book: RuleBook) {
        var rows: [Row] = []
        var listed = Set<String>()
        for (index, pack) in book.packs.enumerated() {
            for program in pack.programs {
                rows.append(Row(pack: index, kind: .program(program.id), name: program.name.ko, id: program.id.rawValue))
            }
            for parameter in pack.parameters where listed.insert(parameter.name).inserted {
                rows.append(Row(pack: index, kind: .parameter(parameter.name), name: parameter.label.ko, id: parameter.name))
            }
        }
        self.rows = rows
    }

    /// The rows whose Korean name or id matches `query` (everything for an empty query).
    public func search(_ query: String) -> [Row] {
        rows.filter { HangulInitials.matches(query, in: $0.name) || HangulInitials.matches(query, in: $0.id) }
    }
}

/// How a parameter's value reads on screen, in the language's way of writing amounts.
enum ParameterText {
    static func value(_ value: Double, unit: Unit, language: Language) -> String {
        guard !value.isNaN else { return "?" }
        switch unit {
        case .won: return MoneyText.format(Int(value.rounded()), in: language)
        case .ratio: return percent(value)
        default: return value == value.rounded() ? String(Int(value)) : String(value)
        }
    }

    /// 0.32 → "32%", 0.0417 → "4.17%".
    static func percent(_ ratio: Double) -> String {
        let hundredths = Int((ratio * 10_000).rounded())
        let whole = hundredths / 100, rest = hundredths % 100
        if rest == 0 { return "\(whole)%" }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)%" : "\(whole).\(rest < 10 ? "0" : "")\(rest)%"
    }

    /// "[V]", "[S]" or "[U]": verified, single source, unconfirmed.
    static func mark(_ mark: Mark) -> String { "[\(mark.rawValue)]" }

    /// One line for the list: a scalar's value or a table's first cells, with its mark.
    static func summary(_ parameter: Parameter, on day: Day, language: Language) -> String {
        guard let entry = parameter.entry(on: day) else { return "-" }
        let carried = parameter.confirmedThrough.map { day > $0 } ?? false
        let mark = carried ? .unconfirmed : (entry.marks.max() ?? .unconfirmed)
        if parameter.isTable {
            let first = entry.values.prefix(2).map { value($0, unit: parameter.unit, language: language) }
            return "1: " + first.joined(separator: ", 2: ") + (entry.values.count > 2 ? " \(UIChrome.ellipsis)" : "") + " " + Self.mark(mark)
        }
        return value(entry.values.first ?? .nan, unit: parameter.unit, language: language) + " " + Self.mark(mark)
    }
}
