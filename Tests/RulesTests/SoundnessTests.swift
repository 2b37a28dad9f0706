import Testing
@testable import Rules

/// The promise behind "unknown is never zero": whatever is decided from some facts stays
/// decided, the same way, once the rest are known.
@Suite("Soundness of partial answers")
struct SoundnessTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) / 10_000 < p }
    }

    static func household(_ r: inout Random) -> [FactKey: FactValue] {
        let size = r.int(1...8)
        let poor = r.chance(0.5)
        func money(_ high: Int) -> Int { r.int(0...(poor ? high / 8 : high)) }
        return [
            "age": .number(r.int(0...95)), "has_spouse": .bool(r.chance(0.5)), "severe_disability": .bool(r.chance(0.2)),
            "household_size": .number(size), "single_parent": .bool(r.chance(0.3)), "lives_with_parents": .bool(r.chance(0.3)),
            "receives_basic_livelihood": .bool(r.chance(0.3)),
            "children_age_months": .list((0..<r.int(0...3)).map { _ in r.int(0...230) }),
            "pregnant": .bool(r.chance(0.1)), "earned_income_krw": .number(money(6_000_000)),
            "other_income_krw": .number(money(3_000_000)), "national_pension_krw": .number(money(1_000_000)),
            "property_krw": .number(money(500_000_000)), "financial_assets_krw": .number(money(50_000_000)),
            "debt_krw": .number(money(200_000_000)), "car_value_krw": .number(r.chance(0.5) ? 0 : money(30_000_000)),
            "owns_home": .bool(r.chance(0.5)), "monthly_rent_krw": .number(r.chance(0.4) ? 0 : r.int(100_000...900_000)),
            "rent_deposit_krw": .number(money(80_000_000)), "crisis": .bool(r.chance(0.2)), "months_in_siheung": .number(r.int(0...120)),
        ]
    }

    @Test(arguments: ["2025-06-01", "2026-04-23", "2026-06-01", "2027-06-01"])
    func decidedStatusesSurviveMoreAnswers(date: String) {
        var r = Random(state: 42)
        for _ in 0..<300 {
            let full = Self.household(&r)
            var partial: [FactKey: FactValue] = [:]
            for (k, v) in full where r.chance(0.5) { partial[k] = v }
            let known = Fixtures.evaluate(Facts(full), date)
            let guessed = Fixtures.evaluate(Facts(partial), date)
            for (a, b) in zip(guessed.programs, known.programs) {
                #expect(b.status != .undetermined, "\(b.id) undetermined with every fact known")
                if a.status != .undetermined {
                    #expect(a.status == b.status, "\(a.id) was \(a.status) from \(partial), \(b.status) from \(full)")
                }
                if let m = a.monthlyAmount { #expect(m == b.monthlyAmount, "\(a.id) amount") }
                if let o = a.oneTimeAmount { #expect(o == b.oneTimeAmount, "\(a.id) one-time amount") }
                // A programme still open lists only unknown facts, and at least one.
                if a.status == .undetermined {
                    let missing = guessed.missing(a)
                    #expect(!missing.isEmpty && missing.allSatisfy { partial[$0] == nil }, "\(a.id) missing \(missing)")
                }
            }
        }
    }

    @Test func answeringTheMissingFactsSettlesTheProgramme() {
        var r = Random(state: 7)
        for _ in 0..<200 {
            let full = Self.household(&r)
            var partial: [FactKey: FactValue] = [:]
            for (k, v) in full where r.chance(0.4) { partial[k] = v }
            let guessed = Fixtures.evaluate(Facts(partial))
            for a in guessed.programs where a.status == .undetermined {
                var more = partial
                for key in guessed.missing(a) { more[key] = full[key] }
                #expect(Fixtures.evaluate(Facts(more))[a.id]!.status != .undetermined, "\(a.id) still open after its missing facts")
            }
        }
    }

    @Test(arguments: ["", "{", "[1, 2]", "{\"age\":}", "{\"age\": 1,}", "\u{0}", "{\"age\": 1} x", "nul", "{\"a\\u12\": 1}",
                      "{\"age\": 1e400}", "{\"children_age_months\": [1, [2]]}", String(repeating: "[", count: 200)])
    func malformedInputIsAnErrorNotACrash(text: String) {
        #expect(throws: FactsInputError.self) { try FactsJSON.parse(text, vocabulary: Fixtures.pack.facts) }
    }
}

@Suite("One pack, many threads")
struct ConcurrencyTests {
    @Test func concurrentEvaluationsMatchSerialOnes() async {
        let pack = Fixtures.pack
        let dates = ["2025-03-01", "2026-04-23", "2026-04-24", "2026-12-31", "2027-01-01"].map { Day($0)! }
        let facts = Fixtures.zeroAssets(["household_size": .number(3), "children_age_months": .list([100, 20]),
                                         "other_income_krw": .number(1_500_000), "age": .number(40)])
        let serial = dates.map { d in pack.evaluate(facts, on: d).programs.map { "\($0.id) \($0.status) \(String(describing: $0.monthlyAmount))" } }
        let parallel = await withTaskGroup(of: (Int, [String]).self) { group in
            for round in 0..<40 {
                let i = round % dates.count
                group.addTask { (i, pack.evaluate(facts, on: dates[i]).programs.map { "\($0.id) \($0.status) \(String(describing: $0.monthlyAmount))" }) }
            }
            var out: [(Int, [String])] = []
            for await r in group { out.append(r) }
            return out
        }
        for (i, result) in parallel { #expect(result == serial[i]) }
    }
}
