import Foundation
import Rules
import Settings
import Testing
@testable import Explainer

/// The adversarial corpus (Corpus/guard.jsonl): every false sentence refused, at least 90% of
/// the true ones kept, for households the real engine evaluates here.
@Suite struct GuardCorpusTests {
    static let corpus: GuardCorpus = {
        let url = Bundle.module.url(forResource: "guard", withExtension: "jsonl")!
        return try! GuardCorpus(jsonLines: String(contentsOf: url, encoding: .utf8), pack: Fixtures.pack, day: Fixtures.day)
    }()

    @Test func theCorpusIsLargeEnoughAndCoversEveryLanguage() {
        let korean = Self.corpus.sentences.filter { $0.language == .ko }
        #expect(korean.count >= 200)
        for language in Language.allCases { #expect(Self.corpus.sentences.contains { $0.language == language }, "\(language)") }
        #expect(Self.corpus.households.count >= 3)
        for kind in ["list", "conjunction", "negation", "hedge", "amount", "period", "name", "process", "advice", "injection"] {
            #expect(Self.corpus.sentences.contains { $0.kind == kind }, "no \(kind) sentences")
        }
    }

    @Test func theHouseholdsAreWhatTheMarksAssume() {
        for household in Self.corpus.households {
            #expect(household.brokenAssumptions.isEmpty, "\(household.name): \(household.brokenAssumptions)")
        }
    }

    @Test func everyFalseSentenceIsRefused() {
        let leaks = Self.corpus.verdicts().filter { !$0.isTrue && $0.kept }
        for leak in leaks { Issue.record("\(leak.household): passed a false \(leak.sentence.kind) sentence: \(leak.sentence.text)") }
        #expect(leaks.isEmpty)
    }

    @Test func atLeastNinetyPercentOfTrueSentencesAreKept() {
        let verdicts = Self.corpus.verdicts()
        let score = GuardCorpus.score(verdicts)
        print("guard corpus: \(score.trueCount) true, \(score.falseCount) false; true kept \(score.trueKept), false refused \(score.falseRefused)")
        for v in verdicts where v.isTrue && !v.kept {
            print("  refused a true sentence (\(v.household)): \(v.sentence.text) — \(v.failure!)")
        }
        #expect(score.trueKept >= 0.9)
    }

    /// The issue's household and its six sentences, one by one.
    @Test func theIssuesSentencesAreRefused() throws {
        let elder = try #require(Self.corpus.households.first { $0.name == "elder70" })
        let grounding = GroundingGuard(sheet: FactSheet(elder.evaluation), language: .ko)
        for sentence in ["생계급여를 받을 수 있어요.", "의료급여와 주거급여를 받을 수 있어요.", "기초연금을 받을 수 있고, 생계급여도 받을 수 있어요.",
                         "한 달에 50만 원을 받을 수 있어요.", "기초연금은 못 받아요.", "주민센터에 가지 마세요.", "이 결과는 확정이에요."] {
            #expect(grounding.check(sentence) != nil, "\(sentence)")
        }
        #expect(grounding.check("기초연금은 한 달에 34만 9700원을 받을 수 있어요.") == nil)
    }

    @Test func claimsAreReadOnePerProgrammeOfAList() throws {
        let elder = try #require(Self.corpus.households.first { $0.name == "elder70" })
        let grounding = GroundingGuard(sheet: FactSheet(elder.evaluation), language: .ko)
        #expect(grounding.claims("의료급여와 주거급여는 받기 어려워요.") == [.status("medical_benefit", .cannot), .status("housing_benefit", .cannot)])
        #expect(grounding.claims("기초연금은 받을 수 있고, 생계급여도 받을 수 있어요.") == [.status("basic_pension", .receives), .status("livelihood_benefit", .receives)])
        #expect(grounding.claims("생계급여는 받기 어렵지만 기초연금은 받을 수 있어요.") == [.status("livelihood_benefit", .cannot), .status("basic_pension", .receives)])
        #expect(grounding.claims("기초연금은 1년에 약 420만 원이에요.") == [.payment(won: 4_200_000, period: .year, approximate: true, programs: ["basic_pension"])])
    }
}
