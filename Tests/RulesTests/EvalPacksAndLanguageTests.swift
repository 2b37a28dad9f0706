import Foundation
import SeededRandom
import Testing
@testable import Rules

/// `eval` sees what the kiosk sees (every pack kiosk.conf enables, or each `--rules`), and
/// speaks the citizen's language with `--lang` (contract 2026.2).
@Suite("eval: every pack, every language")
struct EvalPacksAndLanguageTests {
    static let culture: RulePack = try! RulePack.load(directory: Fixtures.culturePackDirectory)

    static func json(_ run: EvalCommandTests.Run) throws -> [String: Any] {
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    static func packIDs(_ json: [String: Any]) -> [String] {
        (json["packs"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    static let household = "{\"age\": 36, \"nationality\": \"korean\", \"household_size\": 1, \"earned_income_krw\": 3000000}"

    @Test func byDefaultEveryPackKioskConfEnablesIsEvaluated() throws {
        let conf = Fixtures.repoRoot.appendingPathComponent("kiosk.conf").path
        let json = try Self.json(try EvalCommandTests.run(["eval", "--config", conf, "--date", "2026-06-01", "-"], input: Self.household))
        #expect(Self.packIDs(json) == ["kr-welfare", "kr-culture"])
        #expect((json["rules"] as? [String: Any])?["id"] as? String == "kr-welfare")
        let programs = try #require(json["programs"] as? [[String: Any]])
        let ids = programs.map { $0["id"] as! String }
        #expect(ids == ids.sorted())
        #expect(programs.count == Fixtures.pack.programs.count + Self.culture.programs.count)
        let nuri = try #require(programs.first { $0["id"] as? String == "culture_nuri_card" })
        #expect(nuri["pack"] as? String == "kr-culture")
        #expect(programs.first { $0["id"] as? String == "basic_pension" }?["pack"] as? String == "kr-welfare")
    }

    @Test func aConfigWithoutExtraPacksEvaluatesOnlyTheMainOne() throws {
        let dir = try Fixtures.temporaryPack(["kiosk.conf": "[paths]\nrules = \"\(Fixtures.packDirectory)\"\nextra_rules = []\n"])
        let json = try Self.json(try EvalCommandTests.run(["eval", "--config", dir + "/kiosk.conf", "--date", "2026-06-01", "-"], input: Self.household))
        #expect(Self.packIDs(json) == ["kr-welfare"])
        #expect((json["programs"] as? [Any])?.count == Fixtures.pack.programs.count)
    }

    @Test func rulesMayBeRepeatedAndAPackNamedTwiceCountsOnce() throws {
        let both = try Self.json(try EvalCommandTests.run(
            ["eval", "--rules", Fixtures.packDirectory, "--rules", Fixtures.culturePackDirectory, "--rules", Fixtures.packDirectory,
             "--date", "2026-06-01", "-"], input: Self.household))
        #expect(Self.packIDs(both) == ["kr-welfare", "kr-culture"])
        #expect((both["programs"] as? [Any])?.count == Fixtures.pack.programs.count + Self.culture.programs.count)
        let run = try EvalCommandTests.run(["eval", "--rules", Fixtures.packDirectory, "--rules", "/nonexistent/pack", "-"], input: Self.household)
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent/pack"))
    }

    @Test func langGivesUnmetInThatLanguageWithItsOwnNumbers() throws {
        func unmet(_ lang: String, _ id: String) throws -> [String] {
            let json = try Self.json(try EvalCommandTests.eval(Self.household, ["--date", "2026-06-01", "--lang", lang]))
            #expect(json["language"] as? String == lang)
            let program = try #require((json["programs"] as? [[String: Any]])?.first { $0["id"] as? String == id })
            return program["unmet"] as? [String] ?? []
        }
        #expect(try unmet("ko", "basic_pension") == ["만 65세 이상이어야 해요 (지금 36세)"])
        #expect(try unmet("en", "basic_pension") == ["You must be 65 years or older"])
        #expect(try unmet("zh", "basic_pension") == ["须年满 65岁"])
        #expect(try unmet("vi", "basic_pension") == ["Bạn phải từ 65 tuổi trở lên"])
        let english = try unmet("en", "livelihood_benefit").joined()
        #expect(english.contains("820,556 won"), "\(english)")
        #expect(try unmet("zh", "livelihood_benefit").joined().contains("82万556韩元"))
        #expect(try unmet("vi", "livelihood_benefit").joined().contains("820.556 won"))
        // The contract's default is Korean.
        #expect(try Self.json(try EvalCommandTests.eval(Self.household))["language"] as? String == "ko")
    }

    @Test func anUnknownLanguageIsBadInput() throws {
        let run = try EvalCommandTests.eval(Self.household, ["--date", "2026-06-01", "--lang", "fr"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--lang 'fr'") && run.stderr.contains("ko, en, zh, vi"))
    }

    static func hasHangul(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) || (0x1100...0x11FF).contains($0.value) || (0x3130...0x318F).contains($0.value) }
    }

    /// Every reason and every trace label or note a citizen can be shown, over households of
    /// every kind, in English, Chinese and Vietnamese: none is Korean.
    @Test(arguments: ["en", "zh", "vi"])
    func noKoreanReachesAnotherLanguagesResult(language: String) throws {
        var random = SplitMix(seed: 14)
        for n in 0..<150 {
            let facts = PlausibleHousehold.make(&random)
            let evaluations = [Fixtures.pack, Self.culture].map { $0.evaluate(facts, on: Fixtures.day("2026-06-01"), trace: true) }
            let json = try #require(try JSONSerialization.jsonObject(with: Data(EvaluationJSON.render(evaluations, language: language).utf8)) as? [String: Any])
            for program in json["programs"] as! [[String: Any]] {
                let id = program["id"] as! String
                for text in program["unmet"] as! [String] {
                    #expect(!Self.hasHangul(text), "household \(n), \(id): unmet \"\(text)\"")
                }
                for entry in program["trace"] as! [[String: Any]] {
                    for key in ["label", "text"] {
                        guard let text = entry[key] as? String else { continue }
                        #expect(!Self.hasHangul(text), "household \(n), \(id): trace \(key) \"\(text)\"")
                    }
                }
            }
        }
    }

    /// One pack's next question is unchanged, and over two it is a fact some programme of
    /// either pack is missing (household first).
    @Test func theNextQuestionIsPlannedOverEveryPack() {
        var random = SplitMix(seed: 13)
        for _ in 0..<200 {
            var facts = PlausibleHousehold.make(&random).values
            // Leave some facts unknown, as a session part-way through does.
            // In key order: a dictionary's own order differs from one process to the next.
            for key in facts.keys.sorted() where random.next() % 3 == 0 { facts[key] = nil }
            let household = Facts(facts)
            let welfare = Fixtures.pack.evaluate(household, on: Fixtures.day("2026-06-01"), trace: true)
            let culture = Self.culture.evaluate(household, on: Fixtures.day("2026-06-01"), trace: true)
            #expect(Evaluation.nextQuestion(across: [welfare]) == welfare.nextQuestion)
            let next = Evaluation.nextQuestion(across: [welfare, culture])
            let missing = Set(([welfare, culture]).flatMap { e in e.programs.flatMap { e.missing($0) } })
            // With every status settled, what an amount still waits on (국민연금 for 기초연금).
            let amounts = Set(([welfare, culture]).flatMap { e in e.programs.flatMap { e.amountMissing($0) } })
            if let next {
                #expect(missing.isEmpty ? amounts.contains(next) : missing.contains(next))
            } else {
                #expect(missing.isEmpty && amounts.isEmpty)
            }
            if culture.programs.allSatisfy({ culture.missing($0).isEmpty }) {
                #expect(next == welfare.nextQuestion)
            }
        }
    }
}
