import CNcursesw
import Glibc
import Terminal
import Testing
import TextLayout

/// A palette with distinct colours per role, enough to check pairs reach the screen.
func testPalette() throws -> Palette {
    var colors: [ColorRole: RoleColors] = [:]
    for (index, role) in ColorRole.allCases.enumerated() {
        colors[role] = RoleColors(
            foreground: TerminalColor(index256: UInt8(16 + index), index8: UInt8(index % 8)),
            background: TerminalColor(index256: 232, index8: 0))
    }
    return try Palette(colors)
}

/// What ncurses believes is on the physical screen (`curscr`), as text, row `y`.
private func physicalRow(_ y: Int, width: Int) -> String {
    var line = ""
    var x = 0
    while x < width {
        defer { x += 1 }
        var cell = cchar_t()
        guard mvwin_wch(cncurses_curscr(), Int32(y), Int32(x), &cell) == OK else { continue }
        var characters = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&cell, &characters, &attributes, &pair, nil) != ERR else { continue }
        let scalars = characters.prefix(while: { $0 != 0 }).map { Unicode.Scalar(UInt32(bitPattern: $0))! }
        line.unicodeScalars.append(contentsOf: scalars)
        // curscr repeats a wide character in the cell it covers; skip that cell.
        x += max(0, (scalars.first.flatMap(scalarWidth) ?? 1) - 1)
    }
    return line
}

/// A real ncurses screen on a pseudo-terminal; serialized because ncurses is process-global.
extension RealScreens {
@Suite(.serialized) struct NcursesTerminalTests {
    @Test func drawsKoreanOnARealScreenAndRewritesOnlyChanges() throws {
        let pty = PseudoTerminal(size: Size(width: 40, height: 10))
        let device = TerminalDevice(inputDescriptor: pty.follower, outputDescriptor: pty.follower, type: "xterm-256color")
        let terminal = try NcursesTerminal(palette: testPalette(), device: device, kioskSignals: false)
        defer { terminal.shutdown() }
        #expect(terminal.size == Size(width: 40, height: 10))

        var buffer = Buffer(size: terminal.size)
        buffer.put("복지 안내 키오스크", x: 2, y: 1, style: Style(.accent, bold: true))
        buffer.put("Tiếng Việt 中文 ab가", x: 0, y: 3)
        buffer.put("끝가", x: 37, y: 5)  // 가 would straddle the last column
        terminal.present(buffer)
        let firstFrame = String(decoding: pty.drain(), as: UTF8.self)
        #expect(firstFrame.contains("키오스크"))
        #expect(firstFrame.contains("\u{1B}[?1049h"))  // the alternate screen

        // ncurses' own picture of the screen matches our buffer column for column.
        for y in 0..<10 {
            #expect(physicalRow(y, width: 40) == buffer.text(row: y), "row \(y)")
        }
        #expect(physicalRow(5, width: 40).hasSuffix("끝 "))

        terminal.present(buffer)
        #expect(pty.drain().count < 16)  // nothing changed: at most a cursor parking

        buffer.put("X", x: 20, y: 8)
        let stats = terminal.present(buffer)
        #expect(stats.cellsWritten == 1)
        let change = pty.drain()
        // Cursor move, colours, the character, and ncurses' reset to default attributes.
        #expect(change.count < 48, "one cell cost \(change.count) bytes")
        #expect(String(decoding: change, as: UTF8.self).contains("X"))
    }

    @Test func decodesKeysMouseAndResize() throws {
        let pty = PseudoTerminal(size: Size(width: 40, height: 12))
        let device = TerminalDevice(inputDescriptor: pty.follower, outputDescriptor: pty.follower, type: "xterm-256color")
        let terminal = try NcursesTerminal(palette: testPalette(), device: device, kioskSignals: false)
        defer { terminal.shutdown() }
        terminal.present(Buffer(size: terminal.size))
        _ = pty.drain()

        let cases: [(String, InputEvent)] = [
            ("가", .key(.character("가"))),
            ("a", .key(.character("a"))),
            ("\r", .key(.enter)),
            ("\u{7F}", .key(.backspace)),
            ("\u{03}", .key(.control("c"))),
            ("\u{1A}", .key(.control("z"))),
            ("\u{1C}", .key(.control("\\"))),
            ("\u{1B}OA", .key(.up)),
            ("\u{1B}OB", .key(.down)),
            ("\u{1B}OP", .key(.function(1))),
            ("\u{1B}[24~", .key(.function(12))),
            ("\u{1B}Ou", .key(.keypad(.center))),
            ("\u{1B}Ow", .key(.keypad(.upperLeft))),
            ("\u{1B}OM", .key(.enter)),
            ("\u{1B}[<0;5;3M", .mouse(x: 4, y: 2)),
        ]
        for (typed, expected) in cases {
            pty.type(typed)
            #expect(terminal.nextEvent(timeout: .seconds(1)) == expected, "typed \(typed.unicodeScalars.map { $0.value })")
        }
        pty.type("\u{1B}")
        #expect(terminal.nextEvent(timeout: .seconds(1)) == .key(.escape))
        #expect(terminal.nextEvent(timeout: .milliseconds(10)) == nil)

        pty.resize(to: Size(width: 50, height: 14))
        // The test process is not the pty's foreground job, so the kernel sends it no SIGWINCH;
        // send it ourselves, on a test thread that (as a dispatch worker) blocks it by default.
        var windowChange = sigset_t()
        sigemptyset(&windowChange)
        sigaddset(&windowChange, SIGWINCH)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &windowChange, &previousMask)
        defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
        raise(SIGWINCH)
        #expect(terminal.nextEvent(timeout: .seconds(1)) == .resize(Size(width: 50, height: 14)))
        #expect(terminal.size == Size(width: 50, height: 14))
        let stats = terminal.present(Buffer(size: terminal.size))
        #expect(stats.cellsWritten == 50 * 14)
    }

    @Test func shutdownLeavesTheAlternateScreenAndAllowsARestart() throws {
        let pty = PseudoTerminal(size: Size(width: 20, height: 5))
        let device = TerminalDevice(inputDescriptor: pty.follower, outputDescriptor: pty.follower, type: "xterm-256color")
        let terminal = try NcursesTerminal(palette: testPalette(), device: device, kioskSignals: false)
        #expect(throws: TerminalError.alreadyRunning) {
            _ = try NcursesTerminal(palette: testPalette(), device: device, kioskSignals: false)
        }
        terminal.present(Buffer(size: terminal.size))
        _ = pty.drain()
        terminal.shutdown()
        terminal.shutdown()
        #expect(String(decoding: pty.drain(), as: UTF8.self).contains("\u{1B}[?1049l"))
        let again = try NcursesTerminal(palette: testPalette(), device: device, kioskSignals: false)
        again.shutdown()
    }

    @Test func eightColourTerminalGetsThePalettesBasicColours() throws {
        let pty = PseudoTerminal(size: Size(width: 20, height: 3))
        let device = TerminalDevice(inputDescriptor: pty.follower, outputDescriptor: pty.follower, type: "linux")
        let terminal = try NcursesTerminal(palette: testPalette(), device: device, kioskSignals: false)
        defer { terminal.shutdown() }
        var buffer = Buffer(size: terminal.size)
        buffer.put("선택", x: 1, y: 1, style: Style(.focus))  // focus is index8 3 (yellow) here
        terminal.present(buffer)
        let output = String(decoding: pty.drain(), as: UTF8.self)
        #expect(output.contains("선택"))
        #expect(output.contains("\u{1B}[33m"))
        #expect(!output.contains("38;5;"))
    }

    @Test func unknownTerminalTypeIsAClearError() throws {
        let pty = PseudoTerminal(size: Size(width: 20, height: 5))
        let device = TerminalDevice(inputDescriptor: pty.follower, outputDescriptor: pty.follower, type: "no-such-terminal")
        #expect(throws: TerminalError.unknownTerminal("no-such-terminal")) {
            _ = try NcursesTerminal(palette: testPalette(), device: device, kioskSignals: false)
        }
    }

    /// The kiosk sleeps on the keyboard and the explainer together: news on the descriptor
    /// ends the wait at once, and keys (whole escape sequences included) still come first.
    @Test func aWakeDescriptorEndsTheWaitWithoutLosingKeys() throws {
        let pty = PseudoTerminal(size: Size(width: 40, height: 10))
        let device = TerminalDevice(inputDescriptor: pty.follower, outputDescriptor: pty.follower, type: "xterm-256color")
        let terminal = try NcursesTerminal(palette: testPalette(), device: device, kioskSignals: false)
        defer { terminal.shutdown() }
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        let clock = ContinuousClock()

        var waited = clock.measure { #expect(terminal.nextEvent(timeout: .milliseconds(150), wakingOn: ends[0]) == nil) }
        #expect(waited >= .milliseconds(140), "nothing to wake for: the whole timeout")

        var byte: UInt8 = 1
        _ = write(ends[1], &byte, 1)
        waited = clock.measure { #expect(terminal.nextEvent(timeout: .seconds(5), wakingOn: ends[0]) == nil) }
        #expect(waited < .milliseconds(100), "woken after \(waited)")
        _ = read(ends[0], &byte, 1)  // the kiosk drains its wake pipe when it collects the news

        pty.type("\u{1B}OB가")
        #expect(terminal.nextEvent(timeout: .seconds(1), wakingOn: ends[0]) == .key(.down))
        #expect(terminal.nextEvent(timeout: .seconds(1), wakingOn: ends[0]) == .key(.character("가")))
    }
}
}
