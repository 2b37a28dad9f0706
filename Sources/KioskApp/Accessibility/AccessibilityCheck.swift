import Foundation
import Settings

/// What accessibility mode needs from the machine, checked once at start: a kiosk whose voice
/// program is missing still serves citizens (silently), so this is a warning on standard error,
/// not a refusal to start.
public enum AccessibilityCheck {
    /// One line per configured helper program that cannot be found, naming the key to fix.
    public static func warnings(_ config: KioskConfig, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> [String] {
        let commands = [("speech_command", config.accessibility.speechCommand),
                        ("enlarge_command", config.accessibility.enlargeCommand),
                        ("restore_command", config.accessibility.restoreCommand)]
        return commands.compactMap { key, arguments in
            guard let program = arguments.first, !isExecutable(program, path: path) else { return nil }
            return "welfare-kiosk: warning: \(config.displayPath): [accessibility] \(key): '\(program)' is not an executable"
                + " program here; accessibility mode will run without it (install it, or change the key)"
        }
    }

    static func isExecutable(_ program: String, path: String?) -> Bool {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) }
        return (path ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
        }
    }
}
