import Foundation
import KioskApp
import Rules
import Testing
import SeededRandom

/// How long sessions are over many households: the planner must settle every programme in a
/// median of at most 12 questions.
@Suite("Planner: questions over random households")
struct PlannerLengthTests {
    @Test func everyProgrammeIsSettledInAMedianOfAtMost12Questions() {
        var random = SplitMix(seed: 2026)
        var lengths: [Int] = []
        var estimates: [Int] = []
        for _ in 0..<61 {
            let household = RandomHousehold.make(&random)
            var session = SessionFixture.asking()
            estimates.append(session.progress!.estimatedTotal)
            SessionFixture.answerAll(&session, from: household)
            #expect(session.step == .review)
            session.showResults()
            let open = session.results.items.filter { $0.status == .undetermined }.map(\.result.id)
            #expect(open.isEmpty, "every fact was known, yet \(open) stayed undetermined")
            lengths.append(session.history.count)
        }
        lengths.sort()
        let medianLength = lengths[lengths.count / 2]
        #expect(medianLength <= 12, "median \(medianLength) questions: \(lengths)")
        // The "약 N" on the first question is honest: within three of the median.
        #expect(abs(estimates[0] - medianLength) <= 3, "first estimate \(estimates[0]), median \(medianLength)")
    }
}

/// A plausible household with every fact known: ages, sizes and children of every kind, incomes
/// around and far from the thresholds.
enum RandomHousehold {
    static func make(_ r: inout SplitMix) -> [FactKey: FactValue] {
        let age = r.int(0...95) < 20 ? r.int(18...34) : r.int(19...90)
        let size = r.int(1...7)
        let childCount = size == 1 ? 0 : r.int(0...min(3, size - 1))
        let poor = r.unit() < 0.4
        func money(_ high: Int) -> Int { poor ? r.int(0...high / 5) : r.int(0...high) }
        return [
            "age": .number(age), "has_spouse": .bool(size > 1 && r.unit() < 0.6), "severe_disability": .bool(r.unit() < 0.08),
            "household_size": .number(size), "single_parent": .bool(childCount > 0 && r.unit() < 0.2),
            "lives_with_parents": .bool(age < 35 && r.unit() < 0.5), "receives_basic_livelihood": .bool(poor && r.unit() < 0.3),
            "children_age_months": .list((0..<childCount).map { _ in r.int(0...215) }), "pregnant": .bool(r.unit() < 0.05),
            "earned_income_krw": .number(money(6_000_000)), "other_income_krw": .number(money(2_000_000)),
            "national_pension_krw": .number(age >= 62 ? money(1_200_000) : 0), "property_krw": .number(money(400_000_000)),
            "financial_assets_krw": .number(money(60_000_000)), "debt_krw": .number(money(100_000_000)),
            "car_value_krw": .number(r.unit() < 0.5 ? 0 : money(30_000_000)), "owns_home": .bool(r.unit() < 0.5),
            "monthly_rent_krw": .number(r.unit() < 0.5 ? 0 : r.int(200_000...900_000)), "rent_deposit_krw": .number(r.int(0...80_000_000)),
            "crisis": .bool(r.unit() < 0.1), "months_in_siheung": .number(r.int(0...240)),
        ]
    }
}

