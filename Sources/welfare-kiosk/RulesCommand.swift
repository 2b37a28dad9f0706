import ArgumentParser
import Foundation
import Rules
import Settings

/// Where the rule packs live when `--rules` is not given.
enum RulesLocation {
    /// The packs a command works on: the one named by `--rules`, else every pack kiosk.conf
    /// loads (`[paths] rules` and `extra_rules`), so a broken extra pack cannot slip through.
    static func resolveAll(_ flag: String?, config: ConfigOption) throws -> [String] {
        if let flag { return [packFolder(flag)] }
        do {
            let paths = try KioskConfig.load(path: config.path, mustExist: config.isExplicit).paths
            return ([paths.rules] + paths.extraRules).map(\.path)
        } catch {
            CheckConfigCommand.printError(error)
            throw ExitCode(2)
        }
    }

    /// A pack folder as given, or — when given the folder of packs (`rules/`, the contract's
    /// default) — the welfare pack inside it.
    static func packFolder(_ path: String) -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: (path as NSString).appendingPathComponent("pack.yaml")) { return path }
        let welfare = (path as NSString).appendingPathComponent("kr-welfare")
        return fm.fileExists(atPath: (welfare as NSString).appendingPathComponent("pack.yaml")) ? welfare : path
    }

    /// Loads a pack or prints every problem (one per line) and exits 2.
    static func load(_ directory: String) throws -> RulePack {
        do {
            return try RulePack.load(directory: directory)
        } catch {
            for d in error.diagnostics { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
            throw ExitCode(2)
        }
    }
}

/// `welfare-kiosk rules check|test`: tools for the people who maintain rule packs.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check a rule pack, or run the tests kept beside it.",
        subcommands: [Check.self, Test.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse, type-check and compile a rule pack; print every error at once (exit 2 if any)."
        )
        @OptionGroup var configOption: ConfigOption
        @Option(name: .long, help: ArgumentHelp("A rule-pack folder (one with pack.yaml).", valueName: "DIR"))
        var rules: String?

        func run() throws {
            var broken = false
            for directory in try RulesLocation.resolveAll(rules, config: configOption) {
                // Every pack is checked, and every error of each printed, before the exit code.
                let pack: RulePack
                do {
                    pack = try RulePack.load(directory: directory)
                } catch {
                    for d in error.diagnostics + error.textGaps { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
                    broken = true
                    continue
                }
                // A text lacking a language loads (the kiosk shows the Korean), but a citizen reading
                // English, Chinese or Vietnamese would meet Korean there: the check fails on it.
                if !pack.textGaps.isEmpty {
                    for d in pack.textGaps { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
                    let gaps = pack.textGaps.count == 1 ? "1 text lacks" : "\(pack.textGaps.count) texts lack"
                    FileHandle.standardError.write(Data("\(directory): \(gaps) a kiosk language (ko, en, zh, vi)\n".utf8))
                    broken = true
                }
                let programmes = pack.programs.count == 1 ? "1 programme" : "\(pack.programs.count) programmes"
                // The demo personas beside a pack are checked with it: a persona that no longer
                // fits the vocabulary would only show up when staff open demo mode.
                var personas = ""
                let personasFile = (directory as NSString).appendingPathComponent(Personas.relativePath)
                if FileManager.default.fileExists(atPath: personasFile) {
                    do {
                        personas = ", \(try Personas.load(file: personasFile, vocabulary: pack.facts).count) demo personas"
                    } catch {
                        for d in error.diagnostics { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
                        broken = true
                        continue
                    }
                }
                if !pack.textGaps.isEmpty { continue }
                print("\(directory): \(pack.id) \(pack.version) — \(programmes), \(pack.facts.count) facts, "
                    + "\(pack.parameters.count) parameters\(personas), covers \(pack.coverage.from)…\(pack.coverage.to); no errors")
            }
            if broken { throw ExitCode(2) }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the pack's tests (tests/*.yaml); the last line reads 'N passed, N failed'."
        )
        @OptionGroup var configOption: ConfigOption
        @Option(name: .long, help: ArgumentHelp("A rule-pack folder (one with pack.yaml).", valueName: "DIR"))
        var rules: String?

        func run() throws {
            var passed = 0, failed = 0
            for directory in try RulesLocation.resolveAll(rules, config: configOption) {
                let pack = try RulesLocation.load(directory)
                let cases: [PackTestCase]
                do {
                    cases = try PackTests.load(directory: directory, pack: pack)
                } catch {
                    for d in error.diagnostics { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
                    throw ExitCode(2)
                }
                if cases.isEmpty {
                    print("FAIL \(directory): the pack has no tests (tests/*.yaml)")
                    failed += 1
                }
                for test in cases {
                    let outcome = PackTests.run(test, pack: pack)
                    if outcome.passed {
                        passed += 1
                    } else {
                        failed += 1
                        print("FAIL \(test.location): \(test.name)")
                        for f in outcome.failures { print("     \(f)") }
                    }
                }
            }
            print("\(passed) passed, \(failed) failed")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
