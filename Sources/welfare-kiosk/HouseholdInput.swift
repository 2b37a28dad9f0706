import ArgumentParser
import Foundation
import Rules

/// What `eval` and `explain` both read: the day, the rule pack and a household's facts, with
/// the contract's errors (one line on standard error, exit 2) for anything malformed.
enum HouseholdInput {
    /// Evaluates the facts in `file` (or standard input for `-`) on `date` (default today), with
    /// the trace, against every pack: those named by `rules` (each `--rules`), else every pack
    /// kiosk.conf enables, as the kiosk does. `mainOnly` keeps the first pack alone (explain and
    /// ask word the main pack's result).
    ///
    /// The facts are read against the packs' joint vocabulary, so a fact only another pack asks
    /// about is not an "unknown fact"; the first pack comes first in the result.
    static func evaluate(file: String, date: String?, rules: [String], config: ConfigOption,
                         mainOnly: Bool = false) throws -> [Evaluation] {
        let day: Day
        if let date {
            guard let parsed = Day(date) else { throw fail("--date '\(date)' is not a date; write YYYY-MM-DD, e.g. 2026-06-01") }
            day = parsed
        } else {
            day = Day(Date())
        }
        var folders = rules.isEmpty ? try RulesLocation.resolveAll(nil, config: config) : rules.map(RulesLocation.packFolder)
        if mainOnly { folders = Array(folders.prefix(1)) }
        var packs: [RulePack] = []
        for folder in folders {
            let pack = try RulesLocation.load(folder)
            guard pack.coverage.contains(day) else {
                throw fail("--date \(day) is outside the dates the \(pack.id) pack covers (\(pack.coverage.from) to \(pack.coverage.to))")
            }
            // The same pack named twice would list its programmes twice.
            if !packs.contains(where: { $0.id == pack.id }) { packs.append(pack) }
        }
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else { throw fail("\(file): cannot read this file") }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else { throw fail("\(file): the input is not UTF-8 text") }
        do {
            return try RulePack.evaluate(json: text, packs: packs, on: day)
        } catch {
            throw fail("\(file == "-" ? "<stdin>" : file): \(error)")
        }
    }

    /// One line on standard error; the caller throws the exit code.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        return ExitCode(2)
    }
}
