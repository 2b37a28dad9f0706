import Rules

/// A plausible household with every fact of contract 2026.2 known and no two facts contradicting:
/// ages, sizes and children of every kind, incomes around and far from the thresholds, mostly
/// Korean nationals as at a 행정복지센터.
///
/// One generator for the planner's tests and the benchmarks, so "how many questions" and "how
/// fast" are measured on the same households and both grow when the vocabulary does.
public enum PlausibleHousehold {
    public static func make(_ r: inout SplitMix) -> Facts {
        let age = r.int(0...95) < 20 ? r.int(18...34) : r.int(19...90)
        let size = r.int(1...7)
        let childCount = size == 1 ? 0 : r.int(0...min(3, size - 1))
        let poor = r.unit() < 0.4
        func money(_ high: Int) -> Int { poor ? r.int(0...high / 5) : r.int(0...high) }
        func chance(_ p: Double) -> Bool { r.unit() < p }
        let spouse = size > 1 && chance(0.6)
        let korean = chance(0.95)
        let foreignStatuses = ["marriage_migrant", "permanent_resident", "refugee", "other", "unregistered"]
        let earned = age >= 65 && chance(0.6) ? 0 : money(6_000_000)
        let property = money(400_000_000)
        let ownsHome = chance(0.5)
        let car = chance(0.5) ? 0 : money(30_000_000)
        let livelihood = poor && chance(0.3)
        let deposit = min(property, r.int(0...80_000_000))
        var f = Facts()
        f["age"] = .number(age)
        f["nationality"] = .choice(korean ? "korean" : "foreign")
        f["residence_status"] = .choice(korean ? (chance(0.03) ? "overseas_national" : "resident") : foreignStatuses[r.int(0...foreignStatuses.count - 1)])
        f["household_size"] = .number(size)
        f["has_spouse"] = .bool(spouse)
        f["single_parent"] = .bool(!spouse && childCount > 0 && chance(0.3))
        f["never_married"] = .bool(!spouse && chance(0.3))
        f["severe_disability"] = .bool(chance(0.08))
        f["lives_with_parents"] = .bool(age < 35 && chance(0.5))
        f["receives_basic_livelihood"] = .bool(livelihood)
        f["receives_livelihood_or_medical"] = .bool(livelihood && chance(0.7))
        f["children_age_months"] = .list((0..<childCount).map { _ in r.int(0...215) })
        f["pregnant"] = .bool(chance(0.05))
        f["earned_income_krw"] = .number(earned)
        f["other_income_krw"] = .number(money(2_000_000))
        f["national_pension_krw"] = .number(age >= 62 ? money(1_200_000) : 0)
        f["property_krw"] = .number(property)
        f["home_property_krw"] = .number(ownsHome ? r.int(0...property) : deposit)
        f["owns_home"] = .bool(ownsHome)
        f["financial_assets_krw"] = .number(money(60_000_000))
        f["debt_krw"] = .number(money(100_000_000))
        f["car_value_krw"] = .number(car)
        f["car_engine_cc"] = .number(car == 0 ? 0 : r.int(800...3_500))
        f["car_age_years"] = .number(car == 0 ? 0 : r.int(0...20))
        f["monthly_rent_krw"] = .number(chance(0.5) ? 0 : r.int(200_000...900_000))
        f["rent_deposit_krw"] = .number(deposit)
        f["crisis"] = .bool(chance(0.1))
        f["months_in_siheung"] = .number(r.int(0...240))
        f["support_obligor_able"] = .bool(chance(0.15))
        f["parents_household_size"] = .number(r.int(size...size + 4))
        f["parents_household_income_krw"] = .number(money(8_000_000))
        f["parents_property_krw"] = .number(money(900_000_000))
        if spouse {
            f["spouse_age"] = .number(min(95, max(18, age + r.int(-10...10))))
            f["spouse_earned_income_krw"] = .number(r.int(0...earned))
            f["spouse_korean"] = .bool(korean ? chance(0.9) : chance(0.5))
            f["lives_with_spouse_parents"] = .bool(chance(0.1))
        }
        if childCount > 0 { f["children_korean"] = .bool(korean || chance(0.7)) }
        return f
    }
}
