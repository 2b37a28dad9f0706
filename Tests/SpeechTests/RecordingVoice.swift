import Foundation

/// A text-to-speech stand-in (run as `/bin/sh SCRIPT`: exec'ing a script just written can fail
/// with ETXTBSY while another test's fork still holds it open): a real program that appends its arguments and the text it
/// reads on standard input to a transcript file, optionally after sleeping (a long phrase).
struct RecordingVoice {
    let folder: URL
    let script: URL
    let transcript: URL

    init(sleepSeconds: Int = 0) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("voice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        script = folder.appendingPathComponent("say")
        transcript = folder.appendingPathComponent("transcript.txt")
        // The sleep comes before the write, so a phrase cut short leaves no line behind.
        let body = """
            #!/bin/sh
            text=$(cat)
            \(sleepSeconds > 0 ? "sleep \(sleepSeconds)" : "")
            printf '%s | %s\\n' "$*" "$text" >> '\(transcript.path)'
            """
        try body.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    }

    /// Lines written so far, one per phrase spoken to the end.
    var lines: [String] {
        ((try? String(contentsOf: transcript, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}
