import Foundation
import Testing
@testable import Rules

@Suite("Rule packs: loading, checking, their own tests")
struct PackLoadingTests {
    @Test func kiosksPackLoadsWithEveryProgramme() {
        let pack = Fixtures.pack
        #expect(pack.programs.count == 16)
        #expect(pack.facts.count == 37)
        #expect(pack.facts.filter(\.isEnum).allSatisfy { f in f.values.allSatisfy { v in ["ko", "en", "zh", "vi"].allSatisfy { f.valueLabels[v]?.values[$0] != nil } } })
        #expect(pack.facts.allSatisfy { ["ko", "en", "zh", "vi"].allSatisfy(($0.question.values).keys.contains) })
        #expect(pack.programs.allSatisfy { !$0.apply.url.isEmpty && !$0.apply.phone.isEmpty && !$0.sources.isEmpty })
    }

    @Test func vocabularyIsExactlyTheContractsFactKeys() throws {
        // Parsed from contract/eval.md so the pack cannot drift from the interface.
        let url = Fixtures.sharedDirectory.appendingPathComponent("contract/eval.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let keys = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.split(separator: "`").dropFirst().first.map(String.init)
        }
        #expect(keys.count == 37)
        #expect(Set(Fixtures.pack.facts.map(\.key.rawValue)) == Set(keys))
        let ids = text.split(separator: "`").map(String.init).filter { id in Fixtures.pack.programs.contains { $0.id.rawValue == id } }
        #expect(Set(ids).count == 16)
    }

    @Test func packDataTestsPass() throws {
        let cases = try PackTests.load(directory: Fixtures.packDirectory, pack: Fixtures.pack)
        #expect(cases.count >= 40)
        for c in cases {
            let outcome = PackTests.run(c, pack: Fixtures.pack)
            #expect(outcome.passed, "\(c.location) \(c.name): \(outcome.failures.joined(separator: "; "))")
        }
    }

    @Test func culturePackReusesWelfareFactsWithoutCode() throws {
        let culture = try RulePack.load(directory: Fixtures.culturePackDirectory)
        #expect(culture.programs.map(\.id) == ["culture_nuri_card"])
        #expect(culture.facts.count == Fixtures.pack.facts.count)
        let cases = try PackTests.load(directory: Fixtures.culturePackDirectory, pack: culture)
        #expect(!cases.isEmpty)
        for c in cases {
            let outcome = PackTests.run(c, pack: culture)
            #expect(outcome.passed, "\(c.location) \(c.name): \(outcome.failures.joined(separator: "; "))")
        }
    }

    static let minimalPack = """
        id: test
        version: "1"
        name: {ko: 시험, en: Test, zh: 测试, vi: Thử}
        covers: {from: 2025-01-01, to: 2027-12-31}
        topics: [identity]
        """
    static let minimalFacts = """
        facts:
          age:
            type: int
            unit: years
            topic: identity
            question: {ko: 나이?, en: Age?, zh: 年龄?, vi: Tuổi?}
          flag:
            type: bool
            topic: identity
            question: {ko: 예?, en: Yes?, zh: 是?, vi: Có?}
        """
    static func program(_ when: String) -> String {
        """
        id: basic_pension
        name: {ko: 기초연금, en: Basic Pension, zh: 基础养老金, vi: Lương hưu}
        category: pension
        description: {ko: 설명, en: About, zh: 说明, vi: Mô tả}
        conditions:
          - when: \(when)
            unmet: {ko: 나이, en: Age}
        apply: {office: {ko: 센터, en: Centre, zh: 中心, vi: Trung tâm}, phone: "129", url: "https://www.bokjiro.go.kr"}
        sources: [test]
        """
    }

    func loadErrors(_ files: [String: String]) throws -> [String] {
        let dir = try Fixtures.temporaryPack(files)
        do {
            _ = try RulePack.load(directory: dir)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
        }
    }

    @Test func misspeltFactIsReportedWithFileLineAndColumn() throws {
        let errors = try loadErrors(["pack.yaml": Self.minimalPack, "facts.yaml": Self.minimalFacts,
                                     "basic_pension.yaml": Self.program("flag and agee >= 65")])
        #expect(errors == ["basic_pension.yaml:6:20: unknown name 'agee' (did you mean 'age'?)"])
    }

    @Test func quotedExpressionsCountTheQuote() throws {
        let errors = try loadErrors(["pack.yaml": Self.minimalPack, "facts.yaml": Self.minimalFacts,
                                     "basic_pension.yaml": Self.program("\"agee >= 65\"")])
        #expect(errors == ["basic_pension.yaml:6:12: unknown name 'agee' (did you mean 'age'?)"])
    }

    @Test func errorsInsideFoldedExpressionsPointAtTheirLine() throws {
        let errors = try loadErrors(["pack.yaml": Self.minimalPack, "facts.yaml": Self.minimalFacts,
                                     "basic_pension.yaml": Self.program(">-\n      flag\n      and agee >= 65")])
        #expect(errors == ["basic_pension.yaml:8:11: unknown name 'agee' (did you mean 'age'?)"])
    }

    @Test func everyErrorIsReportedAtOnce() throws {
        var program = Self.program("age + flag")
        program += "\nnotes:\n  - {text: {ko: 가, en: a}, when: age >= 65 and}\n"
        let errors = try loadErrors(["pack.yaml": Self.minimalPack, "facts.yaml": Self.minimalFacts, "basic_pension.yaml": program,
                                     "parameters/p.yaml": "p:\n  unit: won\n  series:\n    - {from: 2026-01-01, value: 1, mark: V, source: s}\n"])
        #expect(errors.count == 3)
        #expect(errors.contains { $0.contains("cannot add years and bool") })
        #expect(errors.contains { $0.contains("expected a value but found end of expression") })
        #expect(errors.contains { $0.contains("has no value for 2025-01-01") })
    }

    @Test func unknownKeysAndIdMismatchAreErrors() throws {
        let program = Self.program("age >= 65").replacingOccurrences(of: "sources:", with: "sorces: [x]\nsources:")
        let errors = try loadErrors(["pack.yaml": Self.minimalPack, "facts.yaml": Self.minimalFacts, "old_age.yaml": program])
        #expect(errors.contains { $0.contains("unknown key 'sorces' in a programme (did you mean 'sources'?)") })
        #expect(errors.contains { $0.contains("must match the file name 'old_age.yaml'") })
    }

    @Test func folderWithoutPackYamlIsExplained() throws {
        let errors = try loadErrors(["facts.yaml": Self.minimalFacts])
        #expect(errors.first?.contains("no pack.yaml here") == true)
    }
}
