import Testing
@testable import Rules

@Suite("Intervals and three-valued logic")
struct IntervalTests {
    let unknownBool = Interval.unknownBool
    let t = Interval.trueValue
    let f = Interval.falseValue

    @Test func kleeneAndOrNot() {
        #expect(Interval.and(f, unknownBool) == f)
        #expect(Interval.and(t, unknownBool) == unknownBool)
        #expect(Interval.or(t, unknownBool) == t)
        #expect(Interval.or(f, unknownBool) == unknownBool)
        #expect(Interval.not(unknownBool) == unknownBool)
        #expect(Interval.not(t) == f)
    }

    @Test func comparisonDecidesWhenRangesDoNotOverlap() {
        let income = Interval(3_500_000, .infinity)
        #expect(Interval.lessOrEqual(income, Interval(820_556)).truth == false)
        #expect(Interval.lessOrEqual(Interval(0, 100), Interval(100)).truth == true)
        #expect(Interval.lessOrEqual(Interval(0, 101), Interval(100)).truth == nil)
        #expect(Interval.lessThan(Interval(100), Interval(100)).truth == false)
    }

    @Test func arithmeticOnUnknownAmountsStaysNonNegative() {
        let unknown = Interval.nonNegative
        #expect(unknown + Interval(5) == Interval(5, .infinity))
        #expect(Interval(10) - unknown == Interval(-.infinity, 10))
        #expect(Interval.maximum(Interval(0), Interval(10) - unknown) == Interval(0, 10))
        // 0 · ∞ is 0: no children, whatever the per-child amount.
        #expect(Interval(0) * unknown == Interval(0))
        #expect(Interval(2, 3) * Interval(100) == Interval(200, 300))
    }

    @Test func chooseTakesTheHullWhenUndecided() {
        #expect(Interval.choose(unknownBool, Interval(1), Interval(5)) == Interval(1, 5))
        #expect(Interval.choose(t, Interval(1), Interval(5)) == Interval(1))
    }

    @Test func roundingIsHalfAwayFromZeroAndByStep() {
        #expect(Interval(1_714_891.52).roundedToNearest(step: 1) == Interval(1_714_892))
        #expect(Interval(2.5).roundedToNearest(step: 1) == Interval(3))
        #expect(Interval(1234).roundedToNearest(step: 10) == Interval(1230))
        #expect(Interval(1239.9).roundedDown(step: 1) == Interval(1239))
        #expect(Interval(1231).roundedUp(step: 10) == Interval(1240))
    }

    @Test func divisionByARangeHoldingZeroIsUnbounded() {
        #expect((Interval(10) / Interval(0, 2)).hi == .infinity)
        #expect(Interval(10) / Interval(4) == Interval(2.5))
    }

    @Test func koreanMoney() {
        #expect(KoreanMoney.format(820_556) == "82만 556원")
        #expect(KoreanMoney.format(1_000_000) == "100만 원")
        #expect(KoreanMoney.format(0) == "0원")
        #expect(KoreanMoney.format(152_000_000) == "1억 5200만 원")
    }

    @Test func daysParseStrictly() {
        #expect(Day("2026-06-01") != nil)
        #expect(Day("2026-02-30") == nil)
        #expect(Day("2026-6-1") == nil)
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2026-04-23")! < Day("2026-04-24")!)
    }
}
