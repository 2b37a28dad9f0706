import Rules
import Settings
import TextLayout

/// Every programme and parameter of the configured packs as rows a staff member can search:
/// by Korean name, by its initial consonants (ㄱㅊㅇㄱ → 기초연금) or by its Latin id; a
/// programme found brings the parameters its rules read.
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
    /// For each parameter, the programmes that read it.
    private let readers: [String: Set<ProgramID>]

    /// A parameter borrowed by a later pack (kr-culture imports kr-welfare's) is listed once,
    /// under the pack that declares it first.
    public init(book: RuleBook) {
        var rows: [Row] = []
        var listed = Set<String>()
        var readers: [String: Set<ProgramID>] = [:]
        for (index, pack) in book.packs.enumerated() {
            for program in pack.programs {
                rows.append(Row(pack: index, kind: .program(program.id), name: program.name.ko, id: program.id.rawValue))
                for parameter in pack.parameters(of: program.id) { readers[parameter.name, default: []].insert(program.id) }
            }
            for parameter in pack.parameters where listed.insert(parameter.name).inserted {
                rows.append(Row(pack: index, kind: .parameter(parameter.name), name: parameter.label.ko, id: parameter.name))
            }
        }
        self.rows = rows
        self.readers = readers
    }

    /// The rows whose Korean name or id matches `query` (everything for an empty query), and
    /// the parameters of every programme found: 기초연금 (ㄱㅊㅇㄱ) brings its 기준연금액 along.
    public func search(_ query: String) -> [Row] {
        func matches(_ row: Row) -> Bool { HangulInitials.matches(query, in: row.name) || HangulInitials.matches(query, in: row.id) }
        var found = Set<ProgramID>()
        for row in rows where matches(row) { if case .program(let id) = row.kind { found.insert(id) } }
        return rows.filter { row in
            if matches(row) { return true }
            guard case .parameter(let name) = row.kind, let programs = readers[name] else { return false }
            return !programs.isDisjoint(with: found)
        }
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
