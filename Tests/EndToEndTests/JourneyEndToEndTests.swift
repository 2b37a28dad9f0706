import Foundation
import Rules
import Testing

/// Whole sessions in the real binary, by keyboard, for three households; the results screen
/// must list what `welfare-kiosk eval` gives for the same facts.
@Suite("Journey, end to end in tmux", .serialized)
struct JourneyEndToEndTests {
    static let root = TmuxKiosk.repositoryRoot
    static let packs = ["rules/kr-welfare", "rules/kr-culture"]

    /// The households as `eval` reads them.
    static let households: [(String, String)] = [
        ("older person alone on a small pension", """
        {"age": 78, "nationality": "korean", "support_obligor_able": false, "has_spouse": false, "household_size": 1, "earned_income_krw": 0, "other_income_krw": 350000,
         "national_pension_krw": 250000, "property_krw": 30000000, "financial_assets_krw": 5000000, "debt_krw": 0,
         "car_value_krw": 0, "children_age_months": [], "severe_disability": false, "owns_home": false,
         "monthly_rent_krw": 250000, "rent_deposit_krw": 5000000, "months_in_siheung": 240,
         "receives_basic_livelihood": false, "single_parent": false, "pregnant": false, "crisis": false,
         "lives_with_parents": false}
        """),
        ("single parent with a toddler", """
        {"age": 31, "nationality": "korean", "support_obligor_able": false, "has_spouse": false, "household_size": 2, "earned_income_krw": 1800000, "other_income_krw": 0,
         "national_pension_krw": 0, "property_krw": 20000000, "financial_assets_krw": 3000000, "debt_krw": 10000000,
         "car_value_krw": 0, "children_age_months": [20], "single_parent": true, "severe_disability": false,
         "pregnant": false, "crisis": false, "owns_home": false, "monthly_rent_krw": 400000, "rent_deposit_krw": 10000000,
         "months_in_siheung": 30, "receives_basic_livelihood": false, "lives_with_parents": false}
        """),
        ("young renter", """
        {"age": 26, "nationality": "korean", "support_obligor_able": false, "has_spouse": false, "household_size": 1, "earned_income_krw": 1500000, "other_income_krw": 0,
         "national_pension_krw": 0, "property_krw": 0, "financial_assets_krw": 4000000, "debt_krw": 0, "car_value_krw": 0,
         "children_age_months": [], "single_parent": false, "severe_disability": false, "pregnant": false, "crisis": false,
         "owns_home": false, "monthly_rent_krw": 450000, "rent_deposit_krw": 5000000, "months_in_siheung": 14,
         "receives_basic_livelihood": false, "lives_with_parents": false}
        """),
    ]

    @Test("a whole session by keyboard lists every programme under the status eval gives it",
          arguments: households.map(\.0))
    func household(name: String) throws {
        let json = Self.households.first { $0.0 == name }!.1
        let pack = try RulePack.load(directory: Self.root.appendingPathComponent(Self.packs[0]).path)
        let facts = try FactsJSON.parse(json, vocabulary: pack.facts)
        let today = Self.today()
        let expected = try Self.packs.flatMap { try Self.eval(json, rules: $0, date: today) }
        #expect(expected.count == pack.programs.count + 1, "every kr-welfare programme and the kr-culture one")

        let kiosk = try TmuxKiosk(width: 200, height: 60)
        let asked = try Self.answerEveryQuestion(kiosk, pack: pack) { try answer($0, from: facts, kiosk: kiosk) }
        #expect(!asked.isEmpty)
        let resultsTitle = localeString(language: "ko", section: "results", key: "title")
        try kiosk.waitForScreen("the results") { $0.contains(resultsTitle) }
        var page = try kiosk.settledScreen()
        let more = localeString(language: "ko", section: "nav", key: "more_down")
        for _ in 0..<20 {
            let before = try kiosk.settledScreen()
            guard before.contains(more) else { break }
            try kiosk.send("+")
            try kiosk.waitForScreen("the results scrolled") { $0 != before }
            page += try kiosk.settledScreen()
        }
        for (programme, _) in expected {
            #expect(page.contains(programme), "\(name): \(programme) on the results screen")
        }
        for (status, key) in [("eligible", "eligible"), ("undetermined", "undetermined"), ("ineligible", "ineligible")] {
            let count = expected.filter { $0.status == status }.count
            let heading = localeString(language: "ko", section: "results", key: key)
            if count > 0 {
                #expect(page.contains("\(heading) (\(count))"), "\(name): \(count) under \(heading)")
            } else {
                #expect(!page.contains("\(heading) ("), "\(name): nothing under \(heading)")
            }
        }
    }

    /// From the attract screen through language and privacy, every question the planner asks
    /// answered by `answer`, to "결과 보기" pressed on the review; the questions asked, in order.
    @discardableResult
    static func answerEveryQuestion(_ kiosk: TmuxKiosk, pack: RulePack, answer: (FactSpec) throws -> Void) throws -> [FactKey] {
        try kiosk.waitForScreen("the attract screen") { $0.contains(localeString(language: "ko", section: "attract", key: "title")) }
        try kiosk.send("Enter")
        try kiosk.waitForScreen("the language choice") { $0.contains("English") }
        try kiosk.send("1")
        try kiosk.waitForScreen("the privacy notice") { $0.contains(localeString(language: "ko", section: "privacy", key: "title")) }
        try kiosk.send("1")
        let reviewTitle = localeString(language: "ko", section: "review", key: "title")
        var asked: [FactKey] = []
        for _ in 0..<40 {
            let screen = try kiosk.waitForScreen("a question or the review") { screen in
                screen.contains(reviewTitle) || question(on: screen, in: pack).map { !asked.contains($0.key) } == true
            }
            if screen.contains(reviewTitle) { break }
            let spec = question(on: screen, in: pack)!
            asked.append(spec.key)
            try answer(spec)
        }
        // On the review, focus wraps from the first answer to "결과 보기".
        try kiosk.send("Left", "Left", "Left", "Enter")
        return asked
    }

    /// From the attract screen to the results, every question answered "잘 모르겠어요": the
    /// quickest way there.
    static func reachResultsAnsweringUnknown(_ kiosk: TmuxKiosk) throws {
        let pack = try RulePack.load(directory: root.appendingPathComponent(packs[0]).path)
        try answerEveryQuestion(kiosk, pack: pack) { spec in
            if spec.isEnum {
                try kiosk.send(String(spec.values.count + 1))
            } else if case .scalar(.bool) = spec.type { try kiosk.send("3") } else { try kiosk.send("Right", "Enter") }
        }
    }

    /// Sends the keys a citizen would press for this question's answer.
    private func answer(_ spec: FactSpec, from facts: Facts, kiosk: TmuxKiosk) throws {
        let value = facts[spec.key]
        func typeNumber(_ n: Int) throws { try kiosk.send(String(n)); try kiosk.send("Enter") }
        switch (spec.type, value) {
        // The households are Korean: every value is offered, in the pack's order.
        case (_, .choice(let chosen)?): try kiosk.send(String(spec.values.firstIndex(of: chosen)! + 1))
        case (_, nil) where spec.isEnum: try kiosk.send(String(spec.values.count + 1))
        case (.scalar(.bool), .bool(let yes)?): try kiosk.send(yes ? "1" : "2")
        case (.scalar(.bool), _): try kiosk.send("3")
        case (.scalar(.won), .number(let won)?): try typeNumber(won / 10_000)
        case (.scalar(.months), .number(let months)?): try typeNumber(months / 12); try typeNumber(months % 12)
        case (.list, .list(let ages)?):
            for months in ages { try typeNumber(months / 12); try typeNumber(months % 12) }
            try kiosk.send("Right", "Enter")
        case (.scalar, .number(let n)?): try typeNumber(n)
        default: try kiosk.send("Right", "Enter")
        }
    }

    /// The fact whose question is the screen's title (its first twenty characters, before any wrap).
    static func question(on screen: String, in pack: RulePack) -> FactSpec? {
        let lines = screen.split(separator: "\n").prefix(4).map { $0.trimmingCharacters(in: .whitespaces) }
        return pack.facts.first { spec in lines.contains { $0.hasPrefix(String(spec.question.ko.prefix(20))) } }
    }

    /// `welfare-kiosk eval` for one pack: each programme's Korean name and status.
    static func eval(_ json: String, rules: String, date: String) throws -> [(String, status: String)] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxKiosk.binary)
        process.arguments = ["eval", "--date", date, "--rules", root.appendingPathComponent(rules).path, "--format", "json", "-"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(json.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let programs = object?["programs"] as? [[String: Any]] ?? []
        return programs.map { (($0["name"] as? [String: String])?["ko"] ?? "?", status: $0["status"] as? String ?? "?") }
    }

    /// Today where the kiosk stands (its rules are applied for this day).
    static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}

extension TmuxKiosk {
    /// The screen once a frame has finished arriving: two captures 100 ms apart agree.
    func settledScreen() throws -> String {
        var last = try screen()
        for _ in 0..<50 {
            Thread.sleep(forTimeInterval: 0.1)
            let now = try screen()
            if now == last { return now }
            last = now
        }
        return last
    }
}
