import Foundation
import Rules
import Settings

/// The adversarial corpus the guard is measured on (Tests/ExplainerTests/Corpus/guard.jsonl):
/// households first, one JSON object a line (`household`, `facts` in `eval`'s vocabulary,
/// `expect`: the statuses the marks assume), then sentences (`kind`, `lang`, `text`, `truth`:
/// household → whether the sentence is true of it). Pure: the caller reads the file.
///
/// The households are evaluated by the real engine here, so the guard is held to the pack's
/// current results; `expect` only names what the marks take for granted, and a rule change
/// that breaks it is reported as such rather than as a guard failure.
public struct GuardCorpus: Sendable {
    public struct Household: Sendable {
        public let name: String
        public let evaluation: Evaluation
        /// Statuses the marks assume that the engine no longer gives: "basic_pension: ineligible".
        public let brokenAssumptions: [String]
    }

    public struct Sentence: Sendable {
        public let kind: String
        public let language: Language
        public let text: String
        public let truth: [String: Bool]
    }

    /// One sentence judged for one household.
    public struct Verdict: Sendable {
        public let sentence: Sentence
        public let household: String
        public let isTrue: Bool
        public let failure: GroundingFailure?
        public var kept: Bool { failure == nil }
    }

    public let households: [Household]
    public let sentences: [Sentence]

    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    public init(jsonLines: String, pack: RulePack, day: Day) throws(FormatError) {
        var households: [Household] = []
        var sentences: [Sentence] = []
        for (number, line) in jsonLines.split(separator: "\n").enumerated() where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw FormatError(description: "guard.jsonl:\(number + 1): not a JSON object")
            }
            if let name = object["household"] as? String {
                guard let facts = object["facts"], let data = try? JSONSerialization.data(withJSONObject: facts),
                      let parsed = try? FactsJSON.parse(String(decoding: data, as: UTF8.self), vocabulary: pack.facts) else {
                    throw FormatError(description: "guard.jsonl:\(number + 1): household '\(name)' has facts `eval` does not accept")
                }
                let evaluation = pack.evaluate(parsed, on: day, trace: true)
                var broken: [String] = []
                for (id, status) in (object["expect"] as? [String: String]) ?? [:] where evaluation[ProgramID(id)]?.status.rawValue != status {
                    broken.append("\(id): \(evaluation[ProgramID(id)]?.status.rawValue ?? "absent"), the marks assume \(status)")
                }
                households.append(Household(name: name, evaluation: evaluation, brokenAssumptions: broken))
            } else {
                guard let text = object["text"] as? String, let lang = (object["lang"] as? String).flatMap(Language.init(rawValue:)),
                      let truth = object["truth"] as? [String: Bool] else {
                    throw FormatError(description: "guard.jsonl:\(number + 1): a sentence needs text, lang (ko, en, zh, vi) and truth")
                }
                sentences.append(Sentence(kind: object["kind"] as? String ?? "", language: lang, text: text, truth: truth))
            }
        }
        self.households = households
        self.sentences = sentences
    }

    /// Every marked (sentence, household) pair through the guard in the sentence's language.
    public func verdicts() -> [Verdict] {
        var out: [Verdict] = []
        for household in households {
            var guards: [Language: GroundingGuard] = [:]
            for sentence in sentences {
                guard let isTrue = sentence.truth[household.name] else { continue }
                // The sheet in the sentence's language, as the explainer builds it for the citizen.
                let grounding = guards[sentence.language]
                    ?? GroundingGuard(sheet: FactSheet(household.evaluation, language: sentence.language), language: sentence.language)
                guards[sentence.language] = grounding
                out.append(Verdict(sentence: sentence, household: household.name, isTrue: isTrue, failure: grounding.check(sentence.text)))
            }
        }
        return out
    }

    /// Share of true sentences kept (precision, as the issue names it) and of false ones refused (recall).
    public static func score(_ verdicts: [Verdict]) -> (trueKept: Double, falseRefused: Double, trueCount: Int, falseCount: Int) {
        let truths = verdicts.filter(\.isTrue), falsehoods = verdicts.filter { !$0.isTrue }
        let kept = Double(truths.filter(\.kept).count), refused = Double(falsehoods.filter { !$0.kept }.count)
        return (truths.isEmpty ? 1 : kept / Double(truths.count), falsehoods.isEmpty ? 1 : refused / Double(falsehoods.count),
                truths.count, falsehoods.count)
    }
}
