import Testing
@testable import Settings

@Suite struct ConfigErrorTests {
    @Test func descriptionNamesFileLineAndColumn() {
        #expect(ConfigError(file: "kiosk.conf", line: 14, message: "x").description == "kiosk.conf:14: x")
        #expect(ConfigError(file: "kiosk.conf", line: 3, column: 7, message: "x").description == "kiosk.conf:3:7: x")
        #expect(ConfigError(file: "kiosk.conf", message: "file not found").description == "kiosk.conf: file not found")
    }

    @Test func editDistanceCountsSingleCharacterEdits() {
        #expect(editDistance("idle_secnds", "idle_seconds") == 1)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("same", "same") == 0)
    }

    @Test func suggestsOnlyCloseCandidates() {
        #expect(closestMatch(to: "idle_secnds", in: ["id", "idle_seconds", "idle_warning_seconds"]) == "idle_seconds")
        #expect(closestMatch(to: "dispaly", in: ["kiosk", "display"]) == "display")
        #expect(closestMatch(to: "colour", in: ["counter", "phone"]) == nil)
        #expect(didYouMean("txt", in: ["text", "muted"]) == " (did you mean 'text'?)")
        #expect(didYouMean("zzz", in: ["text"]) == "")
    }
}
