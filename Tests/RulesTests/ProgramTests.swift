import Testing
@testable import Rules

/// Each programme through the public API, at its boundaries and with unknown facts.
@Suite("kr-welfare programmes")
struct ProgramTests {
    func result(_ id: ProgramID, _ facts: Facts, _ date: String = "2026-06-01") -> (ProgramResult, Evaluation) {
        let e = Fixtures.evaluate(facts, date)
        return (e[id]!, e)
    }

    // MARK: - 기초생활보장

    @Test(arguments: [
        ("livelihood_benefit", 3, 1_714_892), ("medical_benefit", 3, 2_143_614), ("housing_benefit", 3, 2_572_337),
        ("education_benefit", 3, 2_679_518), ("livelihood_benefit", 1, 820_556), ("livelihood_benefit", 4, 2_078_316),
        ("medical_benefit", 4, 2_597_895), ("housing_benefit", 2, 2_015_660), ("education_benefit", 1, 1_282_119),
    ])
    func basicLivelihoodThresholds2026(id: String, size: Int, threshold: Int) {
        let extras: [FactKey: FactValue] = ["monthly_rent_krw": .number(300_000), "owns_home": .bool(false),
                                            "children_age_months": .list([100]),
                                            // 의료급여 still has the 부양의무자 test in 2026 (reference, 국민기초생활보장).
                                            "support_obligor_able": .bool(false)]
        var at = Fixtures.zeroAssets(extras)
        at["household_size"] = .number(size)
        at["other_income_krw"] = .number(threshold)
        #expect(result(ProgramID(id), at).0.status == .eligible)
        at["other_income_krw"] = .number(threshold + 1)
        let (over, e) = result(ProgramID(id), at)
        #expect(over.status == .ineligible)
        #expect(e.unmet(over).first?.contains("소득인정액") == true)
    }

    @Test func livelihoodAmountIsThresholdMinusIncome() {
        let (r, _) = result("livelihood_benefit", Fixtures.zeroAssets(["household_size": .number(3), "other_income_krw": .number(714_892)]))
        #expect(r.monthlyAmount == Won(1_000_000))
    }

    @Test func earnedIncomeCountsSeventyPercent() {
        // Age 40, not disabled: no per-earner deduction (reference, 소득인정액), only the 30%.
        // 1,172,222 × 0.7 = 820,555.4 ≤ 820,556.
        let (r, _) = result("livelihood_benefit", Fixtures.zeroAssets(["household_size": .number(1), "age": .number(40), "severe_disability": .bool(false), "earned_income_krw": .number(1_172_222)]))
        #expect(r.status == .eligible)
        let (over, _) = result("livelihood_benefit", Fixtures.zeroAssets(["household_size": .number(1), "age": .number(40), "severe_disability": .bool(false), "earned_income_krw": .number(1_172_224)]))
        #expect(over.status == .ineligible)
    }

    @Test func highEarningsSettleLivelihoodWithoutAskingProperty() {
        let (r, _) = result("livelihood_benefit", Facts(["household_size": .number(1), "earned_income_krw": .number(5_000_000)]))
        #expect(r.status == .ineligible)
    }

    @Test func unknownPropertyIsNeverZero() {
        let (r, e) = result("livelihood_benefit", Facts(["household_size": .number(1), "earned_income_krw": .number(0), "other_income_krw": .number(100_000),
                                                         "nationality": .choice("korean"), "age": .number(40), "severe_disability": .bool(false)]))
        #expect(r.status == .undetermined)
        // The home part and the car's kind change the conversion rate (reference, 소득인정액), so they are asked too.
        #expect(e.missing(r) == ["property_krw", "home_property_krw", "financial_assets_krw", "debt_krw", "car_value_krw", "car_engine_cc"])
        #expect(r.monthlyAmount == nil)
    }

    @Test func propertyAboveTheAllowanceIsConverted() {
        // None of it the home, so all 일반재산 (reference, 소득인정액).
        // 80,000,000 allowance; 10,000,000 above it × 4.17% = 417,000 of recognised income.
        let e = Fixtures.evaluate(Fixtures.zeroAssets(["household_size": .number(1), "property_krw": .number(90_000_000),
                                                                "home_property_krw": .number(0)]))
        #expect(e["livelihood_benefit"]!.monthlyAmount == Won(820_556 - 417_000))
    }

    @Test func sevenPersonMedianIsToCheck() {
        let (r, _) = result("livelihood_benefit", Fixtures.zeroAssets(["household_size": .number(7)]))
        #expect(r.status == .eligible)
        #expect(r.confidence == .toCheck)
        #expect(r.monthlyAmount == Won(3_044_848))
    }

    @Test func eightPersonMedianAddsTheSevenMinusSixStep() {
        // 9,515,150 + (9,515,150 − 8,555,952) = 10,474,348; × 32% = 3,351,791.36 → 3,351,791.
        let (r, _) = result("livelihood_benefit", Fixtures.zeroAssets(["household_size": .number(8)]))
        #expect(r.monthlyAmount == Won(3_351_791))
    }

    @Test func medianIn2027() {
        let (one, _) = result("livelihood_benefit", Fixtures.zeroAssets(["household_size": .number(1)]), "2027-03-01")
        #expect(one.monthlyAmount == Won(875_533))  // 2,736,042 × 32% = 875,533.44
        #expect(one.confidence == .toCheck)
        let (two, _) = result("livelihood_benefit", Fixtures.zeroAssets(["household_size": .number(2)]), "2027-03-01")
        #expect(two.confidence == .toCheck)
    }

    @Test func housingNeedsRentOrAHome() {
        let (r, e) = result("housing_benefit", Fixtures.zeroAssets(["household_size": .number(1), "owns_home": .bool(false),
                                                                     "monthly_rent_krw": .number(0), "rent_deposit_krw": .number(0)]))
        #expect(r.status == .ineligible)
        #expect(e.unmet(r) == ["집세를 내거나 자기 집을 가지고 있어야 해요"])
    }

    @Test func educationNeedsASchoolAgeChild() {
        let base: [FactKey: FactValue] = ["household_size": .number(2)]
        var f = Fixtures.zeroAssets(base)
        f["children_age_months"] = .list([30])
        #expect(result("education_benefit", f).0.status == .ineligible)
        f["children_age_months"] = .list([30, 80])
        #expect(result("education_benefit", f).0.status == .eligible)
    }

    @Test func nearPoorExcludesRecipients() {
        var f = Fixtures.zeroAssets(["household_size": .number(4), "other_income_krw": .number(3_247_369)])
        f["receives_basic_livelihood"] = .bool(false)
        #expect(result("near_poor", f).0.status == .eligible)
        f["receives_basic_livelihood"] = .bool(true)
        #expect(result("near_poor", f).0.status == .ineligible)
    }

    @Test func medicalBenefitNamesTheFamilySupportTestInTheTrace() {
        let e = Fixtures.evaluate(Fixtures.zeroAssets(["household_size": .number(1)]), trace: true)
        let notes = e.trace(e["medical_benefit"]!).filter { $0.kind == .note }.compactMap(\.label)
        #expect(notes.contains { $0.contains("부양의무자") })
    }

    // MARK: - 기초연금, 장애인연금

    @Test func basicPensionAge64IsIneligibleWithoutIncome() {
        let (r, e) = result("basic_pension", Facts(["age": .number(64)]))
        #expect(r.status == .ineligible)
        #expect(e.missing(r).isEmpty)
    }

    @Test func basicPensionThresholdsSingleAndCouple() {
        var f = Fixtures.zeroAssets(["age": .number(70), "has_spouse": .bool(false), "other_income_krw": .number(2_470_000)])
        #expect(result("basic_pension", f).0.status == .eligible)
        f["other_income_krw"] = .number(2_470_001)
        #expect(result("basic_pension", f).0.status == .ineligible)
        f["has_spouse"] = .bool(true)
        // 부부감액 only when both receive (reference, 기초연금): a 70-year-old spouse does.
        f["spouse_age"] = .number(70)
        f["national_pension_krw"] = .number(0)
        f["other_income_krw"] = .number(3_952_000)
        let (couple, _) = result("basic_pension", f)
        #expect(couple.status == .eligible)
        #expect(couple.monthlyAmount == Won(279_760))
        f["other_income_krw"] = .number(3_952_001)
        #expect(result("basic_pension", f).0.status == .ineligible)
    }

    @Test func basicPensionDeductsEarnedIncome() {
        // (2,000,000 − 1,160,000) × 0.7 = 588,000.
        let f = Fixtures.zeroAssets(["age": .number(70), "has_spouse": .bool(false), "earned_income_krw": .number(2_000_000),
                                     "other_income_krw": .number(1_882_000)])
        #expect(result("basic_pension", f).0.status == .eligible)
        var over = f
        over["other_income_krw"] = .number(1_882_001)
        #expect(result("basic_pension", over).0.status == .ineligible)
    }

    @Test func basicPension2025Figures() {
        let f = Fixtures.zeroAssets(["age": .number(70), "has_spouse": .bool(false), "other_income_krw": .number(2_280_000),
                                     // Unknown national pension could reduce the amount (reference, 기초연금).
                                     "national_pension_krw": .number(0)])
        let (r, _) = result("basic_pension", f, "2025-06-01")
        #expect(r.status == .eligible)
        #expect(r.monthlyAmount == Won(342_510))
        var over = f
        over["other_income_krw"] = .number(2_280_001)
        #expect(result("basic_pension", over, "2025-06-01").0.status == .ineligible)
    }

    @Test func nationalPensionOnlyAddsANote() {
        let f = Fixtures.zeroAssets(["age": .number(70), "has_spouse": .bool(false), "national_pension_krw": .number(600_000),
                                     // The national pension is part of other income (contract).
                                     "other_income_krw": .number(600_000)])
        let e = Fixtures.evaluate(f, trace: true)
        let r = e["basic_pension"]!
        #expect(r.status == .eligible)
        #expect(e.trace(r).contains { $0.kind == .note && ($0.label ?? "").contains("국민연금") })
    }

    @Test func disabilityPension() {
        var f = Fixtures.zeroAssets(["age": .number(40), "has_spouse": .bool(false), "severe_disability": .bool(true),
                                     "receives_basic_livelihood": .bool(true), "household_size": .number(1),
                                     // 부가급여 90,000 needs a 생계·의료 recipient (reference, 장애인연금).
                                     "receives_livelihood_or_medical": .bool(true)])
        let (r, _) = result("disability_pension", f)
        #expect(r.status == .eligible)
        #expect(r.monthlyAmount == Won(349_700 + 90_000))
        // 18–64 기초급여 and 부가급여 are [V] in 2026 (reference, 장애인연금).
        #expect(r.confidence == .verified)
        f["severe_disability"] = .bool(false)
        #expect(result("disability_pension", f).0.status == .ineligible)
    }

    // MARK: - Children and families

    @Test func childAllowanceAgeLimitChangesIn2026() {
        // Under 8 in 2025, under 9 for all of 2026 (paid back from January), born-2017 children
        // kept through 2029 (reference, 아동수당).
        func kid(_ months: Int) -> Facts { Facts(["children_age_months": .list([months]), "nationality": .choice("korean")]) }
        #expect(result("child_allowance", kid(100), "2025-12-31").0.status == .ineligible)
        let (r, _) = result("child_allowance", kid(100), "2026-04-23")
        #expect(r.status == .eligible)
        #expect(r.monthlyAmount == Won(100_000))
        #expect(result("child_allowance", kid(95), "2025-06-01").0.status == .eligible)
        #expect(result("child_allowance", kid(96), "2025-06-01").0.status == .ineligible)
        #expect(result("child_allowance", kid(107), "2026-04-24").0.status == .eligible)
        #expect(result("child_allowance", kid(112), "2026-06-01").0.status == .eligible)
        #expect(result("child_allowance", kid(114), "2026-06-01").0.status == .ineligible)
    }

    @Test func childAllowanceUnknownChildrenIsUndetermined() {
        let (r, e) = result("child_allowance", Facts(["nationality": .choice("korean")]))
        #expect(r.status == .undetermined)
        #expect(e.missing(r) == ["children_age_months"])
        #expect(result("child_allowance", Facts(["children_age_months": .list([]), "nationality": .choice("korean")])).0.status == .ineligible)
    }

    @Test func parentalBenefitByAge() {
        // Nationality decides every programme (reference, nationality); a Korean parent's children are Korean.
        let (r, e) = result("parental_benefit", Facts(["children_age_months": .list([3, 14, 40]), "nationality": .choice("korean")]))
        #expect(r.monthlyAmount == Won(1_500_000))
        #expect(e.missing(r).isEmpty)
        #expect(result("parental_benefit", Facts(["children_age_months": .list([24])])).0.status == .ineligible)
    }

    @Test func firstMeetingVoucherByBirthOrder() {
        let k: [FactKey: FactValue] = ["nationality": .choice("korean")]
        #expect(result("first_meeting_voucher", Facts(k.merging(["children_age_months": .list([2])]) { $1 })).0.oneTimeAmount == Won(2_000_000))
        // The baby is the second child: 3,000,000 (reference, 첫만남이용권).
        #expect(result("first_meeting_voucher", Facts(k.merging(["children_age_months": .list([2, 50])]) { $1 })).0.oneTimeAmount == Won(3_000_000))
        #expect(result("first_meeting_voucher", Facts(["children_age_months": .list([24])])).0.status == .ineligible)
    }

    @Test func singleParentRate63In2025And65In2026() {
        // Two people: 2025 × 63% = 2,477,575; 2026 × 65% = 2,729,540.
        var f = Fixtures.zeroAssets(["single_parent": .bool(true), "household_size": .number(2), "children_age_months": .list([60]),
                                     "other_income_krw": .number(2_477_575),
                                     // The 2026 amount depends on the parent's age (reference, 한부모): 40, married before.
                                     "age": .number(40), "never_married": .bool(false)])
        #expect(result("single_parent_child_support", f, "2025-06-01").0.status == .eligible)
        f["other_income_krw"] = .number(2_477_576)
        #expect(result("single_parent_child_support", f, "2025-06-01").0.status == .ineligible)
        f["other_income_krw"] = .number(2_729_540)
        let (r, _) = result("single_parent_child_support", f)
        #expect(r.status == .eligible)
        #expect(r.monthlyAmount == Won(230_000))
        f["other_income_krw"] = .number(2_729_541)
        #expect(result("single_parent_child_support", f).0.status == .ineligible)
    }

    // MARK: - Emergency, energy, youth, local

    @Test func emergencyWelfare() {
        var f = Fixtures.zeroAssets(["crisis": .bool(true), "household_size": .number(3), "other_income_krw": .number(4_019_277)])
        let (r, _) = result("emergency_welfare", f)
        #expect(r.status == .eligible)
        #expect(r.monthlyAmount == Won(1_644_000))
        f["other_income_krw"] = .number(4_019_278)
        #expect(result("emergency_welfare", f).0.status == .ineligible)
        f["other_income_krw"] = .number(0)
        f["financial_assets_krw"] = .number(6_000_001)
        #expect(result("emergency_welfare", f).0.status == .ineligible)
        f["financial_assets_krw"] = .number(0)
        f["property_krw"] = .number(152_000_001)
        #expect(result("emergency_welfare", f).0.status == .ineligible)
    }

    @Test func energyVoucherNeedsAVulnerableMember() {
        var f = Fixtures.zeroAssets(["receives_basic_livelihood": .bool(true), "age": .number(40), "household_size": .number(1),
                                     "children_age_months": .list([]), "severe_disability": .bool(false), "pregnant": .bool(false),
                                     "single_parent": .bool(false)])
        #expect(result("energy_voucher", f).0.status == .ineligible)
        f["age"] = .number(66)
        #expect(result("energy_voucher", f).0.status == .eligible)
    }

    @Test func youthRentSupport() {
        var f = Fixtures.zeroAssets(["age": .number(25), "lives_with_parents": .bool(false), "owns_home": .bool(false),
                                     "monthly_rent_krw": .number(450_000), "rent_deposit_krw": .number(10_000_000),
                                     "household_size": .number(1), "earned_income_krw": .number(1_538_543),
                                     // Under 30 the parents' household decides (reference, 청년월세).
                                     "parents_household_size": .number(3), "parents_household_income_krw": .number(0),
                                     "parents_property_krw": .number(0)])
        let (r, _) = result("youth_rent_support", f)
        #expect(r.status == .eligible)
        #expect(r.monthlyAmount == Won(200_000))
        // Gross or 소득인정액 is [U] (reference, 청년월세): just over the line only gross says no, so it is open;
        // 3,000,000 is over on both readings ((3,000,000 − 600,000) × 0.7 = 1,680,000).
        f["earned_income_krw"] = .number(1_538_544)
        #expect(result("youth_rent_support", f).0.status == .undetermined)
        f["earned_income_krw"] = .number(3_000_000)
        #expect(result("youth_rent_support", f).0.status == .ineligible)
        f["earned_income_krw"] = .number(0)
        f["age"] = .number(35)
        #expect(result("youth_rent_support", f).0.status == .ineligible)
    }

    @Test func siheungBirthSupportStartsIn2026() {
        // For 2026 births (reference, 시흥): on 2026-01-01 a 1-month-old was born in 2025.
        let f = Facts(["children_age_months": .list([1, 40]), "months_in_siheung": .number(6), "nationality": .choice("korean")])
        #expect(result("siheung_birth_support", f, "2025-12-31").0.status == .ineligible)
        #expect(result("siheung_birth_support", f, "2026-01-01").0.status == .ineligible)
        let (r, _) = result("siheung_birth_support", f, "2026-06-01")
        #expect(r.status == .eligible)
        #expect(r.oneTimeAmount == Won(400_000 + 1_000_000))
        // 180 days (reference, 시흥): 5 full months may or may not reach it; 4 cannot.
        #expect(result("siheung_birth_support", Facts(["children_age_months": .list([1]), "months_in_siheung": .number(4), "nationality": .choice("korean")])).0.status == .ineligible)
    }

    @Test func siheungChildHousingRateDependsOnChildren() {
        // 2 people 2026: 80% = 3,359,434 with a child; 60% = 2,519,575 without.
        var f = Fixtures.zeroAssets(["household_size": .number(2), "owns_home": .bool(false), "monthly_rent_krw": .number(400_000),
                                     "rent_deposit_krw": .number(0), "receives_basic_livelihood": .bool(false),
                                     "children_age_months": .list([50]), "other_income_krw": .number(3_359_434)])
        let (r, _) = result("siheung_child_housing", f)
        #expect(r.status == .eligible)
        #expect(r.confidence == .toCheck)
        f["children_age_months"] = .list([])
        #expect(result("siheung_child_housing", f).0.status == .ineligible)
        f["other_income_krw"] = .number(2_519_575)
        #expect(result("siheung_child_housing", f).0.status == .eligible)
    }

    // MARK: - Shape

    @Test func everyProgrammeIsInTheResultSortedById() {
        let e = Fixtures.evaluate(Facts())
        let ids = e.programs.map(\.id.rawValue)
        #expect(ids == ids.sorted())
        #expect(Set(ids) == Set(["livelihood_benefit", "medical_benefit", "housing_benefit", "education_benefit", "near_poor",
                                 "basic_pension", "disability_pension", "child_allowance", "parental_benefit", "first_meeting_voucher",
                                 "single_parent_child_support", "emergency_welfare", "energy_voucher", "youth_rent_support",
                                 "siheung_birth_support", "siheung_child_housing"]))
        #expect(e.programs.allSatisfy { $0.status == .undetermined || $0.status == .ineligible })
    }

    @Test func traceListsConditionsAndNamedValuesWithSources() {
        let e = Fixtures.evaluate(Fixtures.zeroAssets(["household_size": .number(3), "other_income_krw": .number(1_000_000)]), trace: true)
        let trace = e.trace(e["livelihood_benefit"]!)
        let names = trace.filter { $0.kind == .value }.map(\.rule)
        #expect(names.contains("income_evaluation") && names.contains("property_income") && names.contains("recognised_income")
                && names.contains("livelihood_threshold"))
        let threshold = trace.first { $0.rule == "livelihood_threshold" }!
        #expect(threshold.value == Interval(1_714_892))
        let median = trace.first { $0.rule == "median" }!.parameters.first!
        #expect(median.cell == 3 && median.value == Interval(5_359_036) && median.mark == .verified && median.source.contains("2025-135"))
        let condition = trace.first { $0.kind == .condition }!
        #expect(condition.truth == true)
        #expect(trace.contains { $0.kind == .note && ($0.label ?? "").contains("근로소득은 사람마다 공제") })  // per-earner deduction (reference, 소득인정액)
    }
}

@Suite("Trace and plain evaluation agree")
struct TraceAgreementTests {
    @Test(arguments: [
        Facts(["age": .number(30), "children_age_months": .list([])]),
        Facts(["children_age_months": .list([1, 30, 60, 90]), "months_in_siheung": .number(60)]),
        Fixtures.zeroAssets(["household_size": .number(7), "crisis": .bool(true)]),
        Facts(),
    ])
    func sameResultsWithAndWithoutTrace(facts: Facts) {
        let plain = Fixtures.evaluate(facts)
        let traced = Fixtures.evaluate(facts, trace: true)
        for (a, b) in zip(plain.programs, traced.programs) {
            #expect(a.status == b.status && a.confidence == b.confidence && a.monthlyAmount == b.monthlyAmount
                    && a.oneTimeAmount == b.oneTimeAmount, "\(a.id)")
            #expect(plain.missing(a) == traced.missing(b) && plain.unmet(a) == traced.unmet(b), "\(a.id)")
        }
        #expect(plain.nextQuestion == traced.nextQuestion)
    }
}

/// `confidence` is verified when every parameter that shaped the result is [V]; a [S] figure
/// multiplied by a known zero, or discarded by `max(0, …)`, shaped nothing.
@Suite("Confidence follows the figures that shaped the result")
struct ConfidenceTests {
    @Test func basicPensionWithoutIncomeIsVerifiedAsInTheContract() {
        let e = Fixtures.evaluate(Fixtures.zeroAssets(["age": .number(67), "has_spouse": .bool(false), "household_size": .number(1)]))
        #expect(e["basic_pension"]!.confidence == .verified)
        #expect(e["basic_pension"]!.monthlyAmount == Won(349_700))
    }

    @Test func earningsAboveTheSingleSourceDeductionNeedChecking() {
        let e = Fixtures.evaluate(Fixtures.zeroAssets(["age": .number(67), "has_spouse": .bool(false), "earned_income_krw": .number(1_500_000)]))
        #expect(e["basic_pension"]!.status == .eligible)
        #expect(e["basic_pension"]!.confidence == .toCheck)
    }

    @Test func livelihoodWithoutAssetsIsVerifiedAndWithPropertyIsNot() {
        let bare = Fixtures.evaluate(Fixtures.zeroAssets(["household_size": .number(2), "other_income_krw": .number(1_000_000)]))
        #expect(bare["livelihood_benefit"]!.confidence == .verified)
        let owner = Fixtures.evaluate(Fixtures.zeroAssets(["household_size": .number(2), "property_krw": .number(100_000_000)]))
        #expect(owner["livelihood_benefit"]!.confidence == .toCheck)
        // Below the [S] 기본재산액 the property term is max(0, negative) = 0: still verified.
        let small = Fixtures.evaluate(Fixtures.zeroAssets(["household_size": .number(2), "property_krw": .number(30_000_000)]))
        #expect(small["livelihood_benefit"]!.confidence == .verified)
    }

    @Test func anIneligibleResultCountsOnlyTheConditionThatFailed() {
        // Age decides 기초연금 alone; the [S] income figures behind the other condition do not matter.
        let e = Fixtures.evaluate(Facts(["age": .number(40), "earned_income_krw": .number(3_000_000)]))
        #expect(e["basic_pension"]!.status == .ineligible)
        #expect(e["basic_pension"]!.confidence == .verified)
    }
}
