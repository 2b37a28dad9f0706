import Foundation
import Settings

/// Settings figures: what reading the data files adds to every start, and what a string costs.
///
/// The kiosk loads kiosk.conf, two themes and four locales before its first frame
/// (`tui.first_frame_ms` ≤ 100), and every frame looks up and fills its strings; both are
/// measured here so a slow parser or catalog shows up on its own. Run from the repository root
/// (or with `$KIOSK_CONFIG` set) so the files are found.
func runSettingsBenchmarks() -> [BenchmarkResult] {
    let path = ProcessInfo.processInfo.environment["KIOSK_CONFIG"] ?? "kiosk.conf"
    let load = { () throws(ConfigError) -> KioskResources in
        try KioskResources.load(config: KioskConfig.load(path: path, mustExist: false))
    }
    let resources: KioskResources
    do {
        resources = try load()
    } catch {
        FileHandle.standardError.write(Data("settings benchmarks skipped: \(error)\n".utf8))
        return []
    }

    let clock = ContinuousClock()
    var loadTimes: [Double] = []
    for _ in 0..<50 {
        let elapsed = clock.measure { _ = try? load() }
        loadTimes.append(milliseconds(elapsed))
    }

    // A help screen's worth of lookups, each filling placeholders, repeated to be measurable.
    let catalog = resources.locales.catalog(.en)
    let args = resources.config.centre.placeholders(in: .en)
    let keys: [LocaleKey] = ["help.title", "help.counter", "help.hours", "help.phone", "help.close"]
    let rounds = 2_000
    var perLookup: [Double] = []
    var sink = 0
    for _ in 0..<20 {
        let elapsed = clock.measure {
            for _ in 0..<rounds {
                for key in keys { sink &+= catalog.text(key, args).utf8.count }
            }
        }
        perLookup.append(milliseconds(elapsed) * 1_000_000 / Double(rounds * keys.count))
    }
    precondition(sink > 0, "lookups produced text")

    return [
        BenchmarkResult(name: "settings.load_ms", value: median(loadTimes), unit: "ms"),
        BenchmarkResult(name: "settings.text_lookup_ns", value: median(perLookup), unit: "ns"),
    ]
}
