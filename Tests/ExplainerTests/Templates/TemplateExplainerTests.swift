import Rules
import Settings
import Testing
@testable import Explainer

@Suite struct TemplateExplainerTests {
    @Test(arguments: Language.allCases)
    func explainsEveryProgrammeInEveryLanguage(language: Language) throws {
        let template = TemplateExplainer(catalog: Fixtures.locales.catalog(language))
        let text = template.text(Fixtures.elderSheet)
        let pension = try #require(Fixtures.elderSheet.programs.first { $0.id == "basic_pension" })
        let amount = try #require(pension.monthly).value
        #expect(text.contains(pension.names[language.rawValue]!))
        #expect(text.contains(template.money(amount)))
        #expect(!text.contains("{"), "a placeholder was left unfilled")
        for p in Fixtures.elderSheet.programs {
            #expect(text.contains(p.names[language.rawValue] ?? p.names["ko"]!), "\(p.id) is not explained")
        }
    }

    /// In English, Chinese and Vietnamese the 쉬운 설명 has no Korean: labels, reasons and the
    /// facts still needed come from the pack in the citizen's language.
    @Test(arguments: [Language.en, .zh, .vi])
    func noKoreanInAnotherLanguage(language: Language) {
        let households = [Fixtures.elderFacts, [:], ["age": .number(36), "household_size": .number(1), "earned_income_krw": .number(3_000_000)],
                          ["age": .number(30), "household_size": .number(3), "children_age_months": .list([5, 30])]]
        for facts in households {
            let text = TemplateExplainer(catalog: Fixtures.locales.catalog(language)).text(FactSheet(Fixtures.evaluate(facts), language: language))
            for line in text.split(separator: "\n") {
                #expect(!line.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(language): \(line)")
            }
        }
    }

    @Test func koreanMoneyIsWrittenAsPeopleSayIt() {
        #expect(TemplateExplainer.money(820_556, .ko) == "82만 556원")
        #expect(TemplateExplainer.money(820_556, .en) == "KRW 820,556")
        #expect(TemplateExplainer.money(820_556, .zh) == "820,556韩元")
        #expect(TemplateExplainer.money(820_556, .vi) == "820.556 won")
    }

    /// The template is the reference the model is held to: it must pass the same guard.
    @Test(arguments: Language.allCases)
    func theTemplatePassesTheGuard(language: Language) {
        let households = [Fixtures.elderFacts, [:], ["age": .number(30), "household_size": .number(3), "children_age_months": .list([5, 30])]]
        for facts in households {
            let sheet = FactSheet(Fixtures.evaluate(facts), language: language)
            let grounding = GroundingGuard(sheet: sheet, language: language)
            for sentence in TemplateExplainer(catalog: Fixtures.locales.catalog(language)).explain(sheet) {
                #expect(grounding.check(sentence) == nil, "\(language): \(sentence)")
            }
        }
    }
}
