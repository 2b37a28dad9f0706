import Explanations
import Foundation
@testable import KioskApp
import Rules
import Settings
import Testing

/// The local service for real: a task of its own, events through `poll()`, a readable pipe.
@Suite("LocalExplanationService")
struct LocalExplanationServiceTests {
    static func service() -> LocalExplanationService {
        LocalExplanationService(rules: Fixture.rules, locales: Fixture.resources.locales, centre: Fixture.resources.config.centre)
    }

    static func request(_ subject: ExplanationRequest.Subject, _ facts: Facts = Households.olderAlone, language: String = "ko") -> ExplanationRequest {
        ExplanationRequest(subject: subject, facts: FactsJSON.encode(facts, order: Fixture.rules.order), day: "2026-06-01", language: language)
    }

    /// Watches the wake descriptor as the kiosk's loop will, and polls only once it is
    /// readable, until `.finished`. Waits as a task: the service runs on the same pool.
    static func collect(_ service: LocalExplanationService, _ ticket: ExplanationTicket) async throws -> [ExplanationEvent] {
        let fd = try #require(service.wakeDescriptor)
        var events: [ExplanationEvent] = []
        let deadline = ContinuousClock.now + .seconds(30)
        // The descriptor is checked again after every wait, however late the test resumes.
        while true {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if Foundation.poll(&descriptor, 1, 0) == 1 {
                events += service.poll().filter { $0.ticket == ticket }.map(\.event)
                if case .finished? = events.last { break }
            } else if ContinuousClock.now >= deadline {
                break
            } else {
                try await Task.sleep(for: .milliseconds(1))
            }
        }
        return events
    }

    @Test("a result: the wake pipe becomes readable, then the template and the outcome arrive through poll")
    func result() async throws {
        let service = Self.service()
        #expect(service.poll().isEmpty, "nothing before anything is asked")
        let ticket = service.begin(Self.request(.result))
        let events = try await Self.collect(service, ticket)
        #expect(events.count == 2)
        guard case .template(let text, let reason) = events.first, case .finished(let outcome) = events.last else {
            Issue.record("expected a template then the outcome, got \(events)")
            return
        }
        #expect(reason == nil)
        #expect(outcome.source == .template)
        #expect(outcome.text == text)
        // The same words as the Explainer's own template for each pack, one after another.
        let names = Fixture.rules.evaluate(Households.olderAlone, trace: true).flatMap { e in
            e.programs.compactMap { e.pack.program($0.id)?.name["ko"] }
        }
        for name in names { #expect(text.contains(name), "\(name) is explained") }
        #expect(service.poll().isEmpty, "each event is delivered once")
        service.shutdown()
    }

    /// Every pack is explained as one result: "nothing found" is never said while a programme of
    /// any pack can be received, and a programme the centre must decide says why.
    @Test("one explanation over every pack, in every language")
    func onePlainExplanationOverEveryPack() async throws {
        let service = Self.service()
        let foreignFamily = Facts([
            "age": .number(38), "household_size": .number(3), "nationality": .choice("foreign"), "has_spouse": .bool(true),
            "children_age_months": .list([48]), "residence_status": .choice("marriage_migrant"), "children_korean": .bool(true),
            "earned_income_krw": .number(2_500_000), "other_income_krw": .number(0), "property_krw": .number(0),
            "financial_assets_krw": .number(0), "spouse_korean": .bool(false),
        ])
        for language in Language.allCases {
            let catalog = Fixture.resources.locales.catalog(language)
            let ticket = service.begin(Self.request(.result, foreignFamily, language: language.rawValue))
            guard case .template(let text, _)? = try await Self.collect(service, ticket).first else {
                Issue.record("\(language): no template")
                continue
            }
            #expect(!text.contains(catalog.text("explain.none")), "\(language): \(text)")
            #expect(text.components(separatedBy: catalog.text("explain.closing")).count == 2, "\(language): the closing is said once")
            let nuri = try #require(Fixture.rules.packs.flatMap(\.programs).first { $0.id == "culture_nuri_card" })
            // 문화누리카드 for a foreign national: the centre decides, and the text says why.
            let line = try #require(text.split(separator: "\n").firstIndex { $0.hasPrefix(nuri.name[language.rawValue]) })
            let lines = text.split(separator: "\n")
            #expect(line + 1 < lines.count && lines[line + 1].hasPrefix(catalog.text("explain.reason", ["reason": ""]).prefix(2)),
                    "\(language): \(lines[line...].prefix(2))")
        }
        service.shutdown()
    }

    @Test("a cancelled request sends nothing; cancelAll stops every one")
    func cancelled() async throws {
        let service = Self.service()
        let a = service.begin(Self.request(.result))
        service.cancel(a)
        let b = service.begin(Self.request(.result))
        let c = service.begin(Self.request(.question("신청은 어디서 해요?")))
        service.cancelAll()
        let d = service.begin(Self.request(.result))
        let events = try await Self.collect(service, d)
        #expect(events.count == 2)
        try await Task.sleep(for: .milliseconds(50))
        let late = service.poll()
        #expect(!late.contains { [a, b, c].contains($0.ticket) })
        service.shutdown()
    }

    @Test("facts the packs do not know end the request with an empty text and the reason, not a crash")
    func badFacts() async throws {
        let service = Self.service()
        let ticket = service.begin(ExplanationRequest(subject: .result, facts: "{\"agee\": 3}", day: "2026-06-01", language: "ko"))
        let events = try await Self.collect(service, ticket)
        guard case .finished(let outcome)? = events.last else { Issue.record("no outcome"); return }
        #expect(outcome.fallbackReason == .malformed)
        #expect(outcome.text == "")
        #expect(outcome.detail?.contains("agee") == true)
    }

    @Test("questions: where to apply from the packs' data; a free question from retrieval; an unsafe one gets the kind answer")
    func questions() async throws {
        let service = Self.service()
        func answer(_ q: String, language: String = "ko") async throws -> String {
            let events = try await Self.collect(service, service.begin(Self.request(.question(q), language: language)))
            guard case .finished(let outcome)? = events.last else { return "" }
            return outcome.text
        }
        let whereTo = try await answer("신청은 어디서 해요?")
        #expect(whereTo.contains("신청해요"))
        let free = try await answer("주거급여는 무엇인가요")
        #expect(free.contains("주거급여"))
        let kind = AskFixture.text("answer.out_of_scope", .ko, ["counter": Fixture.resources.config.centre.counter.text(in: .ko),
                                                               "phone": Fixture.resources.config.centre.phone])
        #expect(try await answer("너무 힘들어서 죽고 싶어요") == kind)
        #expect(try await answer("Where do I apply?", language: "en").contains("apply"))
        service.shutdown()
    }
}
