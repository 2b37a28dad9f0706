import Foundation
import Testing

@testable import SessionLog

struct AnonymizerTests {
    @Test func keepsTheLocalDateAndHourOnly() {
        let session = testAnonymizer.anonymize(summary(at: novemberAfternoon))
        #expect(session.hour.dayText == "2026-11-15")
        #expect(session.hour.hour == 14)
        #expect(session.hour.month.description == "2026-11")
    }

    @Test func theDateIsTheCentresNotUTC() {
        // 2026-11-30 23:30 UTC is already 1 December, 08:30, in 시흥.
        let lateNovemberUTC = Date(timeIntervalSince1970: 1_796_081_400)
        let session = testAnonymizer.anonymize(summary(at: lateNovemberUTC))
        #expect(session.hour.dayText == "2026-12-01")
        #expect(session.hour.hour == 8)
        #expect(session.hour.month == LogMonth("2026-12"))
    }

    @Test func monthsParseOnlyTheirOwnForm() {
        #expect(LogMonth("2026-11")?.description == "2026-11")
        #expect(LogMonth("2026-1") == nil)
        #expect(LogMonth("2026-13") == nil)
        #expect(LogMonth("November") == nil)
        #expect(LogMonth("2026-11-01") == nil)
    }

    @Test func foldsFiguresIntoBands() {
        let session = testAnonymizer.anonymize(summary(age: 83, household: 6, income: 1_234_567 / 2_564_238))
        #expect(session.age == .from75)
        #expect(session.household == .from5)
        #expect(session.income == .upTo50)
        #expect(session.latency == .upTo2s)
        #expect(session.kiosk.rawValue == "jeongwang-1")
    }

    @Test func idsAreRandomNotSequential() {
        let ids = (0..<1_000).map { _ in testAnonymizer.anonymize(summary()).id.rawValue }
        #expect(Set(ids).count == ids.count)
        // A counter or a timestamp would come out sorted; random ids almost never do.
        #expect(ids != ids.sorted())
        #expect(ids.allSatisfy { $0 > 0 })
    }

    @Test func freeTextCannotPassForAnIdentifier() {
        var raw = summary(unknown: ["property_krw", "제 재산은 1억 정도"])
        raw.exitStep = "question: 월세가 얼마인가요?"
        raw.language = "Korean"
        raw.outcomes["Call me at 010-1234-5678"] = .eligible
        raw.explainer = .fallback("the model said: you qualify")
        let session = testAnonymizer.anonymize(raw)
        #expect(session.exitStep == .invalid)
        #expect(session.language == .invalid)
        #expect(session.unknownFacts == [LogToken("property_krw")!, .invalid])
        #expect(session.outcomes[.invalid] == .eligible)
        #expect(session.explainer == .fallback(.invalid))
    }

    @Test func aCountCannotCarryAValue() {
        var raw = summary()
        raw.questionsAsked = 1_234_567
        #expect(testAnonymizer.anonymize(raw).questionsAsked == Anonymizer.maximumQuestions)
    }

    @Test(arguments: ["basic_pension", "question:income", "qwen2.5-3b", "ko"])
    func tokensAcceptIdentifiers(text: String) {
        #expect(LogToken(text)?.rawValue == text)
    }

    @Test(arguments: ["", "Basic", "기초연금", "a b", String(repeating: "a", count: 65), "a,b"])
    func tokensRefuseText(text: String) {
        #expect(LogToken(text) == nil)
    }
}
