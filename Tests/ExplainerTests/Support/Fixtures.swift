import Foundation
import Rules
import Settings
import Testing

/// The real pack and locales, and a few households whose results the tests explain.
enum Fixtures {
    static let repoRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    static let pack: RulePack = try! RulePack.load(directory: repoRoot.appendingPathComponent("rules/kr-welfare").path)
    static let locales: LocaleBundle = try! LocaleBundle.load(from: repoRoot.appendingPathComponent("locales"))
    static let day = Day("2026-06-01")!

    /// A 67-year-old living alone on a small pension: 기초연금 and 생계급여 among the results.
    static let elderFacts: [String: FactValue] = [
        "age": .number(67), "has_spouse": .bool(false), "household_size": .number(1), "earned_income_krw": .number(0),
        "other_income_krw": .number(300_000), "national_pension_krw": .number(0), "property_krw": .number(0),
        "financial_assets_krw": .number(0), "debt_krw": .number(0), "car_value_krw": .number(0),
        "nationality": .choice("korean"),
    ]

    static func evaluate(_ facts: [String: FactValue]) -> Evaluation {
        pack.evaluate(Facts(Dictionary(uniqueKeysWithValues: facts.map { (FactKey($0.key), $0.value) })), on: day, trace: true)
    }

    static let elder = evaluate(elderFacts)
    static let elderSheet = FactSheet(elder)
}

import Explainer
