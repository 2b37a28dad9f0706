import ArgumentParser
import Foundation
import KioskApp

/// Measures every figure the issues name and prints them, one per line.
///
/// Not a test: nothing here passes or fails. Run it in release from the repository root
/// (`make bench`), compare the figures with the targets, and measure before and after any
/// optimisation.
struct KioskBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-bench",
        abstract: "Measure the kiosk's figures (first frame, redraw, rules, log…)."
    )

    @Flag(help: "One JSON object per line: {\"name\": …, \"value\": …, \"unit\": …}.")
    var json = false

    @Option(help: ArgumentHelp("Only figures whose name starts with this (tui, rules, log, settings, explain, ask, staff, demo, policy, a11y).", valueName: "PREFIX"))
    var only: [String] = []

    @Option(help: .hidden)
    var kioskChild: String?

    func run() throws {
        if let kioskChild {
            // The first-frame benchmark's child: exactly what `welfare-kiosk` does at start.
            KioskLaunch.run(configPath: kioskChild, mustExist: true)
        }
        let only = self.only
        // A group whose figures take long to measure skips those not asked for, so one figure
        // can be profiled alone.
        let wanted: @Sendable (String) -> Bool = { name in only.isEmpty || only.contains { name.hasPrefix($0) } }
        let groups: [(prefix: String, run: () -> [BenchmarkResult])] = [
            ("tui", runTerminalBenchmarks),
            ("tui", runAppBenchmarks),
            ("tui", runJourneyBenchmarks),
            ("rules", { runRulesBenchmarks(wanted: wanted) }),
            ("settings", runSettingsBenchmarks),
            ("log", runLogBenchmarks),
            ("log", runSimulateBenchmarks),
            ("session", runSessionBenchmarks),
            ("explain", runExplainerBenchmarks),
            ("explain", runLocalTemplateBenchmarks),
            ("explain", runGuardBenchmarks),
            ("ask", runAskBenchmarks),
            ("staff", runStaffBenchmarks),
            ("demo", runDemoBenchmarks),
            ("policy", runPolicyBenchmarks),
            ("a11y", runAccessibilityBenchmarks),
        ]
        for group in groups where only.isEmpty || only.contains(where: { $0.hasPrefix(group.prefix) || group.prefix.hasPrefix($0) }) {
            for result in group.run() where wanted(result.name) {
                print(json ? result.json : result.line)
                fflush(nil)  // all streams: `stdout` itself is not concurrency-safe to name
            }
        }
    }
}

extension BenchmarkResult {
    var json: String {
        let value = self.value.isFinite ? String(format: "%.4g", self.value) : "null"
        return "{\"name\": \"\(name)\", \"value\": \(value), \"unit\": \"\(unit)\"}"
    }

    var line: String {
        name.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%12.4g %@", value, unit)
    }
}

KioskBench.main()
