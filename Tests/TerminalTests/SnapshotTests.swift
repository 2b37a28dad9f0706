import Terminal
import TerminalTesting
import Testing

/// A small screen using every feature a snapshot must show: Korean, styles, a clipped wide
/// character at the edge.
private func sampleScreen() -> Buffer {
    var buffer = Buffer(size: Size(width: 24, height: 5))
    buffer.fill(Rect(x: 0, y: 0, width: 24, height: 1), style: Style(.accent, bold: true))
    buffer.put("복지 안내", x: 1, y: 0, style: Style(.accent, bold: true))
    buffer.fill(Rect(x: 0, y: 2, width: 12, height: 1), style: Style(.focus, reverse: true))
    buffer.put("▸ 한국어", x: 1, y: 2, style: Style(.focus, reverse: true))
    buffer.put("  English", x: 1, y: 3)
    buffer.put("끝까지가나다라마바사아자", x: 1, y: 4, style: Style(.muted, underline: true))
    return buffer
}

@Suite struct SnapshotTests {
    @Test func matchesTheRecordedScreen() {
        let mismatch = Snapshot.verify(sampleScreen(), named: "sample_screen")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func aChangedScreenFailsWithALineDiff() throws {
        var changed = sampleScreen()
        changed.put("Tiếng Việt", x: 3, y: 3)
        let failure = try #require(Snapshot.verify(changed, named: "sample_screen", record: false))
        #expect(failure.contains("-4:    English\n+4:    Tiếng Việt"))
        #expect(!failure.contains(".style.txt"))  // same styles: only the text file differs
    }

    @Test func aMissingSnapshotFailsUnlessRecording() throws {
        let failure = try #require(Snapshot.verify(sampleScreen(), named: "never_recorded", record: false))
        #expect(failure.contains("no snapshot"))
        #expect(failure.contains("SNAPSHOT_RECORD=1"))
    }

    @Test func dumpsAreReadable() {
        let text = ScreenDump.text(of: sampleScreen())
        #expect(text.split(separator: "\n").first == " 복지 안내")
        let styles = ScreenDump.styles(of: sampleScreen())
        #expect(styles.contains("row 2: 0-11 focus reverse | 12-23 text"))
    }
}

@Suite struct PilotTests {
    /// A minimal app loop: a list whose focus follows arrows and taps.
    private func runMenu(_ pilot: Pilot) -> Int {
        var focus = 0
        let items = ["한국어", "English", "中文", "Tiếng Việt"]
        func draw() {
            var buffer = Buffer(size: pilot.terminal.size)
            for (index, item) in items.enumerated() {
                let style = index == focus ? Style(.focus, reverse: true) : Style()
                buffer.put(item, x: 2, y: 1 + index, style: style)
            }
            pilot.terminal.present(buffer)
        }
        draw()
        while let event = pilot.terminal.nextEvent(timeout: .zero) {
            switch event {
            case .key(.down): focus = min(items.count - 1, focus + 1)
            case .key(.up): focus = max(0, focus - 1)
            case .mouse(_, let y) where (1...items.count).contains(y): focus = y - 1
            default: break
            }
            draw()
        }
        return focus
    }

    @Test func drivesKeysTapsAndResizes() {
        let pilot = Pilot(size: Size(width: 30, height: 8))
        _ = runMenu(pilot)
        #expect(pilot.find("中文")! == (2, 3))
        pilot.press(.down, .down, .down, .up)
        #expect(runMenu(pilot) == 2)
        #expect(pilot.tap(on: "English"))
        #expect(runMenu(pilot) == 1)
        #expect(pilot.screen[2, 2].style.role == .focus)
        pilot.resize(to: Size(width: 20, height: 6))
        _ = runMenu(pilot)
        #expect(pilot.screen.size == Size(width: 20, height: 6))
        #expect(pilot.screenText.contains("Tiếng Việt"))
        #expect(!pilot.tap(on: "Deutsch"))
    }
}
