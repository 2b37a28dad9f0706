import Foundation
import Testing
@testable import Rules

/// Enum facts (`nationality == "korean"`) and `refer_to_staff`, on a small pack of their own so
/// the tests do not depend on how the rules helpers phrase the nationality conditions.
@Suite("Enum facts and refer_to_staff")
struct EnumAndReferralTests {
    static let facts = """
        facts:
          age:
            type: int
            unit: years
            topic: identity
            question: {ko: 나이?, en: Age?, zh: 年龄?, vi: Tuổi?}
          nationality:
            type: enum
            values: [korean, foreign]
            value_labels:
              korean: {ko: 대한민국 국적, en: Korean, zh: 韩国国籍, vi: Hàn Quốc}
              foreign: {ko: 다른 나라 국적, en: Other, zh: 其他国籍, vi: Nước khác}
            topic: identity
            question: {ko: 국적?, en: Nationality?, zh: 国籍?, vi: Quốc tịch?}
          residence_status:
            type: enum
            values: [resident, marriage_migrant, refugee, unregistered]
            value_labels:
              resident: {ko: 국민, en: Resident, zh: 国民, vi: Công dân}
              marriage_migrant: {ko: 결혼이민자, en: Marriage migrant, zh: 结婚移民, vi: Kết hôn}
              refugee: {ko: 난민, en: Refugee, zh: 难民, vi: Tị nạn}
              unregistered: {ko: 미등록, en: Unregistered, zh: 未登录, vi: Chưa đăng ký}
            topic: identity
            question: {ko: 체류?, en: Status?, zh: 滞留?, vi: Cư trú?}
        """

    static func program(_ when: String, refer: String? = nil) -> String {
        var text = PackLoadingTests.program(when)
        if let refer {
            text += "\nrefer_to_staff:\n  - when: \(refer)\n    reason: {ko: 센터에서 확인해요, en: The centre decides, zh: 由中心确认, vi: Trung tâm xác nhận}\n"
        }
        return text
    }

    static func pack(_ when: String, refer: String? = nil) throws -> RulePack {
        let dir = try Fixtures.temporaryPack(["pack.yaml": PackLoadingTests.minimalPack, "facts.yaml": facts,
                                              "basic_pension.yaml": program(when, refer: refer)])
        return try RulePack.load(directory: dir)
    }

    static func loadErrors(_ when: String, refer: String? = nil) throws -> [String] {
        let dir = try Fixtures.temporaryPack(["pack.yaml": PackLoadingTests.minimalPack, "facts.yaml": facts,
                                              "basic_pension.yaml": program(when, refer: refer)])
        do {
            _ = try RulePack.load(directory: dir)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
        }
    }

    static func result(_ pack: RulePack, _ facts: [FactKey: FactValue]) -> (ProgramResult, Evaluation) {
        let e = pack.evaluate(Facts(facts), on: Fixtures.day("2026-06-01"))
        return (e["basic_pension"]!, e)
    }

    // MARK: - Enum facts

    @Test func anEnumComparesWithItsValues() throws {
        let pack = try Self.pack("age >= 65 and nationality == \"korean\"")
        #expect(Self.result(pack, ["age": .number(70), "nationality": .choice("korean")]).0.status == .eligible)
        #expect(Self.result(pack, ["age": .number(70), "nationality": .choice("foreign")]).0.status == .ineligible)
        let (unknown, e) = Self.result(pack, ["age": .number(70)])
        #expect(unknown.status == .undetermined)
        #expect(e.missing(unknown) == ["nationality"])
        // Decided without the nationality when another condition already fails.
        #expect(Self.result(pack, ["age": .number(40)]).0.status == .ineligible)
    }

    @Test func anUnknownEnumIsEveryValue() throws {
        // True for three of the four values: still undecided while the status is unknown.
        let pack = try Self.pack("residence_status != \"unregistered\"")
        let (r, e) = Self.result(pack, [:])
        #expect(r.status == .undetermined)
        #expect(e.missing(r) == ["residence_status"])
        #expect(Self.result(pack, ["residence_status": .choice("refugee")]).0.status == .eligible)
        #expect(Self.result(pack, ["residence_status": .choice("unregistered")]).0.status == .ineligible)
        // A literal on the left reads the same.
        let flipped = try Self.pack("residence_status == \"marriage_migrant\" or \"korean\" == nationality")
        #expect(Self.result(flipped, ["nationality": .choice("foreign"), "residence_status": .choice("marriage_migrant")]).0.status == .eligible)
        #expect(Self.result(flipped, ["nationality": .choice("foreign"), "residence_status": .choice("refugee")]).0.status == .ineligible)
    }

    @Test func aMisspeltValueIsALoadError() throws {
        let errors = try Self.loadErrors("nationality == \"koren\"")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("\"koren\" is not a value of 'nationality' (did you mean \"korean\"?)") == true)
    }

    @Test func anEnumIsNeverANumber() throws {
        #expect(try Self.loadErrors("nationality >= 1").first?.contains("compare it with one, e.g. nationality == \"korean\"") == true)
        #expect(try Self.loadErrors("age == \"korean\"").first?.contains("'age' is not an enum fact") == true)
        #expect(try Self.loadErrors("age >= 65 and \"korean\"").first?.contains("can only be compared with an enum fact") == true)
        #expect(try Self.loadErrors("nationality == \"korean").first?.contains("not closed") == true)
    }

    @Test func enumDeclarationsAreChecked() throws {
        let bad = Self.facts.replacingOccurrences(of: "      foreign: {ko: 다른 나라 국적, en: Other, zh: 其他国籍, vi: Nước khác}\n", with: "")
            .replacingOccurrences(of: "values: [resident, marriage_migrant, refugee, unregistered]", with: "values: [resident, resident]")
        let dir = try Fixtures.temporaryPack(["pack.yaml": PackLoadingTests.minimalPack, "facts.yaml": bad,
                                              "basic_pension.yaml": Self.program("age >= 65")])
        var errors: [String] = []
        do { _ = try RulePack.load(directory: dir) } catch { errors = error.diagnostics.map(\.message) }
        #expect(errors.contains("value 'foreign' of 'nationality' needs a label in value_labels"))
        #expect(errors.contains("value 'resident' is listed twice"))
    }

    @Test func factsJSONReadsAnEnumAndRefusesAnyOtherValue() throws {
        let pack = try Self.pack("age >= 65")
        let facts = try FactsJSON.parse("{\"nationality\": \"foreign\"}", vocabulary: pack.facts)
        #expect(facts["nationality"] == .choice("foreign"))
        #expect(FactsJSON.encode(facts) == "{\n  \"nationality\": \"foreign\"\n}")
        for bad in ["{\"nationality\": \"Korean\"}", "{\"nationality\": 1}", "{\"nationality\": true}"] {
            #expect(throws: FactsInputError.self) { try FactsJSON.parse(bad, vocabulary: pack.facts) }
            do { _ = try FactsJSON.parse(bad, vocabulary: pack.facts) } catch {
                #expect(error.key == "nationality")
                #expect(error.message.contains("\"korean\", \"foreign\""))
            }
        }
    }

    // MARK: - refer_to_staff

    @Test func aDefiniteReferralHandsTheProgrammeToStaff() throws {
        let pack = try Self.pack("age >= 65", refer: "nationality == \"foreign\" and residence_status == \"refugee\"")
        let (r, e) = Self.result(pack, ["age": .number(70), "nationality": .choice("foreign"), "residence_status": .choice("refugee")])
        #expect(r.status == .undetermined)
        #expect(r.referToStaff)
        #expect(e.missing(r).isEmpty)
        #expect(e.unmet(r) == ["센터에서 확인해요"])
        #expect(e.unmet(r, language: "vi") == ["Trung tâm xác nhận"])
        #expect(r.monthlyAmount == nil)
        let json = EvaluationJSON.render(e)
        #expect(json.contains("\"refer_to_staff\":true"))
        #expect(EvaluationText.render(e).contains("확인이 필요해요"))
    }

    @Test func aFailedConditionStillRulesTheProgrammeOut() throws {
        let pack = try Self.pack("age >= 65", refer: "nationality == \"foreign\"")
        let (r, _) = Self.result(pack, ["age": .number(40), "nationality": .choice("foreign")])
        #expect(r.status == .ineligible)
        #expect(!r.referToStaff)
    }

    @Test func aPossibleReferralAsksItsFacts() throws {
        let pack = try Self.pack("age >= 65", refer: "nationality == \"foreign\"")
        let (r, e) = Self.result(pack, ["age": .number(70)])
        #expect(r.status == .undetermined)
        #expect(!r.referToStaff)
        #expect(e.missing(r) == ["nationality"])
        #expect(e.nextQuestion == "nationality")
        let (korean, _) = Self.result(pack, ["age": .number(70), "nationality": .choice("korean")])
        #expect(korean.status == .eligible)
        #expect(EvaluationJSON.render(Self.result(pack, ["age": .number(70), "nationality": .choice("korean")]).1)
            .contains("\"refer_to_staff\":false"))
    }

    @Test func packTestsCanExpectAReferral() throws {
        let test = """
            - name: refugee
              date: 2026-06-01
              facts: {age: 70, nationality: foreign, residence_status: refugee}
              expect:
                basic_pension: {status: undetermined, refer_to_staff: true, missing: []}
            - name: korean
              date: 2026-06-01
              facts: {age: 70, nationality: korean, residence_status: resident}
              expect:
                basic_pension: {status: eligible, refer_to_staff: false}
            """
        let dir = try Fixtures.temporaryPack(["pack.yaml": PackLoadingTests.minimalPack, "facts.yaml": Self.facts,
                                              "basic_pension.yaml": Self.program("age >= 65", refer: "residence_status == \"refugee\""),
                                              "tests/t.yaml": test])
        let pack = try RulePack.load(directory: dir)
        let cases = try PackTests.load(directory: dir, pack: pack)
        #expect(cases.count == 2)
        for c in cases { #expect(PackTests.run(c, pack: pack).passed, "\(c.name): \(PackTests.run(c, pack: pack).failures)") }
    }
}
