import CNcursesw
import Glibc
import Terminal
import Testing

/// Accessibility mode's high-contrast theme replaces the colours of a running ncurses screen.
extension RealScreens {
@Suite(.serialized) struct NcursesPaletteTests {
    @Test func aNewPaletteRepaintsTheScreenInItsColours() throws {
        let pty = PseudoTerminal(size: Size(width: 20, height: 4))
        let device = TerminalDevice(inputDescriptor: pty.follower, outputDescriptor: pty.follower, type: "xterm-256color")
        let terminal = try NcursesTerminal(palette: testPalette(), device: device, kioskSignals: false)
        defer { terminal.shutdown() }
        var buffer = Buffer(size: terminal.size)
        buffer.put("접근성", x: 1, y: 1, style: Style(.text))
        terminal.present(buffer)
        _ = pty.drain()

        var colors: [ColorRole: RoleColors] = [:]
        for role in ColorRole.allCases {
            colors[role] = RoleColors(foreground: TerminalColor(index256: 231, index8: 7), background: TerminalColor(index256: 16, index8: 0))
        }
        terminal.usePalette(try Palette(colors))
        // The same frame again: nothing changed in it, yet every cell is redrawn in the new colours.
        terminal.present(buffer)
        let repaint = String(decoding: pty.drain(), as: UTF8.self)
        #expect(repaint.contains("접근성"))
        #expect(repaint.contains("38;5;231"))
        var foreground: Int16 = 0
        var background: Int16 = 0
        pair_content(Int16(ColorRole.allCases.firstIndex(of: .text)! + 1), &foreground, &background)
        #expect(foreground == 231 && background == 16)
    }
}
}
