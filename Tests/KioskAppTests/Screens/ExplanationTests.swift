@testable import KioskApp
import Rules
import Settings
import Testing

@Suite("Reasons from the trace")
struct ExplanationTests {
    static let day = Day("2026-06-01")!
    static var pack: RulePack { Fixture.rules.packs[0] }

    static func explain(_ facts: Facts, _ id: ProgramID, _ language: Language = .ko) throws -> Explanation {
        let evaluation = pack.evaluate(facts, on: day, trace: true)
        let result = try #require(evaluation[id])
        return Explanation(result: result, in: evaluation, catalog: Fixture.resources.locales.catalog(language))
    }

    @Test("a deposit 3만 원 over the limit is a near miss, said with the difference")
    func nearMiss() throws {
        let limit = try #require(Self.pack.parameters.first { $0.name == "youth_rent_deposit_limit" }?.entry(on: Self.day)?.values.first)
        var facts = Households.youngRenter
        facts["rent_deposit_krw"] = .number(Int(limit) + 30_000)
        let explanation = try Self.explain(facts, "youth_rent_support")
        #expect(explanation.nearMisses == 1)
        let sentence = try #require(explanation.failed.first)
        #expect(sentence.hasSuffix("보다 3만 원 많아요."), "\(sentence)")
        #expect(sentence.contains(KoreanMoney.format(limit)))
        let english = try Self.explain(facts, "youth_rent_support", .en)
        #expect(english.failed.first?.contains("30,000 won over the limit") == true, "\(english.failed)")
    }

    @Test("conditions that hold are explained with both figures, with the right particle")
    func held() throws {
        let explanation = try Self.explain(Households.olderAlone, "basic_pension")
        #expect(explanation.held.contains("나이 78세가 기준 65세 이상이에요."), "\(explanation.held)")
        #expect(explanation.failed.isEmpty)
    }

    @Test("what is not known yet is named in the citizen's language")
    func unknown() throws {
        let explanation = try Self.explain(Facts(["age": .number(70)]), "basic_pension", .en)
        #expect(!explanation.unknown.isEmpty)
        #expect(explanation.unknown.allSatisfy { !$0.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } })
    }

    @Test("Korean subject particles follow the last sound", arguments: [
        ("82만 원", "이"), ("78세", "가"), ("2", "가"), ("3", "이"), ("1명", "이"), ("5", "가"),
    ])
    func josa(text: String, particle: String) {
        #expect(Josa.subject(after: text) == particle)
    }

    @Test("money as each language says it")
    func money() {
        #expect(MoneyText.format(820_556, in: .ko) == "82만 556원")
        #expect(MoneyText.format(1_500_000, in: .ko) == "150만 원")
        #expect(MoneyText.format(1_500_000, in: .en) == "1,500,000 won")
        #expect(MoneyText.format(820_556, in: .zh) == "82万556韩元")
        #expect(MoneyText.format(1_500_000, in: .vi) == "1.500.000 won")
        #expect(MoneyText.echo(manWon: "150", in: .ko) == "150만 원")
        #expect(MoneyText.echo(manWon: "", in: .ko) == "")
    }
}
