import Testing
@testable import Rules

@Suite struct ParameterOverrideTests {
    /// One person, no assets, living on `income` a month of other income.
    static func alone(income: Int) -> Facts {
        Fixtures.zeroAssets(["household_size": .number(1), "other_income_krw": .number(income)])
    }

    @Test func loweringTheRateTurnsAnEligibleHouseholdAway() throws {
        let day = Fixtures.day("2026-06-01")
        let facts = Self.alone(income: 700_000)
        #expect(Fixtures.pack.evaluate(facts, on: day)["livelihood_benefit"]?.status == .eligible)
        let tried = try Fixtures.pack.overriding(ParameterOverride(parameter: "livelihood_rate", values: [0.20], from: day))
        let after = tried.evaluate(facts, on: day)["livelihood_benefit"]
        #expect(after?.status == .ineligible)
        // The pack itself is untouched, and so is every date before the override.
        #expect(Fixtures.pack.evaluate(facts, on: day)["livelihood_benefit"]?.status == .eligible)
        #expect(tried.evaluate(facts, on: Fixtures.day("2026-05-31"))["livelihood_benefit"]?.status == .eligible)
    }

    @Test func aWhatIfValueIsNeverVerified() throws {
        let day = Fixtures.day("2026-06-01")
        let facts = Self.alone(income: 500_000)
        let tried = try Fixtures.pack.overriding(ParameterOverride(parameter: "livelihood_rate", values: [0.32], from: day))
        let result = tried.evaluate(facts, on: day)["livelihood_benefit"]
        #expect(result?.status == .eligible)
        #expect(result?.confidence == .toCheck)
        let entry = tried.parameter(named: "livelihood_rate")?.entry(on: day)
        #expect(entry?.source == ParameterOverride.source)
        #expect(entry?.marks == [.unconfirmed])
    }

    @Test func aTableIsReplacedCellByCell() throws {
        let day = Fixtures.day("2026-06-01")
        let median = try #require(Fixtures.pack.parameter(named: "median_income")?.entry(on: day))
        let halved = median.values.map { ($0 / 2).rounded() }
        let tried = try Fixtures.pack.overriding(ParameterOverride(parameter: "median_income", values: halved, from: day))
        #expect(tried.parameter(named: "median_income")?.entry(on: day)?.values == halved)
        let facts = Self.alone(income: 700_000)
        #expect(tried.evaluate(facts, on: day)["livelihood_benefit"]?.status == .ineligible)
    }

    @Test func valuesAreRoundedToThePacksPrecision() throws {
        let day = Fixtures.day("2026-06-01")
        let tried = try Fixtures.pack.overriding(ParameterOverride(parameter: "basic_pension_max", values: [349_999.6], from: day))
        #expect(tried.parameter(named: "basic_pension_max")?.entry(on: day)?.values == [350_000])
    }

    @Test func badOverridesSayWhatIsWrong() {
        let day = Fixtures.day("2026-06-01")
        #expect(throws: ParameterOverrideError(parameter: "livelihood_rat", message: "not a parameter of pack kr-welfare (did you mean 'livelihood_rate'?)")) {
            try Fixtures.pack.overriding(ParameterOverride(parameter: "livelihood_rat", values: [0.3], from: day))
        }
        #expect(throws: ParameterOverrideError.self) {
            try Fixtures.pack.overriding(ParameterOverride(parameter: "livelihood_rate", values: [0.3, 0.4], from: day))
        }
        #expect(throws: ParameterOverrideError.self) {
            try Fixtures.pack.overriding(ParameterOverride(parameter: "livelihood_rate", values: [-1], from: day))
        }
        #expect(throws: ParameterOverrideError.self) {
            try Fixtures.pack.overriding(ParameterOverride(parameter: "median_income", values: [1], from: day))
        }
    }
}
