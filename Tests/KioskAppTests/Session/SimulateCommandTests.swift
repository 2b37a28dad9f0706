import Foundation
import Testing

/// `welfare-kiosk simulate` run as staff run it: the built binary, a temporary log, then the
/// rows read back with `welfare-kiosk stats`.
@Suite("simulate command")
struct SimulateCommandTests {
    @Test func sessionsFromAJSONLFileLandInTheLog() throws {
        let folder = try SimulateFolder()
        let answers = folder.write("households.jsonl", """
            {"age": 78, "nationality": "korean", "has_spouse": false, "household_size": 1, "earned_income_krw": 0, "other_income_krw": 400000, \
            "property_krw": 30000000, "financial_assets_krw": 2000000, "debt_krw": 0, "car_value_krw": 0, "children_age_months": []}

            {"age": 31, "single_parent": true, "household_size": 2, "children_age_months": [20]}
            {"age": 27}

            """)
        let db = folder.path("log.sqlite")
        let run = try runKiosk(["simulate", "--config", kioskConf, "--answers", answers, "--count", "30", "--db", db,
                                "--date", "2026-06-01"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = run.stdout.split(separator: "\n")
        #expect(summary.count == 1, "one line: \(run.stdout)")
        #expect(run.stdout.hasPrefix("세션 30개를 기록했어요. 빠진 세션 0개"), "\(run.stdout)")

        let stats = try runKiosk(["stats", "--config", kioskConf, "--db", db, "--month", "2026-06", "--format", "json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(json["sessions"] as? Int == 30)
        let drop = try #require(json["drop_off"] as? [String: Any])
        #expect(drop["results"] as? Int == 30, "every simulated session reaches the results")
        let bands = try #require(json["by_band"] as? [String: Any])
        let age = try #require(bands["age"] as? [String: Any])
        // Three households in turn (78, 31, 27): ten sessions each, above k = 5 in every cell.
        #expect(age["75+"] as? Int == 10)
        #expect(age["19-34"] as? Int == 20)
        let programs = try #require(json["programs"] as? [String: Any])
        let pension = try #require(programs["basic_pension"] as? [String: Any])
        #expect(pension["eligible"] as? Int == 10, "the 78-year-old qualifies, as eval says")
        #expect(pension["ineligible"] as? Int == 20)
        #expect(programs["culture_nuri_card"] != nil, "kiosk.conf's extra pack is logged too")
    }

    @Test func oneObjectFileRunsCountTimes() throws {
        let folder = try SimulateFolder()
        let answers = folder.write("one.json", "{\n  \"age\": 70,\n  \"household_size\": 1\n}\n")
        let db = folder.path("log.sqlite")
        let run = try runKiosk(["simulate", "--config", kioskConf, "--answers", answers, "--count", "5", "--db", db,
                                "--date", "2026-06-01", "--demo"])
        #expect(run.status == 0, "\(run.stderr)")
        let stats = try runKiosk(["stats", "--config", kioskConf, "--db", db, "--month", "2026-06", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(json["sessions"] as? Int == 0, "demonstrations are logged but never counted")
    }

    @Test(arguments: [
        ("{\"agee\": 3}", "line 1, column 2: unknown fact 'agee' (did you mean 'age'?)"),
        ("{\"age\": 70}\n{\"age\": -1}\n", "line 2, column 9: fact 'age': must not be negative (-1)"),
        ("{\"age\": 70}\n{\"owns_home\": 1}\n", "line 2, column 15: fact 'owns_home': expected true or false"),
        ("[1, 2]", "line 1, column 1: expected a JSON object of facts"),
    ])
    func badInputIsOneLineNamingThePosition(text: String, message: String) throws {
        let folder = try SimulateFolder()
        let answers = folder.write("bad.json", text)
        let run = try runKiosk(["simulate", "--config", kioskConf, "--answers", answers, "--db", folder.path("log.sqlite")])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("welfare-kiosk simulate: \(answers): \(message)"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.path("log.sqlite")), "bad input writes nothing")
    }

    @Test func badOptionsExit2() throws {
        let folder = try SimulateFolder()
        let answers = folder.write("one.json", "{\"age\": 70}")
        let count = try runKiosk(["simulate", "--config", kioskConf, "--answers", answers, "--count", "0", "--db", folder.path("a.sqlite")])
        #expect(count.status == 2)
        #expect(count.stderr == "welfare-kiosk simulate: --count 0: must be at least 1\n")
        let date = try runKiosk(["simulate", "--config", kioskConf, "--answers", answers, "--date", "2026-13-01", "--db", folder.path("a.sqlite")])
        #expect(date.status == 2)
        #expect(date.stderr.contains("--date '2026-13-01'"))
        let missing = try runKiosk(["simulate", "--config", kioskConf, "--answers", folder.path("nowhere.json")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere.json: cannot read this file"))
    }
}

// MARK: - Support

let kioskConf = Fixture.repositoryRoot.appendingPathComponent("kiosk.conf").path

/// A fresh folder, removed when the test ends.
final class SimulateFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("simulate-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) -> String {
        _ = FileManager.default.createFile(atPath: path(name), contents: Data(text.utf8))
        return path(name)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs the built `welfare-kiosk` (beside the test binary, or `$KIOSK_BIN`) to the end.
func runKiosk(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    let environment = ProcessInfo.processInfo.environment
    process.executableURL = environment["KIOSK_BIN"].map(URL.init(fileURLWithPath:))
        ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("welfare-kiosk")
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read before waiting, so a child that fills a pipe cannot deadlock.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}
