import Foundation
import KioskApp
import SessionLog
import Settings
import Terminal

/// Staff mode's figures (issue 8): one PIN verify with the chosen Argon2id limits, and the
/// statistics screen from the key press to the figures drawn, over 100,000 sessions.
func runStaffBenchmarks() -> [BenchmarkResult] {
    var results: [BenchmarkResult] = []
    guard let hash = try? StaffPin.hash(StaffPin("482913")!) else {
        FileHandle.standardError.write(Data("kiosk-bench: staff benchmarks: libsodium could not hash\n".utf8))
        return []
    }
    results.append(BenchmarkResult(name: "staff.pin_verify_ms", value: pinVerify(hash), unit: "ms"))
    do {
        results.append(BenchmarkResult(name: "staff.stats_screen_ms", value: try statisticsScreen(hash), unit: "ms"))
    } catch {
        FileHandle.standardError.write(Data("kiosk-bench: staff.stats_screen_ms failed: \(error)\n".utf8))
    }
    return results
}

/// `staff.pin_verify_ms`: `crypto_pwhash_str_verify` of the right PIN at m=19 MiB, t=2; median of 7.
private func pinVerify(_ hash: StaffPinHash) -> Double {
    var samples: [Double] = []
    for _ in 0..<7 {
        let start = ContinuousClock.now
        precondition(StaffPin.verify("482913", against: hash))
        samples.append(milliseconds(ContinuousClock.now - start))
    }
    return median(samples)
}

/// `staff.stats_screen_ms`: on the staff menu, the statistics key pressed, until the frame with
/// the month's figures is presented (the query runs on its own thread; the loop ticks as the
/// kiosk's does, here without the 250 ms wait). 100,000 sessions in the month; median of 5.
private func statisticsScreen(_ hash: StaffPinHash) throws -> Double {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-bench-staff-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let config = try KioskConfig.load(path: "kiosk.conf", mustExist: true)
    let resources = try KioskResources.load(config: config)
    let zone = config.log.timeZone
    let now = Date()

    let database = try SessionDatabase.open(path: folder.appendingPathComponent("kiosk.sqlite").path)
    let anonymizer = Anonymizer(kioskID: "bench-kiosk", timeZone: zone)
    let programs = ["basic_pension", "livelihood_benefit", "medical_benefit", "housing_benefit", "education_benefit",
                    "near_poor", "child_allowance", "parental_benefit", "youth_rent_support", "energy_voucher"]
    var batch: [AnonymousSession] = []
    // This month, so the screen opens on it; spread over the days already past.
    let monthStart = now.addingTimeInterval(-Double(CivilTime(now, timeZone: zone).day - 1) * 86_400)
    for index in 0..<100_000 {
        let summary = SessionSummary(
            startedAt: monthStart.addingTimeInterval(Double(index % max(1, Int(now.timeIntervalSince(monthStart)))) ),
            language: ["ko", "en", "zh", "vi"][index % 4], age: (index * 7) % 100, householdSize: 1 + index % 6,
            incomeRatioOfMedian: Double(index % 130) / 100, questionsAsked: 6,
            outcomes: Dictionary(uniqueKeysWithValues: programs.enumerated().map { ($1, ProgramOutcome.allCases[(index + $0) % 3]) }),
            exitStep: index % 6 == 0 ? "question:income" : "results", reachedResults: index % 6 != 0)
        batch.append(anonymizer.anonymize(summary))
        if batch.count == 10_000 {
            try database.commit(batch)
            batch.removeAll(keepingCapacity: true)
        }
    }
    let writer = SessionLogWriter(database: database, anonymizer: anonymizer)
    defer { writer.close() }
    let recorder = LogSessionRecorder(writer: writer, retention: RetentionPolicy(timeZone: zone))
    writer.flush()

    let terminal = MemoryTerminal(size: Size(width: 80, height: 24), palette: Palette(theme: resources.theme))
    let access = StaffAccess(pinHash: hash, idleTimeout: .seconds(600), lockFile: nil)
    let app = KioskApp(terminal: terminal, resources: resources, rules: benchRules(resources), recorder: recorder, staff: access)
    app.start()
    for key in StaffKeySequence.keys { app.handle(.key(key)) }
    for digit in "482913" { app.handle(.key(.character(digit))) }
    app.handle(.key(.enter))
    guard app.state.staff?.screen == .menu else { throw BenchFailure("the PIN did not open the staff menu") }
    let digit = Character(String(StaffMenuItem.all.firstIndex(of: .statistics)! + 1))

    var samples: [Double] = []
    for _ in 0..<5 {
        let start = ContinuousClock.now
        app.handle(.key(.character(digit)))
        while true {
            app.tick()
            if case .statistics(let screen)? = app.state.staff?.screen, screen.figures != .loading { break }
            Thread.sleep(forTimeInterval: 0.0005)
        }
        samples.append(milliseconds(ContinuousClock.now - start))
        guard case .statistics(let screen)? = app.state.staff?.screen, screen.figures.value?.sessions == .count(100_000) else {
            throw BenchFailure("the statistics screen did not show 100,000 sessions: \(String(describing: app.state.staff?.screen))")
        }
        app.handle(.key(.character(".")))
    }
    return median(samples)
}

private struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
