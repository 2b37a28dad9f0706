import Foundation

/// Where `kiosk-explainer` is installed: beside the `welfare-kiosk` binary that starts it.
public enum WorkerLocation {
    public static let executableName = "kiosk-explainer"

    /// The worker beside the program at `path` (usually `CommandLine.arguments[0]`; symlinks
    /// followed), or nil when it is not there.
    public static func beside(_ path: String) -> String? {
        var own = URL(fileURLWithPath: path)
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            own = URL(fileURLWithPath: resolved)
        }
        let candidate = own.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(executableName).path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }
}
