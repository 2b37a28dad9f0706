import Foundation
import KioskApp
import Rules
import Settings
import Terminal

/// Demo mode and the policy browser.
///
/// - `demo.persona_session_ms`: one persona's whole session played without pauses on an
///   in-memory 80x24 terminal, every step's frame drawn and presented (median over the personas,
///   three rounds each).
/// - `policy.search_ms`: one 초성 query ("ㄱㅊㅇㄱ") over every programme and parameter of the
///   configured packs, the catalogue built as the browser builds it per frame (median).
/// - `policy.whatif_ms`: one parameter changed (생계급여 선정기준 to 20%) and every persona
///   evaluated before and after in every pack (median).
/// The kiosk's resources, rules and personas, as the kiosk loads them from the repository root.
private func loadStaffToolFixtures(_ what: String) -> (KioskResources, RuleBook, [Persona])? {
    do {
        let resources = try KioskResources.load(config: KioskConfig.load(path: "kiosk.conf", mustExist: false))
        let rules = benchRules(resources)
        let personas = try Personas.load(directory: resources.config.paths.rules.path, vocabulary: rules.vocabulary)
        return (resources, rules, personas)
    } catch {
        FileHandle.standardError.write(Data("kiosk-bench: \(what): \(error)\n".utf8))
        return nil
    }
}

func runDemoBenchmarks() -> [BenchmarkResult] {
    guard let (resources, rules, personas) = loadStaffToolFixtures("demo") else { return [] }
    let clock = ContinuousClock()
    var sessions: [Double] = []
    for _ in 0..<3 {
        for index in personas.indices {
            let app = KioskApp(terminal: MemoryTerminal(size: Size(width: 80, height: 24), palette: Palette(theme: resources.theme)),
                               resources: resources, rules: rules)
            app.start()
            app.openDemo()
            sessions.append(milliseconds(clock.measure {
                app.playPersona(index)
                while app.demoStep() { app.start() }
            }))
        }
    }
    return [BenchmarkResult(name: "demo.persona_session_ms", value: median(sessions), unit: "ms")]
}

func runPolicyBenchmarks() -> [BenchmarkResult] {
    guard let (_, rules, personas) = loadStaffToolFixtures("policy") else { return [] }
    let clock = ContinuousClock()
    var searches: [Double] = []
    var found = 0
    for _ in 0..<200 {
        searches.append(milliseconds(clock.measure { found += PolicyCatalog(book: rules).search("ㄱㅊㅇㄱ").count }))
    }
    var whatIfs: [Double] = []
    let override = ParameterOverride(parameter: "livelihood_rate", values: [0.20], from: rules.day)
    for _ in 0..<50 {
        whatIfs.append(milliseconds(clock.measure {
            found += (try? WhatIfComparison(book: rules, personas: personas, override: override))?.changes.count ?? 0
        }))
    }
    if found == 0 { FileHandle.standardError.write(Data("kiosk-bench: policy: nothing found\n".utf8)) }
    return [
        BenchmarkResult(name: "policy.search_ms", value: median(searches), unit: "ms"),
        BenchmarkResult(name: "policy.whatif_ms", value: median(whatIfs), unit: "ms"),
    ]
}
