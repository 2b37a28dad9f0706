import Foundation

/// How `welfare-kiosk stats` prints a month.
///
/// Why the labels are identifiers (`age`, `basic_pension`, `<=32`): this output is read by staff
/// tools, spreadsheets and the city's analysts, not by citizens; the kiosk's own statistics screen
/// takes its words from `locales/`.
public enum StatisticsFormat: String, CaseIterable, Sendable {
    case table, csv, json

    public func render(_ statistics: MonthlyStatistics) -> String {
        switch self {
        case .table: Self.table(statistics)
        case .csv: Self.csv(statistics)
        case .json: Self.json(statistics)
        }
    }

    /// What a withheld cell reads as in table and CSV output: "<5" for a small cell, "5+" for one
    /// withheld so that a small one cannot be worked out.
    static func text(_ cell: PublishedCount, k: Int) -> String {
        switch cell {
        case .count(let n): String(n)
        case .suppressed: "<\(k)"
        case .protecting: "\(k)+"
        }
    }

    // MARK: - Table

    private static func table(_ s: MonthlyStatistics) -> String {
        var lines = ["Sessions in \(s.month): \(text(s.sessions, k: s.k))  (cells under \(s.k) sessions withheld as <\(s.k); \(s.k)+ marks a larger cell withheld so that they cannot be worked out)"]
        func section(_ title: String, _ table: StatisticsTable) {
            lines.append("")
            lines.append(title)
            if table.cells.isEmpty { lines.append("  (none)") }
            let width = table.cells.map(\.key.count).max() ?? 0
            for entry in table.cells {
                lines.append("  " + entry.key.padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  " + text(entry.cell, k: s.k))
            }
        }
        let titles = ["age": "By age band", "household": "By household size", "income": "By income band (% of median)",
                      "language": "By language", "exit": "Where sessions ended"]
        for table in s.tables {
            section(titles[table.name] ?? table.name, table)
        }
        lines.append("")
        lines.append("Programme outcomes")
        let width = max(s.programs.map(\.program.count).max() ?? 0, "programme".count)
        func row(_ columns: [String]) -> String {
            "  " + columns[0].padding(toLength: width, withPad: " ", startingAt: 0)
                + columns.dropFirst().map { "  " + String(repeating: " ", count: max(0, 12 - $0.count)) + $0 }.joined()
        }
        lines.append(row(["programme", "evaluated", "eligible", "undetermined", "ineligible"]))
        for program in s.programs {
            lines.append(row([program.program] + [program.evaluated, program.eligible, program.undetermined, program.ineligible]
                .map { text($0, k: s.k) }))
        }
        section("Answered \"unknown\"", s.unknownAnswers)
        section("Accessibility features used", s.accessibility)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - CSV

    private static func csv(_ s: MonthlyStatistics) -> String {
        var lines = ["month,table,key,status,count", "\(s.month),sessions,,,\(text(s.sessions, k: s.k))"]
        for table in s.tables + [s.unknownAnswers, s.accessibility] {
            for entry in table.cells {
                lines.append("\(s.month),\(table.name),\(csvField(entry.key)),,\(text(entry.cell, k: s.k))")
            }
        }
        for program in s.programs {
            for (status, cell) in [("evaluated", program.evaluated), ("eligible", program.eligible),
                                   ("undetermined", program.undetermined), ("ineligible", program.ineligible)] {
                lines.append("\(s.month),program,\(csvField(program.program)),\(status),\(text(cell, k: s.k))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Quotes a field that a spreadsheet would otherwise split or read as a formula.
    private static func csvField(_ text: String) -> String {
        let needsQuotes = text.contains(where: { ",\"\n".contains($0) }) || text.hasPrefix("=")
            || text.hasPrefix("<") || text.hasPrefix(">")
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    // MARK: - JSON

    private struct JSONReport: Encodable {
        let month: String
        let k: Int
        let sessions: JSONCell
        let byBand: [String: [String: JSONCell]]
        let byLanguage: [String: JSONCell]
        let dropOff: [String: JSONCell]
        let programs: [String: [String: JSONCell]]
        let unknownAnswers: [String: JSONCell]
        let accessibility: [String: JSONCell]

        enum CodingKeys: String, CodingKey {
            case month, k, sessions, programs, accessibility
            case byBand = "by_band", byLanguage = "by_language", dropOff = "drop_off"
            case unknownAnswers = "unknown_answers"
        }
    }

    /// A count, or `null` when withheld.
    private struct JSONCell: Encodable {
        let cell: PublishedCount
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let value = cell.value { try container.encode(value) } else { try container.encodeNil() }
        }
    }

    private static func json(_ s: MonthlyStatistics) -> String {
        func object(_ table: StatisticsTable?) -> [String: JSONCell] {
            Dictionary(uniqueKeysWithValues: (table?.cells ?? []).map { ($0.key, JSONCell(cell: $0.cell)) })
        }
        let byName = Dictionary(uniqueKeysWithValues: s.tables.map { ($0.name, $0) })
        let report = JSONReport(
            month: s.month.description,
            k: s.k,
            sessions: JSONCell(cell: s.sessions),
            byBand: ["age": object(byName["age"]), "household": object(byName["household"]),
                      "income": object(byName["income"])],
            byLanguage: object(byName["language"]),
            dropOff: object(byName["exit"]),
            programs: Dictionary(uniqueKeysWithValues: s.programs.map {
                ($0.program, ["evaluated": JSONCell(cell: $0.evaluated), "eligible": JSONCell(cell: $0.eligible),
                              "undetermined": JSONCell(cell: $0.undetermined), "ineligible": JSONCell(cell: $0.ineligible)])
            }),
            unknownAnswers: object(s.unknownAnswers),
            accessibility: object(s.accessibility))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
