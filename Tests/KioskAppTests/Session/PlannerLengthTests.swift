import Foundation
import KioskApp
import Rules
import Testing
import SeededRandom

/// How long sessions are over many households. The official 2026 소득인정액 (the home apart, the
/// spouse's earnings and age, 부양의무자, nationality) costs questions: the median went from 11 on
/// the 2026.1 facts to 15 on 2026.2's; issue 13 asks for 12, so this bound only keeps it from
/// growing while the planner learns to ask less.
@Suite("Planner: questions over random households")
struct PlannerLengthTests {
    @Test func everyProgrammeIsSettledInAMedianOfAtMost15Questions() {
        var random = SplitMix(seed: 2026)
        var lengths: [Int] = []
        var firstBounds: [Int] = []
        var asked: [FactKey: Int] = [:]
        for _ in 0..<61 {
            let household = PlausibleHousehold.make(&random).values
            var session = SessionFixture.asking()
            firstBounds.append(session.progress!.mostRemaining)
            // "많아야 N개 남았어요" is an upper bound that never grows, whatever the answers.
            var bounds: [Int] = []
            while case .question(let fact) = session.step, bounds.count < 40 {
                bounds.append(session.progress!.mostRemaining)
                if let value = household[fact] { session.answer(value) } else { session.answerUnknown() }
            }
            for (i, b) in bounds.enumerated() { #expect(b >= bounds.count - i, "at most \(b) left, yet \(bounds.count - i) were asked") }
            #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $1 < $0 }, "the count did not fall: \(bounds)")
            #expect(session.step == .review)
            session.showResults()
            let open = session.results.items.filter { $0.status == .undetermined }.map(\.result.id)
            let referred = session.results.items.filter { $0.status == .undetermined && ($0.result.referToStaff || $0.evaluation.missing($0.result).isEmpty) }.map(\.result.id)
            #expect(open == referred, "every fact was known, yet \(open) stayed undetermined (\(referred) have no question left: the day or the centre decides): \(household.sorted { $0.key < $1.key })")
            lengths.append(session.history.count)
            for f in session.history { asked[f, default: 0] += 1 }
        }
        lengths.sort()
        let medianLength = lengths[lengths.count / 2]
        #expect(medianLength <= 15, "median \(medianLength) questions: \(lengths); asked most: \(asked.sorted { $0.value > $1.value }.prefix(20).map { "\($0.key) \($0.value)" })")
        print("planner: median \(medianLength) questions (\(lengths.first!)–\(lengths.last!)); the first question says at most \(firstBounds[0])")
    }
}
