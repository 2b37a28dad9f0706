import Testing
@testable import Rules

/// `FactsJSON.encode` writes what `FactsJSON.parse` reads: a household survives the trip to the
/// explainer worker unchanged.
@Suite("FactsJSON.encode")
struct FactsJSONEncodeTests {
    @Test("numbers, booleans, lists and the empty list round-trip through parse")
    func roundTrip() throws {
        let facts = Facts([
            "age": .number(78), "has_spouse": .bool(false), "household_size": .number(3),
            "other_income_krw": .number(350_000), "children_age_months": .list([20, 61]), "crisis": .bool(true),
        ])
        let text = FactsJSON.encode(facts, order: Fixtures.pack.facts.map(\.key))
        #expect(try FactsJSON.parse(text, vocabulary: Fixtures.pack.facts) == facts)
        let empty = Facts(["children_age_months": .list([])])
        #expect(try FactsJSON.parse(FactsJSON.encode(empty), vocabulary: Fixtures.pack.facts) == empty)
    }

    @Test("keys follow the given order, then the alphabet; unknown facts are absent; no facts is {}")
    func layout() {
        let facts = Facts(["zeta": .number(1), "alpha": .bool(true), "age": .number(3)])
        #expect(FactsJSON.encode(facts, order: ["age"]) == "{\n  \"age\": 3,\n  \"alpha\": true,\n  \"zeta\": 1\n}")
        #expect(FactsJSON.encode(Facts()) == "{}")
    }

    @Test("the same facts always give the same text, and it is parsed back with the same evaluation")
    func stableAndEvaluatedAlike() throws {
        let facts = Fixtures.zeroAssets(["age": .number(67), "household_size": .number(2), "has_spouse": .bool(true)])
        let order = Fixtures.pack.facts.map(\.key)
        #expect(FactsJSON.encode(facts, order: order) == FactsJSON.encode(facts, order: order))
        let again = try FactsJSON.parse(FactsJSON.encode(facts, order: order), vocabulary: Fixtures.pack.facts)
        let a = Fixtures.evaluate(facts).programs.map(\.status)
        let b = Fixtures.evaluate(again).programs.map(\.status)
        #expect(a == b)
    }
}
