import Foundation
import Testing

@testable import SessionLog

/// `welfare-kiosk stats` run as staff run it, against a log written through the real API.
struct StatsCommandTests {
    private func prepareLog(_ folder: TemporaryFolder) throws -> String {
        let path = folder.path("kiosk.sqlite")
        let database = try SessionDatabase.open(path: path)
        var sessions: [AnonymousSession] = []
        for index in 0..<40 {
            sessions.append(testAnonymizer.anonymize(summary(
                age: index < 37 ? 40 : 83, household: 2, income: index < 20 ? 0.3 : 0.9,
                outcomes: ["basic_pension": index < 37 ? .ineligible : .eligible])))
        }
        sessions += (0..<10).map { _ in testAnonymizer.anonymize(summary(age: 70, demo: true)) }
        try database.commit(sessions)
        try database.close()
        return path
    }

    @Test func jsonHasTheTotalAndWithholdsSmallCells() throws {
        let folder = try TemporaryFolder()
        let path = try prepareLog(folder)
        let output = try runProduct("welfare-kiosk", ["stats", "--db", path, "--month", "2026-11", "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["sessions"] as? Int == 40, "demo sessions are not counted")
        let age = try #require((json["by_band"] as? [String: Any])?["age"] as? [String: Any])
        #expect(age["75+"] is NSNull)
        #expect(age["35-64"] is NSNull, "secondary suppression: 40 − 3 would give the 75+ cell back")
        #expect(age["65-74"] as? Int == 0, "demos are never counted")
        let pension = try #require((json["programs"] as? [String: Any])?["basic_pension"] as? [String: Any])
        #expect(pension["eligible"] is NSNull)
        let income = try #require((json["by_band"] as? [String: Any])?["income"] as? [String: Any])
        #expect(income["<=32"] as? Int == 20)
    }

    @Test func tableAndCSVMarkWithheldCells() throws {
        let folder = try TemporaryFolder()
        let path = try prepareLog(folder)
        let table = try runProduct("welfare-kiosk", ["stats", "--db", path, "--month", "2026-11"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Sessions in 2026-11: 40"))
        #expect(table.stdout.contains("<5"))
        let csv = try runProduct("welfare-kiosk", ["stats", "--db", path, "--month", "2026-11", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("month,table,key,status,count\n2026-11,sessions,,,40\n"))
        #expect(csv.stdout.contains("2026-11,age,75+,,<5"))
    }

    @Test func aRolledUpMonthIsStillReported() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kiosk.sqlite")
        let database = try SessionDatabase.open(path: path)
        let june = novemberAfternoon.addingTimeInterval(-150 * 86_400)
        try database.commit((0..<12).map { _ in testAnonymizer.anonymize(summary(at: june)) })
        try database.applyRetention(RetentionPolicy(timeZone: seoul), now: novemberAfternoon)
        #expect(try database.sessionCount() == 0)
        try database.close()

        let output = try runProduct("welfare-kiosk", ["stats", "--db", path, "--month", "2026-06", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["sessions"] as? Int == 12)
        let pension = try #require((json["programs"] as? [String: Any])?["housing_benefit"] as? [String: Any])
        #expect(pension["eligible"] as? Int == 12)
    }

    @Test func badInputIsOneLineAndExit2() throws {
        let folder = try TemporaryFolder()
        let path = try prepareLog(folder)
        let month = try runProduct("welfare-kiosk", ["stats", "--db", path, "--month", "November"])
        #expect(month.status == 2)
        #expect(month.stderr == "welfare-kiosk stats: --month 'November': expected YYYY-MM, e.g. 2026-11\n")
        let missing = try runProduct("welfare-kiosk", ["stats", "--db", folder.path("nowhere.sqlite")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere.sqlite"))
    }
}
