import Testing
@testable import Rules

@Suite("Question planner")
struct PlannerTests {
    @Test func firstQuestionWithNothingKnown() {
        #expect(Fixtures.evaluate(Facts()).nextQuestion != nil)
    }

    @Test func nationalPensionIsNeverAsked() {
        // It only changes a note of 기초연금, never a status.
        var facts = Facts()
        let truth: [FactKey: FactValue] = [
            "age": .number(70), "has_spouse": .bool(false), "severe_disability": .bool(false), "household_size": .number(1),
            "single_parent": .bool(false), "lives_with_parents": .bool(false), "receives_basic_livelihood": .bool(false),
            "children_age_months": .list([]), "pregnant": .bool(false), "earned_income_krw": .number(0),
            "other_income_krw": .number(300_000), "national_pension_krw": .number(300_000), "property_krw": .number(0),
            "financial_assets_krw": .number(0), "debt_krw": .number(0), "car_value_krw": .number(0), "owns_home": .bool(false),
            "monthly_rent_krw": .number(300_000), "rent_deposit_krw": .number(5_000_000), "crisis": .bool(false),
            "months_in_siheung": .number(100),
            // Contract 2026.2's facts, so every question the planner may ask has an answer.
            "nationality": .choice("korean"), "residence_status": .choice("resident"), "home_property_krw": .number(0),
            "car_engine_cc": .number(0), "car_age_years": .number(0), "receives_livelihood_or_medical": .bool(false),
            "support_obligor_able": .bool(false), "never_married": .bool(false), "parents_household_size": .number(2),
            "parents_household_income_krw": .number(0), "parents_property_krw": .number(0),
        ]
        var asked: [FactKey] = []
        while let next = Fixtures.evaluate(facts).nextQuestion, asked.count < 30 {
            asked.append(next)
            facts[next] = truth[next]
        }
        #expect(!asked.contains("national_pension_krw"))
        #expect(Set(asked).count == asked.count)
        let final = Fixtures.evaluate(facts)
        #expect(final.programs.allSatisfy { $0.status != .undetermined })
    }

    @Test func aThirtyYearOldWithoutChildrenIsNotAskedChildOrPensionQuestions() {
        let e = Fixtures.evaluate(Facts(["age": .number(30), "children_age_months": .list([])]))
        for r in e.programs {
            #expect(!e.missing(r).contains("national_pension_krw"))
        }
        #expect(e["basic_pension"]!.status == .ineligible)
        #expect(e["child_allowance"]!.status == .ineligible)
        #expect(e["parental_benefit"]!.status == .ineligible)
    }

    @Test func nothingToAskWhenEverythingIsSettled() {
        let e = Fixtures.evaluate(Fixtures.zeroAssets([
            "age": .number(40), "has_spouse": .bool(true), "severe_disability": .bool(false), "household_size": .number(2),
            "single_parent": .bool(false), "lives_with_parents": .bool(false), "receives_basic_livelihood": .bool(false),
            "children_age_months": .list([]), "pregnant": .bool(false), "earned_income_krw": .number(9_000_000),
            "owns_home": .bool(true), "monthly_rent_krw": .number(0), "rent_deposit_krw": .number(0), "crisis": .bool(false),
            "months_in_siheung": .number(30),
        ]))
        #expect(e.nextQuestion == nil)
        #expect(e.programs.allSatisfy { $0.status != .undetermined })
    }

    @Test func tiesFollowTheTopicOrder() {
        // With nothing known, each money fact is in as many missing lists as the next one; the
        // pack's order (income before assets) decides.
        let e = Fixtures.evaluate(Facts(["age": .number(40), "household_size": .number(1)]))
        let order = Fixtures.pack.facts.map(\.key)
        let q = e.nextQuestion!
        let counts = Dictionary(grouping: e.programs.flatMap { e.missing($0) }, by: { $0 }).mapValues(\.count)
        let best = counts.values.max()!
        let firstBest = order.first { counts[$0] == best }!
        #expect(q == firstBest)
    }
}

@Suite("Which unknown facts can still matter")
struct RelevanceTests {
    let known: [FactKey: FactValue] = ["household_size": .number(1), "earned_income_krw": .number(0), "other_income_krw": .number(0),
                                       "financial_assets_krw": .number(0),
                                       // Not the point here: a Korean of 40, not disabled (no earner deduction, no car exclusion).
                                       "nationality": .choice("korean"), "age": .number(40), "severe_disability": .bool(false)]

    @Test func debtCannotMatterWithoutPropertyAboveTheAllowance() {
        // With no car: an unknown car may now sit at 4.17% inside the 기본재산액 (reference, 소득인정액),
        // where debt could offset it.
        var f = Facts(known)
        f["car_value_krw"] = .number(0)
        f["property_krw"] = .number(50_000_000)
        let e = Fixtures.evaluate(f)
        let r = e["livelihood_benefit"]!
        #expect(r.status == .eligible)
        #expect(r.monthlyAmount == Won(820_556))
        #expect(e.missing(r).isEmpty)
    }

    @Test func debtMattersWhenPropertyIsAboveTheAllowance() {
        var f = Facts(known)
        f["car_value_krw"] = .number(0)
        f["property_krw"] = .number(120_000_000)
        let e = Fixtures.evaluate(f)
        // Home (1.04%) or land (4.17%) changes the conversion (reference, 소득인정액).
        #expect(e.missing(e["livelihood_benefit"]!) == ["home_property_krw", "debt_krw"])
    }

    @Test func debtMattersWhileAnAssetItCouldOffsetIsUnknown() {
        // Interval arithmetic alone would call debt irrelevant here: max(0, property − 80,000,000 − debt)
        // is [0, ∞) whatever the debt while property is unknown.
        let e = Fixtures.evaluate(Facts(known))
        let missing = e.missing(e["livelihood_benefit"]!)
        #expect(missing.contains("debt_krw") && missing.contains("property_krw"))
    }

    @Test func rangeConditionsKeepTheirFact() {
        // `monthly_rent_krw > 0 and monthly_rent_krw <= limit` is false at both ends of the range.
        let e = Fixtures.evaluate(Fixtures.zeroAssets(["age": .number(25), "lives_with_parents": .bool(false), "owns_home": .bool(false),
                                                         "rent_deposit_krw": .number(0), "household_size": .number(1),
                                                         // Under 30 the parents' household decides (reference, 청년월세).
                                                         "parents_household_size": .number(3), "parents_household_income_krw": .number(0),
                                                         "parents_property_krw": .number(0)]))
        #expect(e.missing(e["youth_rent_support"]!) == ["monthly_rent_krw"])
    }

    @Test func spouseDoesNotMatterWhenIncomeIsUnderBothThresholds() {
        let e = Fixtures.evaluate(Fixtures.zeroAssets(["age": .number(70)]))
        #expect(e["basic_pension"]!.status == .eligible || e.missing(e["basic_pension"]!) == ["has_spouse"])
        let e2 = Fixtures.evaluate(Fixtures.zeroAssets(["has_spouse": .bool(true)]))
        #expect(e2.missing(e2["basic_pension"]!) == ["age"])
    }

    @Test func impliedFactsAreNeverAsked() {
        // One person: no spouse, no children in the household.
        let single = Fixtures.pack.prepare(Facts(["household_size": .number(1)]))
        for key: FactKey in ["has_spouse", "children_age_months"] {
            #expect(single.known.contains(Fixtures.pack.factIndex[key]!), "\(key) follows from household_size 1")
        }
        // A spouse's age says there is a spouse; a Korean's children are Korean unless said otherwise.
        let spouse = Fixtures.pack.prepare(Facts(["spouse_age": .number(60), "nationality": .choice("korean")]))
        #expect(spouse.values[Fixtures.pack.factIndex["has_spouse"]!] == .bool(true))
        #expect(spouse.values[Fixtures.pack.factIndex["children_korean"]!] == .bool(true))
        let given = Fixtures.pack.prepare(Facts(["nationality": .choice("korean"), "children_korean": .bool(false)]))
        #expect(given.values[Fixtures.pack.factIndex["children_korean"]!] == .bool(false))
        // An unknown nationality is never read as Korean.
        let unknown = Fixtures.pack.prepare(Facts([:]))
        #expect(!unknown.known.contains(Fixtures.pack.factIndex["children_korean"]!))
        #expect(!unknown.known.contains(Fixtures.pack.factIndex["nationality"]!))
    }
}
