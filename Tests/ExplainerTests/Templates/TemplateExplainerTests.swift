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
            let sheet = FactSheet(Fixtures.evaluate(facts))
            // Korean labels from the pack appear in every language's template; only Korean is
            // held to the language check.
            let grounding = GroundingGuard(sheet: sheet, language: language == .ko ? .ko : nil)
            for sentence in TemplateExplainer(catalog: Fixtures.locales.catalog(language)).explain(sheet) {
                #expect(grounding.check(sentence) == nil, "\(language): \(sentence)")
            }
        }
    }
}
