import Foundation
import Testing

/// `welfare-kiosk eval` run as a real process, as the acceptance checks and other front ends do.
@Suite("welfare-kiosk eval, end to end")
struct EvalCommandTests {
    /// The built binary: beside the test bundle (SwiftPM puts products together), else under .build.
    static func binary() throws -> URL {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("welfare-kiosk"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("welfare-kiosk"))
        candidates.append(Fixtures.repoRoot.appendingPathComponent(".build/debug/welfare-kiosk"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw BinaryMissing(searched: candidates.map(\.path))
        }
        return found
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        let searched: [String]
        var description: String { "welfare-kiosk is not built; run swift build first (looked in \(searched.joined(separator: ", ")))" }
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func eval(_ input: String, _ arguments: [String] = ["--date", "2026-06-01"]) throws -> Run {
        try run(["eval", "--rules", Fixtures.packDirectory] + arguments + ["-"], input: input)
    }

    /// The built welfare-kiosk with `arguments`, `input` on its standard input (none if nil).
    static func run(_ arguments: [String], input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        if input != nil { process.standardInput = stdin }
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    static func expectBadInput(_ input: String, mentions: [String], arguments: [String] = ["--date", "2026-06-01"]) throws {
        let run = try eval(input, arguments)
        #expect(run.status == 2, "exit status for \(input)")
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line on stderr, got: \(run.stderr)")
        for m in mentions { #expect(run.stderr.contains(m), "stderr should mention \(m): \(run.stderr)") }
    }

    @Test func unparsableJSONNamesThePosition() throws {
        try Self.expectBadInput("{\"age\": 67,\n \"has_spouse\" true}", mentions: ["line 2, column 15", "invalid JSON"])
    }

    @Test func wrongTypeNamesTheKey() throws {
        try Self.expectBadInput("{\"age\": \"67\"}", mentions: ["'age'", "whole number"])
        try Self.expectBadInput("{\"has_spouse\": 1}", mentions: ["'has_spouse'", "true or false"])
        try Self.expectBadInput("{\"children_age_months\": 5}", mentions: ["'children_age_months'"])
        try Self.expectBadInput("{\"age\": 67.5}", mentions: ["'age'"])
    }

    @Test func unknownKeySuggestsTheRightOne() throws {
        try Self.expectBadInput("{\"agee\": 67}", mentions: ["unknown fact 'agee'", "did you mean 'age'"])
    }

    @Test func negativeAmountNamesTheKey() throws {
        try Self.expectBadInput("{\"earned_income_krw\": -1}", mentions: ["'earned_income_krw'", "negative"])
        try Self.expectBadInput("{\"children_age_months\": [3, -1]}", mentions: ["'children_age_months'", "negative"])
    }

    @Test func aWrongEnumValueNamesTheKeyAndTheValues() throws {
        try Self.expectBadInput("{\"nationality\": \"korea\"}", mentions: ["'nationality'", "\"korean\", \"foreign\""])
        try Self.expectBadInput("{\"residence_status\": 3}", mentions: ["'residence_status'", "\"refugee\""])
    }

    /// Every pair contract 2026.2 lists: exit 2, one line naming both keys.
    @Test(arguments: [
        ("{\"property_krw\": 100, \"home_property_krw\": 101}", "home_property_krw", "property_krw"),
        ("{\"has_spouse\": false, \"spouse_age\": 60}", "spouse_age", "has_spouse"),
        ("{\"has_spouse\": false, \"spouse_earned_income_krw\": 0}", "spouse_earned_income_krw", "has_spouse"),
        ("{\"has_spouse\": false, \"spouse_korean\": true}", "spouse_korean", "has_spouse"),
        ("{\"has_spouse\": false, \"lives_with_spouse_parents\": false}", "lives_with_spouse_parents", "has_spouse"),
        ("{\"earned_income_krw\": 10, \"spouse_earned_income_krw\": 11}", "spouse_earned_income_krw", "earned_income_krw"),
        ("{\"household_size\": 1, \"has_spouse\": true}", "has_spouse", "household_size"),
        ("{\"household_size\": 1, \"children_age_months\": [5]}", "children_age_months", "household_size"),
        ("{\"household_size\": 1, \"spouse_age\": 60}", "spouse_age", "household_size"),
        ("{\"nationality\": \"foreign\", \"residence_status\": \"resident\"}", "residence_status", "nationality"),
        ("{\"nationality\": \"foreign\", \"residence_status\": \"overseas_national\"}", "residence_status", "nationality"),
        ("{\"nationality\": \"korean\", \"residence_status\": \"refugee\"}", "residence_status", "nationality"),
        ("{\"children_age_months\": [], \"children_korean\": true}", "children_korean", "children_age_months"),
    ])
    func contradictingFactsAreBadInput(input: String, key: String, other: String) throws {
        try Self.expectBadInput(input, mentions: ["'\(key)'", "'\(other)'", "contradicts"])
    }

    @Test func consistentFactsAreAccepted() throws {
        for input in ["{\"property_krw\": 100, \"home_property_krw\": 100}", "{\"spouse_age\": 60}",
                      "{\"nationality\": \"korean\", \"residence_status\": \"overseas_national\"}",
                      "{\"nationality\": \"foreign\", \"residence_status\": \"marriage_migrant\", \"children_age_months\": [3], \"children_korean\": true}"] {
            let run = try Self.eval(input)
            #expect(run.status == 0, "\(input): \(run.stderr)")
        }
    }

    @Test func badDatesAreRejected() throws {
        try Self.expectBadInput("{}", mentions: ["--date", "2026-13-01"], arguments: ["--date", "2026-13-01"])
        try Self.expectBadInput("{}", mentions: ["--date", "outside"], arguments: ["--date", "2031-01-01"])
    }

    @Test func goodInputGivesTheContractShape() throws {
        let run = try Self.eval("{\"age\": 67, \"has_spouse\": false, \"household_size\": 1, \"earned_income_krw\": 0, \"other_income_krw\": 0, "
            + "\"property_krw\": 0, \"financial_assets_krw\": 0, \"debt_krw\": 0, \"car_value_krw\": 0, \"national_pension_krw\": null, "
            // Nationality decides every programme (reference, nationality and residence status).
            + "\"nationality\": \"korean\"}")
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["date"] as? String == "2026-06-01")
        let rules = try #require(json["rules"] as? [String: Any])
        #expect(rules["id"] as? String == "kr-welfare")
        #expect(rules["version"] is String)
        #expect(json.keys.contains("next_question"))
        let programs = try #require(json["programs"] as? [[String: Any]])
        #expect(programs.count == 16)
        #expect(programs.map { $0["id"] as! String } == programs.map { $0["id"] as! String }.sorted())
        for p in programs {
            for key in ["id", "name", "status", "monthly_amount_krw", "one_time_amount_krw", "confidence", "missing", "unmet", "trace"] {
                #expect(p.keys.contains(key), "\(p["id"]!) lacks \(key)")
            }
            #expect(["eligible", "ineligible", "undetermined"].contains(p["status"] as! String))
            #expect(["verified", "to_check"].contains(p["confidence"] as! String))
            #expect((p["name"] as? [String: String])?["ko"] != nil)
        }
        let pension = try #require(programs.first { $0["id"] as? String == "basic_pension" })
        #expect(pension["status"] as? String == "eligible")
        #expect(pension["monthly_amount_krw"] as? Int == 349_700)
        #expect(pension["one_time_amount_krw"] is NSNull)
        let trace = try #require(pension["trace"] as? [[String: Any]])
        let age = try #require(trace.first { $0["rule"] as? String == "age >= basic_pension_age" })
        #expect(age["value"] as? Bool == true)
        #expect((age["facts"] as? [String: Any])?["age"] as? Int == 67)
    }

    @Test func readsAFileAndNamesItInErrors() throws {
        let dir = try Fixtures.temporaryPack(["good.json": "{\"children_age_months\": [30, 60], \"nationality\": \"korean\"}", "bad.json": "{\"age\": -3}"])
        let good = Process()
        good.executableURL = try Self.binary()
        good.arguments = ["eval", "--rules", Fixtures.packDirectory, "--date", "2026-06-01", dir + "/good.json"]
        let out = Pipe()
        good.standardOutput = out
        try good.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        good.waitUntilExit()
        #expect(good.terminationStatus == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let child = try #require((json["programs"] as? [[String: Any]])?.first { $0["id"] as? String == "child_allowance" })
        #expect(child["monthly_amount_krw"] as? Int == 200_000)

        let bad = Process()
        bad.executableURL = try Self.binary()
        bad.arguments = ["eval", "--rules", Fixtures.packDirectory, "--date", "2026-06-01", dir + "/bad.json"]
        let err = Pipe()
        bad.standardError = err
        bad.standardOutput = Pipe()
        try bad.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        bad.waitUntilExit()
        #expect(bad.terminationStatus == 2)
        #expect(message.contains("bad.json") && message.contains("'age'") && message.split(separator: "\n").count == 1)
    }

    @Test func textFormatIsAKoreanSummary() throws {
        let run = try Self.eval("{\"age\": 64}", ["--date", "2026-06-01", "--format", "text"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("기초연금"))
        #expect(run.stdout.contains("행정복지센터"))
    }
}
