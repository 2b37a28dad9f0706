import Foundation
import Testing
@testable import Settings

@Suite struct AccessibilityConfigTests {
    func parse(_ text: String) throws(ConfigError) -> KioskConfig {
        try KioskConfig.parse(text: text, displayPath: "kiosk.conf", baseDirectory: URL(fileURLWithPath: "/srv/kiosk"))
    }

    func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func defaultsSpeakThroughEspeakWithAVoicePerLanguage() throws {
        let a11y = try parse("").accessibility
        #expect(a11y.speechCommand == ["espeak-ng", "-v", "{voice}", "-s", "{rate}", "-a", "{volume}"])
        #expect(Language.allCases.map { a11y.voices.text(in: $0) } == ["ko", "en-us", "cmn", "vi"])
        #expect(a11y.speechRate == 175 && a11y.speechVolume == 100)
        #expect(a11y.enlargeCommand.isEmpty && a11y.restoreCommand.isEmpty)
        #expect(a11y.idleMultiplier == 3 && !a11y.extendWithoutLimit && !a11y.lowPosition)
    }

    @Test func readsEveryKey() throws {
        let a11y = try parse("""
            [accessibility]
            speech_command = ["/usr/local/bin/say", "{voice}"]
            voices = { ko = "ko-kr", en = "en-gb" }
            speech_rate = 120
            speech_volume = 150
            enlarge_command = ["tmux", "resize-window", "-x", "40", "-y", "12"]
            restore_command = ["tmux", "resize-window", "-x", "80", "-y", "24"]
            idle_multiplier = 5
            extend_without_limit = true
            low_position = true
            """).accessibility
        #expect(a11y.speechCommand == ["/usr/local/bin/say", "{voice}"])
        #expect(a11y.voices.text(in: .en) == "en-gb" && a11y.voices.text(in: .vi) == "ko-kr")
        #expect(a11y.speechRate == 120 && a11y.speechVolume == 150 && a11y.idleMultiplier == 5)
        #expect(a11y.enlargeCommand.count == 6 && a11y.restoreCommand.last == "24")
        #expect(a11y.extendWithoutLimit && a11y.lowPosition)
        #expect(try parse("[accessibility]\nspeech_command = []\n").accessibility.speechCommand.isEmpty)
    }

    @Test func badValuesNameTheLineAndTheKey() {
        #expect(error("[accessibility]\nspeech_rate = 1000\n")
            == "kiosk.conf:2: [accessibility] speech_rate = 1000: expected an integer from 80 to 450")
        #expect(error("[accessibility]\nspeech_command = \"espeak-ng -v ko\"\n")
            == #"kiosk.conf:2: [accessibility] speech_command = "espeak-ng -v ko": expected a list of non-empty arguments"#)
        #expect(error("[accessibility]\nidle_multiplier = 0\n")
            == "kiosk.conf:2: [accessibility] idle_multiplier = 0: expected an integer from 1 to 10")
    }

    @Test func anEnlargeCommandNeedsARestoreCommand() {
        #expect(error("[accessibility]\nenlarge_command = [\"grow\"]\n")
            == "kiosk.conf:2: [accessibility] enlarge_command: enlarge_command and restore_command must be set together (both lists, or both [])")
    }
}
