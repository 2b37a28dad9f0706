import Explanations
import Foundation
@testable import KioskApp
import Rules
import Settings
import Speech
import Terminal
import TerminalTesting

/// A text-to-speech stand-in (run as `/bin/sh SCRIPT`: exec'ing a script just written can fail
/// with ETXTBSY while another test's fork still holds it open): a real program that appends its arguments and the text it
/// reads on standard input to a transcript, one line per phrase spoken to the end.
struct RecordingVoice {
    let folder: URL
    let script: URL
    let transcript: URL

    init(sleepSeconds: Int = 0) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("voice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        script = folder.appendingPathComponent("say")
        transcript = folder.appendingPathComponent("transcript.txt")
        let body = """
            #!/bin/sh
            text=$(cat)
            \(sleepSeconds > 0 ? "sleep \(sleepSeconds)" : "")
            printf '%s | %s\\n' "$*" "$text" >> '\(transcript.path)'
            """
        try body.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    }

    var lines: [String] {
        ((try? String(contentsOf: transcript, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}

/// Kiosks with accessibility settings of a test's choosing, on the repository's own themes,
/// locales and rules.
enum AccessibleFixture {
    /// Resources from `conf` (kiosk.conf text) over the built-in defaults.
    static func resources(_ conf: String) throws -> KioskResources {
        let config = try KioskConfig.parse(text: conf, displayPath: "kiosk.conf", baseDirectory: Fixture.repositoryRoot)
        return try KioskResources.load(config: config)
    }

    /// A kiosk that starts in accessibility mode and speaks through `voice`, or stays silent.
    static func kiosk(size: Size = Size(width: 40, height: 12), voice: RecordingVoice? = nil, startOn: Bool = true,
                      extra: String = "", clock: ManualClock = ManualClock(),
                      explanations: (any ExplanationService)? = nil) throws -> (KioskApp, Pilot) {
        let command = voice.map { "[\"/bin/sh\", \"\($0.script.path)\", \"{voice}\", \"{rate}\", \"{volume}\"]" } ?? "[]"
        let resources = try resources("""
            [kiosk]
            accessibility = \(startOn)
            [accessibility]
            speech_command = \(command)
            \(extra)
            """)
        let pilot = Pilot(size: size, palette: Palette(theme: resources.theme))
        let app = KioskApp(terminal: pilot.terminal, resources: resources, rules: Fixture.rules, clock: { clock.now },
                           explanations: explanations)
        app.start()
        return (app, pilot)
    }
}

extension KioskApp {
    /// What the voice was last asked to say.
    var lastSpoken: String { assistive.speaker.lastPhrase ?? "" }
}
