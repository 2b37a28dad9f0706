import Explanations
import Foundation
import Rules
import SessionLog
import Settings
import Terminal

/// Starting the kiosk on this process's terminal, as `welfare-kiosk` does and as the
/// first-frame benchmark measures it: settings first (a broken file stops the kiosk before
/// the screen is taken), then the screen, then the first frame.
public enum KioskLaunch {
    /// Never returns: the kiosk runs until SIGTERM or SIGHUP. A bad setting or a missing
    /// terminal prints one line on standard error and exits 2.
    public static func run(configPath: String, mustExist: Bool) -> Never {
        let resources: KioskResources
        let rules: RuleBook
        do {
            let config = try KioskConfig.load(path: configPath, mustExist: mustExist)
            resources = try KioskResources.load(config: config)
        } catch {
            fail(error.description)
        }
        for warning in AccessibilityCheck.warnings(resources.config) {
            FileHandle.standardError.write(Data((warning + "\n").utf8))
        }
        do {
            rules = try RuleBook.load(config: resources.config, day: today(in: resources.config.log.timeZone))
        } catch {
            fail("welfare-kiosk: \(error)")
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            fail("welfare-kiosk: the kiosk needs a terminal on standard input and output")
        }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(palette: Palette(theme: resources.theme))
        } catch {
            fail("welfare-kiosk: \(error.description)")
        }
        // Opened only once the screen is ours: the writer checks the log on its own thread, and a
        // log that cannot be opened drops and counts sessions rather than stopping the kiosk.
        let app = KioskApp(terminal: terminal, resources: resources, rules: rules, recorder: LogSessionRecorder.open(config: resources.config),
                           explanations: explanations(resources: resources, rules: rules, configPath: configPath))
        // A marker left by an earlier maintenance exit outside systemd must not turn a later
        // crash into a "maintenance" stop.
        unlink(app.maintenanceMarker.path)
        app.run()
    }

    /// The templates in this process; with `[llm] endpoint` set, `kiosk-explainer` beside this
    /// binary for the model, falling back to the same templates. A worker that cannot be found
    /// is no reason to stop the kiosk: it explains with templates and the fallbacks are counted.
    static func explanations(resources: KioskResources, rules: RuleBook, configPath: String) -> any ExplanationService {
        let local = LocalExplanationService(rules: rules, locales: resources.locales, centre: resources.config.centre)
        let llm = resources.config.llm
        guard llm.endpoint != nil else { return local }
        let executable = WorkerLocation.beside(CommandLine.arguments[0]) ?? WorkerLocation.executableName
        // The log's folder may not exist yet (the session log creates it on its own thread), and
        // a worker whose error file cannot be opened would not start at all.
        let folder = resources.config.paths.database.deletingLastPathComponent()
        let errors: WorkerErrors = (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil
            ? .file(folder.appendingPathComponent("kiosk-explainer.log").path) : .discard
        let configuration = WorkerExplanationService.Configuration(
            executable: executable, arguments: ["--config", configPath], errors: errors,
            watchdog: llm.totalDeadline + WorkerExplanationService.watchdogMargin)
        return WorkerExplanationService(configuration: configuration, fallback: local.template(for:))
    }

    /// The day the rules are applied for: today where the kiosk stands.
    public static func today(in timeZone: TimeZone) -> Day {
        let now = CivilTime(Date(), timeZone: timeZone)
        return Day(year: now.year, month: now.month, day: now.day)!
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(2)
    }
}
