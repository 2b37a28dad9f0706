import Foundation
import Testing
@testable import Rules

/// The total a results page shows: what can be received together, never a sum of alternatives.
@Suite("What can be received together")
struct BenefitTotalTests {
    /// Two or three programmes paying fixed amounts, some received instead of others.
    static func pack(_ programs: [(id: String, monthly: Int?, notWith: [String])]) throws -> RulePack {
        var files = ["pack.yaml": PackLoadingTests.minimalPack, "facts.yaml": PackLoadingTests.minimalFacts]
        for p in programs {
            var text = """
                id: \(p.id)
                name: {ko: \(p.id), en: \(p.id), zh: \(p.id), vi: \(p.id)}
                category: test
                description: {ko: 설명, en: About, zh: 说明, vi: Mô tả}
                conditions:
                  - when: age >= 65
                    unmet: {ko: 나이, en: Age}
                apply: {office: {ko: 센터, en: Centre, zh: 中心, vi: Trung tâm}, phone: "129", url: "https://www.bokjiro.go.kr"}
                sources: [test]

                """
            if let m = p.monthly { text += "amount: {monthly: \(m)}\n" }
            if !p.notWith.isEmpty {
                text += "not_with:\n" + p.notWith.map {
                    "  - program: \($0)\n    reason: {ko: 둘 중 하나, en: One of the two, zh: 二选一, vi: Một trong hai}\n    source: test\n"
                }.joined()
            }
            files["\(p.id).yaml"] = text
        }
        return try RulePack.load(directory: try Fixtures.temporaryPack(files))
    }

    static func total(_ pack: RulePack, age: Int = 70) -> BenefitTotal {
        BenefitTotal([pack.evaluate(Facts(["age": .number(age)]), on: Fixtures.day("2026-06-01"))])
    }

    @Test func ofTwoAlternativesOnlyTheLargerIsAdded() throws {
        let pack = try Self.pack([("a", 300_000, ["b"]), ("b", 500_000, []), ("c", 100_000, [])])
        let total = Self.total(pack)
        #expect(total.monthly == 600_000)
        #expect(!total.isFloor)
        #expect(total.leftOut.map(\.program) == ["a"])
        #expect(total.leftOut.first?.instead == "b")
        // Declared on one side, the exclusion holds on both.
        #expect(pack.program("b")?.notWith.map(\.program) == ["a"])
        // Nothing eligible, nothing known: no amount, not "0".
        #expect(!Self.total(pack, age: 40).isKnown)
    }

    @Test func aChainKeepsTheBestCombination() throws {
        // a–b–c: a and c together (700,000) beat b alone (500,000).
        let pack = try Self.pack([("a", 300_000, ["b"]), ("b", 500_000, ["c"]), ("c", 400_000, [])])
        let total = Self.total(pack)
        #expect(total.monthly == 700_000)
        #expect(total.leftOut.map(\.program) == ["b"])
    }

    @Test func anAlternativeWithoutAnAmountMakesTheTotalAFloor() throws {
        let pack = try Self.pack([("a", 200_000, ["b"]), ("b", nil, [])])
        let total = Self.total(pack)
        #expect(total.monthly == 200_000)
        #expect(total.isFloor)
        #expect(total.leftOut.map(\.program) == ["b"])
    }

    @Test func badExclusionsAreNamed() throws {
        func errors(_ notWith: [String], id: String = "a") throws -> [String] {
            var files = ["pack.yaml": PackLoadingTests.minimalPack, "facts.yaml": PackLoadingTests.minimalFacts]
            for p in ["a", "b"] {
                files["\(p).yaml"] = """
                    id: \(p)
                    name: {ko: \(p), en: \(p), zh: \(p), vi: \(p)}
                    category: test
                    description: {ko: 설명, en: About, zh: 说明, vi: Mô tả}
                    conditions: [{when: age >= 65, unmet: {ko: 나이, en: Age}}]
                    apply: {office: {ko: 센터, en: Centre, zh: 中心, vi: Trung tâm}, phone: "129", url: "https://www.bokjiro.go.kr"}
                    sources: [test]
                    not_with: [\(p == id ? notWith.map { "{program: \($0), reason: {ko: 가, en: x, zh: 甲, vi: x}, source: t}" }.joined(separator: ", ") : "")]
                    """
            }
            let dir = try Fixtures.temporaryPack(files)
            do { _ = try RulePack.load(directory: dir); return [] } catch { return error.diagnostics.map(\.description) }
        }
        #expect(try errors(["c"]).contains { $0.contains("not_with names 'c', which is not a programme of this pack") })
        #expect(try errors(["a"]).contains { $0.contains("cannot exclude itself") })
        #expect(try errors(["b", "b"]).contains { $0.contains("already declared") })
        #expect(try errors(["b"]).isEmpty)
    }

    /// The demo's family in crisis qualifies for 긴급복지 and 생계급여: one of them, not both.
    @Test func theFamilyInCrisisGetsOneLivingSupport() throws {
        let e = Fixtures.evaluate(Fixtures.zeroAssets([
            "age": .number(40), "has_spouse": .bool(true), "spouse_age": .number(40), "household_size": .number(4),
            "children_age_months": .list([60, 100]), "crisis": .bool(true), "receives_basic_livelihood": .bool(false),
            "support_obligor_able": .bool(false), "severe_disability": .bool(false), "single_parent": .bool(false),
            "months_in_siheung": .number(60), "pregnant": .bool(false), "owns_home": .bool(false),
        ]))
        #expect(e["emergency_welfare"]?.status == .eligible)
        #expect(e["livelihood_benefit"]?.status == .eligible)
        let livelihood = e["livelihood_benefit"]!.monthlyAmount!.value, emergency = e["emergency_welfare"]!.monthlyAmount!.value
        let total = BenefitTotal([e])
        let others = e.programs.filter { $0.status == .eligible && !["livelihood_benefit", "emergency_welfare"].contains($0.id) }
            .reduce(0) { $0 + ($1.monthlyAmount?.value ?? 0) }
        #expect(total.monthly == max(livelihood, emergency) + others)
        #expect(total.leftOut.count == 1)
    }
}
