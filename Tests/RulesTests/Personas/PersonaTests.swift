import Foundation
import Testing
@testable import Rules

@Suite struct PersonaTests {
    static let culture: RulePack = try! RulePack.load(directory: Fixtures.culturePackDirectory)

    static func personas() throws -> [Persona] {
        try Personas.load(directory: Fixtures.packDirectory, vocabulary: Fixtures.pack.facts)
    }

    @Test func theShippedPersonasLoad() throws {
        let personas = try Self.personas()
        #expect(personas.count >= 6)
        for id in ["older_couple", "single_parent_baby", "young_renter", "severe_disability", "family_in_crisis", "large_family"] {
            #expect(personas.contains { $0.id == id }, "persona \(id) is missing")
        }
        for persona in personas {
            for language in ["ko", "en", "zh", "vi"] {
                #expect(!persona.name[language].isEmpty && persona.name.values[language] != nil)
                #expect(persona.story.values[language] != nil)
            }
        }
    }

    /// Every programme of both configured packs is eligible for some persona, on every date the
    /// kiosk is tested on.
    @Test(arguments: ["2026-06-01", "2026-11-26", "2027-03-01"])
    func everyProgrammeIsEligibleForSomePersona(date: String) throws {
        let day = Fixtures.day(date)
        let personas = try Self.personas()
        for pack in [Fixtures.pack, Self.culture] {
            var uncovered = Set(pack.programs.map(\.id))
            for persona in personas {
                for result in pack.evaluate(persona.facts, on: day).programs where result.status == .eligible {
                    uncovered.remove(result.id)
                }
            }
            #expect(uncovered.isEmpty, "no persona is eligible for \(uncovered.sorted()) on \(date)")
        }
    }

    func loadErrors(_ yaml: String) throws -> [String] {
        let dir = try Fixtures.temporaryPack(["demo/personas.yaml": yaml])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try Personas.load(directory: dir, vocabulary: Fixtures.pack.facts)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
        }
    }

    static let good = """
        - id: a
          name: {ko: 가, en: A, zh: 甲, vi: A}
          story: {ko: 가, en: A, zh: 甲, vi: A}
          facts: {age: 30}
        """

    @Test func aBadFileIsReportedWithFileAndLine() throws {
        #expect(try loadErrors(Self.good) == [])
        let errors = try loadErrors(Self.good + """

            - id: b
              name: {ko: 나, en: B, zh: 乙}
              story: {ko: 나, en: B, zh: 乙, vi: B}
              facts:
                agee: 30
                household_size: 0
                earned_income_krw: 1234567
                crisis: maybe
            - id: a
              name: {ko: 다, en: C, zh: 丙, vi: C}
              story: {ko: 다, en: C, zh: 丙, vi: C}
              facts: {}
            """)
        #expect(errors.contains { $0.hasPrefix("demo/personas.yaml:6:") && $0.contains("persona 'b' name lacks the 'vi' text") })
        #expect(errors.contains { $0.hasPrefix("demo/personas.yaml:9:") && $0.contains("unknown fact 'agee' (did you mean 'age'?)") })
        #expect(errors.contains { $0.hasPrefix("demo/personas.yaml:10:") && $0.contains("household_size: must be at least 1, got 0") })
        #expect(errors.contains { $0.hasPrefix("demo/personas.yaml:11:") && $0.contains("whole number of 만원") })
        #expect(errors.contains { $0.hasPrefix("demo/personas.yaml:12:") && $0.contains("crisis must be true or false") })
        #expect(errors.contains { $0.hasPrefix("demo/personas.yaml:13:") && $0.contains("persona id 'a' is used twice") })
        #expect(errors.count == 6)
    }

    @Test func aMissingOrEmptyFileIsExplained() throws {
        let dir = try Fixtures.temporaryPack(["pack.yaml": "id: x"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: PackLoadError.self) { try Personas.load(directory: dir, vocabulary: Fixtures.pack.facts) }
        #expect(try loadErrors("[]") == ["demo/personas.yaml:1:1: the personas file lists no persona"])
    }
}
