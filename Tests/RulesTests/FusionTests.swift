import Testing
@testable import Rules

/// Fusion and short-circuiting (`Fusion`) make evaluation faster; they must never change what a
/// household is told. The same households, fused and unfused, give the same statuses, amounts,
/// confidence, missing facts, failed conditions, next question and every traced value.
@Suite("Fusion changes no result")
struct FusionTests {
    @Test(arguments: ["2025-12-31", "2026-01-01", "2026-06-01"])
    func fusedAndUnfusedPlansAgree(date: String) {
        let fused = Fixtures.pack
        let unfused = fused.withoutFusion()
        let day = Fixtures.day(date)
        var r = SoundnessTests.Random(state: 2026)
        for _ in 0..<250 {
            let full = SoundnessTests.household(&r)
            let partial = SoundnessTests.some(of: full, 0.6, &r)
            for facts in [Facts(full), Facts(partial)] {
                let a = fused.evaluate(facts, on: day, trace: true), b = unfused.evaluate(facts, on: day, trace: true)
                #expect(a.record?.recorded == b.record?.recorded, "traced values differ for \(facts)")
                for (x, y) in zip(a.programs, b.programs) {
                    #expect(x.status == y.status && x.monthlyAmount == y.monthlyAmount && x.oneTimeAmount == y.oneTimeAmount,
                            "\(x.id): \(x.status) \(String(describing: x.monthlyAmount)) fused, \(y.status) \(String(describing: y.monthlyAmount)) unfused, for \(facts)")
                    #expect(x.confidence == y.confidence, "\(x.id) confidence for \(facts)")
                    #expect(x.failedMask == y.failedMask && x.referredMask == y.referredMask, "\(x.id) conditions for \(facts)")
                    #expect(a.missing(x) == b.missing(y), "\(x.id) missing for \(facts)")
                }
                // Untraced evaluation stops at the first failed condition and skips amounts it will
                // not show: the fast path is the one the kiosk takes.
                let c = fused.evaluate(facts, on: day), d = unfused.evaluate(facts, on: day)
                for (x, y) in zip(c.programs, d.programs) {
                    #expect(x.status == y.status && x.monthlyAmount == y.monthlyAmount && x.confidence == y.confidence,
                            "\(x.id) untraced for \(facts)")
                }
                #expect(c.nextQuestion == d.nextQuestion, "next question for \(facts)")
            }
        }
    }
}
