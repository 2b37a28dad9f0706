import Foundation
@testable import KioskApp
import Rules
import Settings
import Terminal
import TerminalTesting
import Testing

@Suite("Policy browser")
struct PolicyBrowserTests {
    /// Everything on the page, scrolled through, as one text.
    static func wholePage(_ app: KioskApp) -> String {
        let page = app.currentPage
        return page.items.map { item -> String in
            switch item {
            case .heading(let text), .text(let text, _): text
            case .choices(let choices): choices.map(\.label).joined(separator: "\n")
            case .field(let input, let echo, let error): "[\(input)] \(echo) \(error ?? "")"
            case .qr, .chart: ""
            }
        }.joined(separator: "\n")
    }

    /// Types consonants on the on-screen pad by moving the focus with arrows and pressing Enter,
    /// as staff do on a keypad.
    static func typeOnPad(_ consonants: String, app: KioskApp, pilot: Pilot) {
        for consonant in consonants {
            let target = HangulInitialsIndex.of(consonant)
            let choices = app.currentPage.choices
            while choices[app.state.focus].action != .policy(.typeInitial(HangulInitialsIndex.all[target])) {
                pilot.press(.right)
                app.drain()
            }
            pilot.press(.enter)
            app.drain()
        }
    }

    @Test func initialConsonantsOnThePadFindBasicPension() {
        let (app, pilot) = Fixture.kiosk()
        app.openPolicyBrowser()
        app.start()
        // The second button of the list opens the pad.
        pilot.press(.character("2"))
        app.drain()
        #expect(app.state.policy?.screen == .search)
        Self.typeOnPad("ㄱㅊㅇㄱ", app: app, pilot: pilot)
        #expect(app.state.policy?.query == "ㄱㅊㅇㄱ")
        #expect(pilot.tap(on: app.resources.locales.catalog(.ko).text("policy.search_done")))
        app.drain()
        let page = Self.wholePage(app)
        #expect(page.contains("기초연금 (basic_pension)"))
        #expect(page.contains("기초연금 선정기준액 (단독)"))
        #expect(!page.contains("생계급여"), "생계급여 has other initials")
        // Backspace on the pad erases one consonant; the query stays when the pad is closed.
        pilot.press(.character("2"))
        app.drain()
        pilot.press(.backspace)
        app.drain()
        #expect(app.state.policy?.query == "ㄱㅊㅇ")
    }

    @Test func latinIdsAndSubstringsAreFound() {
        let catalog = PolicyCatalog(book: Fixture.rules)
        #expect(catalog.search("youth_rent").contains { $0.id == "youth_rent_support" })
        #expect(catalog.search("연금").contains { $0.id == "disability_pension" })
        #expect(catalog.search("ㅈㅇㅇㅇㄱ").contains { $0.id == "disability_pension" })
        #expect(catalog.search("ㅁㅎㄴㄹ").contains { $0.id == "culture_nuri_card" }, "every configured pack is searched")
        #expect(catalog.search("ㄲㄲ").isEmpty)
        // A programme found brings its parameters: 기초연금 → 기준연금액, not 생계급여's rate.
        let basicPension = catalog.search("ㄱㅊㅇㄱ")
        #expect(basicPension.contains { $0.name == "기준연금액" })
        #expect(!basicPension.contains { $0.id == "livelihood_rate" })
        // A parameter kr-culture borrows from kr-welfare is listed once.
        #expect(catalog.rows.filter { $0.id == "near_poor_rate" }.count == 1)
    }

    @Test func changingTheDateShowsThatYearsValue() {
        let (app, pilot) = Fixture.kiosk()
        app.openPolicyBrowser()
        app.state.policy?.query = "pension_threshold_single"
        app.start()
        #expect(app.state.policy?.day == Day("2026-06-01"))
        #expect(Self.wholePage(app).contains("기초연금 선정기준액 (단독): 247만 원 [V]"))
        pilot.press(.character("1"))
        app.drain()
        pilot.type("2025061")
        pilot.press(.enter)
        app.drain()
        #expect(Self.wholePage(app).contains(app.resources.locales.catalog(.ko).text("policy.date_invalid")))
        pilot.type("5")
        pilot.press(.enter)
        app.drain()
        #expect(app.state.policy?.day == Day("2025-06-15"))
        let page = Self.wholePage(app)
        #expect(page.contains("2025-06-15"))
        #expect(page.contains("기초연금 선정기준액 (단독): 228만 원 [S]"))
        // The detail page names the source and every dated value.
        pilot.press(.character("4"))
        app.drain()
        let detail = Self.wholePage(app)
        #expect(detail.contains("보건복지부 2025 기초연금 선정기준액"))
        #expect(detail.contains("2026-01-01: 247만 원 [V]"))
        // A date the packs do not cover is refused with the range.
        pilot.press(.character("."), .character("1"))
        app.drain()
        pilot.type("20300101")
        pilot.press(.enter)
        app.drain()
        #expect(Self.wholePage(app).contains("2025-01-01부터 2027-12-31까지"))
    }

    /// Lowering the livelihood rate to 20% turns the single parent away from 생계급여; leaving
    /// the screen forgets it, and the pack on disk never changes.
    @Test func whatIfShowsWhoChangesAndKeepsNothing() throws {
        let packFile = Fixture.repositoryRoot.appendingPathComponent("rules/kr-welfare/parameters/basic_livelihood.yaml")
        let before = try Data(contentsOf: packFile)
        let (app, pilot) = Fixture.kiosk()
        app.openPolicyBrowser()
        app.state.policy?.query = "livelihood_rate"
        app.start()
        pilot.press(.character("4"))
        app.drain()
        #expect(app.state.policy?.screen == .parameter("livelihood_rate"))
        pilot.press(.enter)
        app.drain()
        #expect(app.state.policy?.screen == .whatIf("livelihood_rate", error: nil))
        pilot.type("20")
        pilot.press(.enter)
        app.drain()
        let comparison = try #require(app.state.policy?.comparison)
        #expect(comparison.changes.contains(WhatIfComparison.Change(
            persona: "young_renter", pack: 0, program: "livelihood_benefit", before: .eligible, after: .ineligible)),
                "630,000 won recognised (1,500,000 earned, less the under-35 deduction) is under 32% but over 20%")
        #expect(Self.wholePage(app).contains("박준호 씨, 생계급여: 받을 수 있어요 › 어려워요"))
        #expect(Snapshot.verify(pilot.screen, named: "policy-whatif-ko-80x24") == nil)

        // Back by the button, then by '.': the what-if is gone with its screen; the kiosk's
        // rules are untouched.
        #expect(pilot.tap(on: app.resources.locales.catalog(.ko).text("policy.back")))
        app.drain()
        #expect(app.state.policy?.screen == .parameter("livelihood_rate"))
        pilot.press(.character("."))
        app.drain()
        #expect(app.state.policy?.comparison == nil)
        #expect(app.state.policy?.screen == .list)
        let persona = try #require(DemoModeTests.personas.first { $0.id == "single_parent_baby" })
        #expect(Fixture.rules.evaluate(persona.facts)[0]["livelihood_benefit"]?.status == .eligible)
        #expect(app.state.session.rules.packs[0].parameter(named: "livelihood_rate")?.entry(on: Fixture.rules.day)?.values == [0.32])
        #expect(try Data(contentsOf: packFile) == before)
        pilot.press(.character("."))
        app.drain()
        #expect(app.state.policy == nil)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 40, height: 12)], [Language.ko, .en])
    func policySnapshots(size: Size, language: Language) {
        let (app, pilot) = Fixture.kiosk(size: size)
        app.state.session.language = language
        app.openPolicyBrowser()
        app.start()
        #expect(Snapshot.verify(pilot.screen, named: "policy-list-\(language.rawValue)-\(size)") == nil)
        pilot.press(.character("2"))
        app.drain()
        #expect(Snapshot.verify(pilot.screen, named: "policy-search-\(language.rawValue)-\(size)") == nil)
        pilot.press(.character("."))
        app.drain()
        app.state.policy?.query = "median_income"
        pilot.press(.character("4"))
        app.drain()
        #expect(Snapshot.verify(pilot.screen, named: "policy-parameter-\(language.rawValue)-\(size)") == nil)
    }

    @Test func theBrowserTimesOutLikeStaffMode() {
        let clock = ManualClock()
        let (app, _) = Fixture.kiosk(clock: clock)
        app.openPolicyBrowser()
        clock.advance(app.demoTimeout)
        app.tick()
        #expect(app.state.policy == nil)
        #expect(app.state.step == .attract)
    }
}

/// The pad's consonants by position, for driving it with arrows.
enum HangulInitialsIndex {
    static let all: [Character] = ["ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
    static func of(_ consonant: Character) -> Int { all.firstIndex(of: consonant)! }
}
