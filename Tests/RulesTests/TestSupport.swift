import Foundation
@testable import Rules

/// Paths and the loaded pack, shared by the tests.
enum Fixtures {
    /// The repository root, from this file's place in `Tests/RulesTests/`.
    static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var packDirectory: String { repoRoot.appendingPathComponent("rules/kr-welfare").path }
    static var culturePackDirectory: String { repoRoot.appendingPathComponent("rules/kr-culture").path }

    /// `../shared` beside the repository root, as CI lays it out.
    static var sharedDirectory: URL { repoRoot.deletingLastPathComponent().appendingPathComponent("shared") }

    static let pack: RulePack = {
        do {
            return try RulePack.load(directory: packDirectory)
        } catch {
            fatalError("rules/kr-welfare does not load:\n\(error)")
        }
    }()

    static func day(_ s: String) -> Day { Day(s)! }

    /// A household with every money fact known and zero, so only what a test sets matters.
    static func zeroAssets(_ extra: [FactKey: FactValue]) -> Facts {
        var f: [FactKey: FactValue] = [
            "earned_income_krw": .number(0), "other_income_krw": .number(0), "property_krw": .number(0),
            "financial_assets_krw": .number(0), "debt_krw": .number(0), "car_value_krw": .number(0),
            // Nationality decides every programme (2026.2); these households are Korean unless a
            // test says otherwise.
            "nationality": .choice("korean"),
        ]
        for (k, v) in extra { f[k] = v }
        return Facts(f)
    }

    static func evaluate(_ facts: Facts, _ date: String = "2026-06-01", trace: Bool = false) -> Evaluation {
        pack.evaluate(facts, on: day(date), trace: trace)
    }

    /// Writes a throwaway pack folder from file contents, for loader error tests.
    static func temporaryPack(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rules-test-\(UUID().uuidString)")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir.path
    }
}
