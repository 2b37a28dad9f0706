/// What one answer says about another, as contract 2026.2 states it: facts that cannot both be
/// true, and facts that follow from others.
///
/// Why in the engine rather than in each channel: the kiosk, `eval` and the pack's own tests must
/// read a household the same way, and a planner that asks "do you live with a spouse?" after
/// "one person lives here" loses the citizen's trust. A pack without these keys is unaffected.
public enum FactRelations {
    /// Two facts that cannot both hold, named in the order they should be reported.
    public struct Contradiction: Sendable, Equatable {
        /// The fact to blame (the more specific one, e.g. `spouse_age` rather than `has_spouse`).
        public let key: FactKey
        public let other: FactKey
        public let message: String
    }

    static let spouseFacts: [FactKey] = ["spouse_age", "spouse_earned_income_krw", "spouse_korean", "lives_with_spouse_parents"]
    /// The residence statuses of a Korean national; every other status is a foreign resident's.
    static let koreanStatuses: Set<String> = ["resident", "overseas_national"]

    /// The first contradiction among the facts given, or nil when they can all be true together.
    public static func contradiction(in facts: Facts) -> Contradiction? {
        func number(_ k: FactKey) -> Int? { if case .number(let n)? = facts[k] { n } else { nil } }
        func bool(_ k: FactKey) -> Bool? { if case .bool(let b)? = facts[k] { b } else { nil } }
        func choice(_ k: FactKey) -> String? { if case .choice(let c)? = facts[k] { c } else { nil } }
        func list(_ k: FactKey) -> [Int]? { if case .list(let l)? = facts[k] { l } else { nil } }

        if let home = number("home_property_krw"), let all = number("property_krw"), home > all {
            return Contradiction(key: "home_property_krw", other: "property_krw",
                                 message: "\(home) is more than 'property_krw' (\(all)); the home is part of the household's property")
        }
        if let part = number("spouse_earned_income_krw"), let all = number("earned_income_krw"), part > all {
            return Contradiction(key: "spouse_earned_income_krw", other: "earned_income_krw",
                                 message: "\(part) is more than 'earned_income_krw' (\(all)), the household's earnings it is part of")
        }
        let single = number("household_size") == 1
        for key in spouseFacts where facts[key] != nil {
            if bool("has_spouse") == false {
                return Contradiction(key: key, other: "has_spouse", message: "is given but 'has_spouse' is false")
            }
            if single {
                return Contradiction(key: key, other: "household_size", message: "is given but 'household_size' is 1 (no spouse lives in it)")
            }
        }
        if single, bool("has_spouse") == true {
            return Contradiction(key: "has_spouse", other: "household_size", message: "is true but 'household_size' is 1")
        }
        if single, let children = list("children_age_months"), !children.isEmpty {
            return Contradiction(key: "children_age_months", other: "household_size",
                                 message: "lists \(children.count) child(ren) but 'household_size' is 1")
        }
        if let status = choice("residence_status"), let nationality = choice("nationality") {
            let korean = koreanStatuses.contains(status)
            if nationality == "foreign" && korean {
                return Contradiction(key: "residence_status", other: "nationality",
                                     message: "\"\(status)\" is a Korean national's status but 'nationality' is \"foreign\"")
            }
            if nationality == "korean" && !korean {
                return Contradiction(key: "residence_status", other: "nationality",
                                     message: "\"\(status)\" is a foreign resident's status but 'nationality' is \"korean\"")
            }
        }
        if facts["children_korean"] != nil {
            if list("children_age_months") == [] {
                return Contradiction(key: "children_korean", other: "children_age_months", message: "is given but 'children_age_months' is [] (no children)")
            }
            if single {
                return Contradiction(key: "children_korean", other: "household_size", message: "is given but 'household_size' is 1 (no children live in it)")
            }
        }
        return nil
    }

    /// The facts with what they imply added; a fact given is never overridden.
    ///
    /// - a spouse fact with `has_spouse` unknown: there is a spouse;
    /// - `household_size: 1`: no spouse and no children live in the household;
    /// - `nationality: "korean"`: the children are Korean (국적법 제2조) unless said otherwise, and
    ///   the applicant is an ordinary resident unless `residence_status` says 재외국민: the
    ///   contract's cases read `nationality: korean` alone as settled, and a 재외국민 says so when
    ///   the kiosk asks (the question offers it);
    /// - no spouse, or no earnings at all: no spouse earnings;
    /// - a home not owned, with its deposit and the property known: the home is the deposit.
    public static func implied(_ facts: Facts) -> Facts {
        var out = facts
        if out["has_spouse"] == nil, spouseFacts.contains(where: { facts[$0] != nil }) { out["has_spouse"] = .bool(true) }
        if case .number(1)? = facts["household_size"] {
            if out["has_spouse"] == nil { out["has_spouse"] = .bool(false) }
            if out["children_age_months"] == nil { out["children_age_months"] = .list([]) }
        }
        if case .choice("korean")? = facts["nationality"], out["children_korean"] == nil {
            out["children_korean"] = .bool(true)
        }
        // Without a spouse there are no spouse earnings to split off, so the per-earner
        // deductions never ask a spouse's age or income.
        if case .bool(false)? = out["has_spouse"], out["spouse_earned_income_krw"] == nil {
            out["spouse_earned_income_krw"] = .number(0)
        }
        // The spouse's earnings are part of the household's: none earned, none to split.
        if case .number(0)? = facts["earned_income_krw"], out["spouse_earned_income_krw"] == nil {
            out["spouse_earned_income_krw"] = .number(0)
        }
        // A household that rents lives in its deposit (contract: `home_property_krw` is the
        // 보증금 when the home is not owned), so the kiosk does not ask the same sum twice.
        if case .bool(false)? = facts["owns_home"], out["home_property_krw"] == nil,
           case .number(let deposit)? = facts["rent_deposit_krw"], case .number(let all)? = facts["property_krw"], deposit <= all {
            out["home_property_krw"] = .number(deposit)
        }
        if case .choice("korean")? = facts["nationality"], out["residence_status"] == nil {
            out["residence_status"] = .choice("resident")
        }
        return out
    }
}
