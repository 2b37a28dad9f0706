import ArgumentParser
import Foundation

/// `--config PATH`, shared by every command.
///
/// Resolution order: the flag, then `$KIOSK_CONFIG`, then `./kiosk.conf`. `isExplicit` tells a
/// command whether a missing file is the user's mistake (exit 2) or simply means "run on the
/// embedded defaults".
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Path to kiosk.conf (default: $KIOSK_CONFIG, else ./kiosk.conf).", valueName: "PATH"))
    var config: String?

    var path: String {
        if let config { return config }
        if let env = ProcessInfo.processInfo.environment["KIOSK_CONFIG"], !env.isEmpty { return env }
        return "./kiosk.conf"
    }

    var isExplicit: Bool {
        config != nil || !(ProcessInfo.processInfo.environment["KIOSK_CONFIG"] ?? "").isEmpty
    }
}
