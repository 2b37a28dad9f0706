import Testing

@testable import SessionLog

struct BandsTests {
    @Test(arguments: [
        (nil, AgeBand.unknown), (-1, .unknown), (0, .upTo5), (5, .upTo5), (6, .from6To18), (18, .from6To18),
        (19, .from19To34), (34, .from19To34), (35, .from35To64), (64, .from35To64), (65, .from65To74),
        (74, .from65To74), (75, .from75), (83, .from75), (120, .from75),
    ] as [(Int?, AgeBand)])
    func ageBandsIncludeBothEdges(age: Int?, band: AgeBand) {
        #expect(AgeBand(age: age) == band)
    }

    @Test(arguments: [
        (nil, HouseholdBand.unknown), (0, .unknown), (1, .upTo4), (4, .upTo4), (5, .from5), (9, .from5),
    ] as [(Int?, HouseholdBand)])
    func householdBands(size: Int?, band: HouseholdBand) {
        #expect(HouseholdBand(size: size) == band)
    }

    @Test(arguments: [
        (nil, IncomeBand.unknown), (-0.1, .unknown), (Double.nan, .unknown), (0, .upTo32), (0.32, .upTo32),
        (0.3201, .upTo40), (0.40, .upTo40), (0.48, .upTo48), (0.4801, .upTo50), (0.50, .upTo50),
        (0.65, .upTo65), (0.7499, .upTo75), (0.75, .upTo75), (1.0, .upTo100), (1.0001, .above100), (3, .above100),
    ] as [(Double?, IncomeBand)])
    func incomeBandsIncludeTheirUpperEdge(ratio: Double?, band: IncomeBand) {
        #expect(IncomeBand(ratioOfMedian: ratio) == band)
    }

    @Test func anIncomeComputedInWonLandsOnItsEdge() {
        // 32 % of a median of 2,564,238 won, computed the way the kiosk would.
        let median = 2_564_238.0
        #expect(IncomeBand(ratioOfMedian: (median * 0.32) / median) == .upTo32)
        #expect(IncomeBand(ratioOfMedian: (median * 0.32 + 100) / median) == .upTo40)
    }

    @Test(arguments: [
        (nil, LatencyBand.none), (0, .upTo500ms), (500, .upTo500ms), (501, .upTo1s), (2_000, .upTo2s),
        (4_999, .upTo5s), (10_000, .upTo10s), (10_001, .above10s),
    ] as [(Double?, LatencyBand)])
    func latencyBands(ms: Double?, band: LatencyBand) {
        #expect(LatencyBand(milliseconds: ms) == band)
    }
}

extension BandsTests {
    @Test func oneWonPastAnEdgeIsPastIt() {
        let median = 2_564_238.0
        let edge = (median * 0.48).rounded(.down)
        #expect(IncomeBand(ratioOfMedian: edge / median) == .upTo48)
        #expect(IncomeBand(ratioOfMedian: (median * 0.48 + 1) / median) == .upTo50)
    }
}
