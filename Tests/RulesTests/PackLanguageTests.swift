import Foundation
import Testing
@testable import Rules

/// Every text a citizen reads from a pack must be there in each kiosk language, or the English,
/// Chinese and Vietnamese screens fall back to Korean. `rules check` fails on a gap.
@Suite("Rule packs: every citizen-facing text in ko, en, zh and vi")
struct PackLanguageTests {
    /// A programme whose every text is complete but the ones a test leaves out.
    static func program(unmet: String, note: String = "{ko: 참고, en: Note, zh: 注意, vi: Lưu ý}") -> String {
        """
        id: basic_pension
        name: {ko: 기초연금, en: Basic Pension, zh: 基础养老金, vi: Lương hưu}
        category: pension
        description: {ko: 설명, en: About, zh: 说明, vi: Mô tả}
        conditions:
          - when: age >= 65
            unmet: \(unmet)
        notes:
          - text: \(note)
        apply:
          office: {ko: 센터, en: Centre, zh: 中心, vi: Trung tâm}
          documents:
            - {ko: 신분증, en: ID card, zh: 身份证件, vi: Giấy tờ tùy thân}
          phone: "129"
          url: "https://www.bokjiro.go.kr"
        sources: [test]
        """
    }

    static func files(_ program: String) -> [String: String] {
        ["pack.yaml": PackLoadingTests.minimalPack, "facts.yaml": PackLoadingTests.minimalFacts, "basic_pension.yaml": program]
    }

    @Test func aTextLackingVietnameseIsAGapNamingItsKey() throws {
        let dir = try Fixtures.temporaryPack(Self.files(Self.program(unmet: "{ko: 나이, en: Age, zh: 年龄}")))
        // The pack still runs (a Vietnamese reader sees the Korean); the gap is for `rules check`.
        let pack = try RulePack.load(directory: dir)
        let gaps = pack.textGaps.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
        #expect(gaps == ["basic_pension.yaml:7:12: programme 'basic_pension' conditions[0].unmet lacks the 'vi' text"])
    }

    @Test func aBlankTextIsAsMissingAsNone() throws {
        let dir = try Fixtures.temporaryPack(Self.files(Self.program(unmet: "{ko: 나이, en: Age, zh: 年龄, vi: Tuổi}",
                                                                     note: "{ko: 참고, en: Note, zh: \"\", vi: \" \"}")))
        let pack = try RulePack.load(directory: dir)
        let gaps = pack.textGaps.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
        #expect(gaps == ["basic_pension.yaml:9:11: programme 'basic_pension' notes[0].text lacks the 'zh' and 'vi' texts"])
        // A blank text is not shown either: the reader gets the Korean rather than nothing.
        #expect(pack.programs[0].notes[0].text["zh"] == "참고")
    }

    @Test func aLanguageTheKioskDoesNotSpeakIsALoadError() throws {
        let dir = try Fixtures.temporaryPack(Self.files(Self.program(unmet: "{ko: 나이, en: Age, zh: 年龄, vn: Tuổi}")))
        do {
            _ = try RulePack.load(directory: dir)
            Issue.record("a pack with a 'vn' text loaded")
        } catch {
            let errors = error.diagnostics.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
            #expect(errors == ["basic_pension.yaml:7:38: 'vn' in programme 'basic_pension' conditions[0].unmet is not a kiosk language (ko, en, zh, vi) (did you mean 'vi'?)"])
            // The text it was meant to be is still missing; `rules check` shows both.
            #expect(error.textGaps.map(\.message) == ["programme 'basic_pension' conditions[0].unmet lacks the 'vi' text"])
        }
    }

    @Test func theRepositoryPacksHaveNoGap() throws {
        #expect(Fixtures.pack.textGaps.map(\.description) == [])
        let culture = try RulePack.load(directory: Fixtures.culturePackDirectory)
        #expect(culture.textGaps.map(\.description) == [])
    }

    // MARK: - rules check, as a process

    static func rulesCheck(_ directory: String) throws -> EvalCommandTests.Run {
        try EvalCommandTests.run(["rules", "check", "--rules", directory])
    }

    @Test func rulesCheckFailsOnAGapWithOneLineForIt() throws {
        let dir = try Fixtures.temporaryPack(Self.files(Self.program(unmet: "{ko: 나이, en: Age, zh: 年龄}")))
        let run = try Self.rulesCheck(dir)
        #expect(run.status == 2)
        #expect(!run.stdout.contains("no errors"))
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines == ["\(dir)/basic_pension.yaml:7:12: programme 'basic_pension' conditions[0].unmet lacks the 'vi' text",
                          "\(dir): 1 text lacks a kiosk language (ko, en, zh, vi)"])
    }

    @Test func rulesCheckPassesTheRepositoryPacks() throws {
        for directory in [Fixtures.packDirectory, Fixtures.culturePackDirectory] {
            let run = try Self.rulesCheck(directory)
            #expect(run.status == 0, "\(directory): \(run.stderr)")
            #expect(run.stderr.isEmpty)
            #expect(run.stdout.hasSuffix("no errors\n"))
        }
    }
}
