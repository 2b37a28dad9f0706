import Foundation
import Terminal

/// Golden-file comparison of a screen: `__Snapshots__/<name>.txt` (text) and
/// `<name>.style.txt` (styles) beside the test file that asks.
///
/// A missing or different snapshot is a failure, described as a line diff. Set
/// `SNAPSHOT_RECORD=1` to write the current screen as the new snapshot instead; review the
/// files in the commit like any other change. Independent of the test framework: the caller
/// `#expect`s the returned description to be `nil`.
public enum Snapshot {
    /// Whether this run was asked to re-record snapshots (`SNAPSHOT_RECORD=1`).
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    }

    /// Compares `buffer` with its stored snapshots; `nil` when they match (or were recorded).
    ///
    /// `record` defaults to `isRecording`; pass `false` to compare even while recording, as a
    /// test that checks a deliberate mismatch must.
    public static func verify(
        _ buffer: Buffer, named name: String, record: Bool = isRecording, filePath: StaticString = #filePath
    ) -> String? {
        let directory = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent()
            .appendingPathComponent("__Snapshots__")
        let recording = record
        let files = [
            (directory.appendingPathComponent("\(name).txt"), ScreenDump.text(of: buffer)),
            (directory.appendingPathComponent("\(name).style.txt"), ScreenDump.styles(of: buffer)),
        ]
        var failures: [String] = []
        for (file, actual) in files {
            if recording {
                do {
                    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                    try actual.write(to: file, atomically: true, encoding: .utf8)
                } catch {
                    failures.append("could not record \(file.path): \(error)")
                }
                continue
            }
            guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
                failures.append("no snapshot at \(file.path); run the test with SNAPSHOT_RECORD=1 to record it")
                continue
            }
            if expected != actual {
                failures.append("\(file.path) differs (- snapshot, + now):\n" + LineDiff.describe(expected: expected, actual: actual))
            }
        }
        return failures.isEmpty ? nil : failures.joined(separator: "\n")
    }
}

/// A minimal line diff (longest common subsequence), enough for screens of a few dozen rows.
enum LineDiff {
    static func describe(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var lines: [String] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                i += 1
                j += 1
            } else if i < old.count, j == new.count || common[i + 1][j] >= common[i][j + 1] {
                lines.append("-\(i + 1): \(old[i])")
                i += 1
            } else {
                lines.append("+\(j + 1): \(new[j])")
                j += 1
            }
        }
        return lines.joined(separator: "\n")
    }
}
