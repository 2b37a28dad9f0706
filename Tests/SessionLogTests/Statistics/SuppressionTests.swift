import Testing

@testable import SessionLog

struct SuppressionTests {
    @Test func publishesATableWithNoSmallCell() {
        #expect(Suppression.withheld([40, 12, 0, 5], k: 5) == [false, false, false, false])
    }

    @Test func withholdsASmallCellAndTheNextSmallest() {
        // Alone, the 3 would be 60 − 40 − 12 − 5; withholding the 5 as well hides it.
        #expect(Suppression.withheld([40, 12, 3, 5], k: 5) == [false, false, true, true])
    }

    @Test func keepsWithholdingUntilTheHiddenCellsCountK() {
        // 1 and 2 are both primary, but together only 3 < k: a third cell joins them.
        #expect(Suppression.withheld([1, 2, 30, 9], k: 5) == [true, true, false, true])
    }

    @Test func zerosArePublishedAndNeverChosenToHide() {
        #expect(Suppression.withheld([0, 3, 0, 50], k: 5) == [false, true, false, true])
    }

    @Test func listsThatAreNotATableGetPrimarySuppressionOnly() {
        #expect(Suppression.withheld([40, 3, 12], k: 5, isPartition: false) == [false, true, false])
    }

    @Test func aSmallTotalIsWithheldWithEveryCell() {
        #expect(Suppression.cell(4, k: 5) == .suppressed)
        #expect(Suppression.cell(0, k: 5) == .count(0))
        #expect(Suppression.withheld([1, 3, 0], k: 5) == [true, true, false])
    }

    /// Over many random tables: no published cell is under k, and whenever something is
    /// hidden, subtraction from the total only recovers a group of at least k sessions.
    @Test func noTableGivesBackASmallCell() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let k = Int.random(in: 2...10, using: &generator)
            let cells = (0..<Int.random(in: 2...9, using: &generator)).map { _ in
                Bool.random(using: &generator) ? Int.random(in: 0...k, using: &generator)
                    : Int.random(in: 0...200, using: &generator)
            }
            let hidden = Suppression.withheld(cells, k: k)
            let published = zip(cells, hidden).filter { !$0.1 }.map(\.0)
            #expect(published.allSatisfy { $0 == 0 || $0 >= k }, "\(cells) k=\(k)")
            let hiddenCells = zip(cells, hidden).filter { $0.1 }.map(\.0)
            if !hiddenCells.isEmpty && cells.reduce(0, +) >= k {
                #expect(hiddenCells.count >= 2 && hiddenCells.reduce(0, +) >= k, "\(cells) k=\(k)")
            }
        }
    }

    @Test func statisticsSuppressBandsAndProgrammeRows() {
        var counts = MonthlyCounts(month: LogMonth("2026-11")!)
        counts.sessions = 60
        counts.dimensions["age"] = ["19-34": 20, "35-64": 37, "75+": 3]
        counts.programs["basic_pension"] = [.eligible: 2, .ineligible: 50, .undetermined: 8]
        counts.programs["rare_programme"] = [.eligible: 3]
        counts.unknownAnswers = ["debt_krw": 4, "property_krw": 9]
        let statistics = MonthlyStatistics(counts, k: 5)

        #expect(statistics.sessions == .count(60))
        let age = statistics.tables.first { $0.name == "age" }!
        let ageCells = Dictionary(uniqueKeysWithValues: age.cells.map { ($0.key, $0.cell) })
        #expect(ageCells["75+"] == .suppressed)
        #expect(ageCells["19-34"] == .protecting)  // the next smallest, so 75+ cannot be recovered
        #expect(ageCells["35-64"] == .count(37))
        #expect(ageCells["0-5"] == .count(0))

        let pension = statistics.programs.first { $0.program == "basic_pension" }!
        #expect(pension.eligible == .suppressed)
        #expect(pension.undetermined == .protecting, "8 is not small: withheld so that the 2 cannot be worked out")
        #expect(pension.ineligible == .count(50))
        #expect(pension.evaluated == .count(60))
        let rare = statistics.programs.first { $0.program == "rare_programme" }!
        #expect(rare.evaluated == .suppressed && rare.eligible == .suppressed)

        #expect(statistics.unknownAnswers.cells.map(\.cell) == [.suppressed, .count(9)])
    }

    @Test func jsonWritesWithheldCellsAsNull() throws {
        var counts = MonthlyCounts(month: LogMonth("2026-11")!)
        counts.sessions = 12
        counts.dimensions["household"] = ["1-4": 10, "5+": 2]
        let json = StatisticsFormat.json.render(MonthlyStatistics(counts, k: 5))
        #expect(json.contains("\"sessions\":12"))
        #expect(json.contains("\"household\":{\"1-4\":null,\"5+\":null,\"unknown\":0}"))
        let csv = StatisticsFormat.csv.render(MonthlyStatistics(counts, k: 5))
        // The small cell reads <5; the 10 withheld beside it is not called small.
        #expect(csv.contains("2026-11,household,5+,,<5"))
        #expect(csv.contains("2026-11,household,1-4,,5+"))
    }
}
