import ArgumentParser
import Foundation
import Rules

/// What `eval` and `explain` both read: the day, the rule pack and a household's facts, with
/// the contract's errors (one line on standard error, exit 2) for anything malformed.
enum HouseholdInput {
    /// Evaluates the facts in `file` (or standard input for `-`) on `date` (default today),
    /// with the trace.
    static func evaluate(file: String, date: String?, rules: String?, config: ConfigOption) throws -> Evaluation {
        let day: Day
        if let date {
            guard let parsed = Day(date) else { throw fail("--date '\(date)' is not a date; write YYYY-MM-DD, e.g. 2026-06-01") }
            day = parsed
        } else {
            day = Day(Date())
        }
        let pack = try RulesLocation.load(try RulesLocation.resolve(rules, config: config))
        guard pack.coverage.contains(day) else {
            throw fail("--date \(day) is outside the dates the \(pack.id) pack covers (\(pack.coverage.from) to \(pack.coverage.to))")
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
            return try pack.evaluate(json: text, on: day)
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
