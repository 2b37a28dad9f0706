import Foundation
import Testing
@testable import Settings

@Suite struct ThemeTests {
    static let valid = """
        [theme]
        description = "test"

        [xterm256]
        text = 231
        muted = 252
        accent = 159
        focus = 16
        focus_background = 226
        warning = 226
        ok = 120
        bad = 217
        background = 16

        [ansi8]
        text = "white"
        muted = "white"
        accent = "cyan"
        focus = "black"
        focus_background = "yellow"
        warning = "yellow"
        ok = "green"
        bad = "yellow"
        background = "black"
        """

    func error(_ text: String) -> String? {
        do {
            _ = try Theme.parse(text: text, name: ThemeName("t"), displayPath: "themes/t.toml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsBothPalettes() throws {
        let theme = try Theme.parse(text: Self.valid, name: ThemeName("t"), displayPath: "themes/t.toml")
        #expect(theme.xterm256[.text] == XtermColor(231))
        #expect(theme.xterm256.background(for: .text) == XtermColor(16))
        #expect(theme.xterm256.background(for: .focus) == XtermColor(226))
        #expect(theme.ansi8[.accent] == .cyan)
        #expect(theme.ansi8.focusBackground == .yellow)
    }

    @Test func anIndexOutOfRangeNamesTheLine() {
        #expect(error(Self.valid.replacingOccurrences(of: "accent = 159", with: "accent = 300"))
            == "themes/t.toml:7: [xterm256] accent = 300: expected an xterm colour index from 0 to 255")
        #expect(error(Self.valid.replacingOccurrences(of: "ok = 120", with: "ok = \"green\""))
            == #"themes/t.toml:11: [xterm256] ok = "green": expected an xterm colour index from 0 to 255"#)
    }

    @Test func anUnknownColourNameSuggestsTheClosest() {
        #expect(error(Self.valid.replacingOccurrences(of: "accent = \"cyan\"", with: "accent = \"cyna\""))
            == #"themes/t.toml:18: [ansi8] accent = "cyna": expected one of black, red, green, yellow, blue, magenta, cyan, white (did you mean "cyan"?)"#)
    }

    @Test func anUnknownRoleSuggestsTheClosest() {
        #expect(error(Self.valid.replacingOccurrences(of: "background = 16", with: "background = 16\ntxt = 3"))
            == "themes/t.toml:14: [xterm256] txt: unknown colour role (did you mean 'text'?)")
    }

    @Test func aMissingRoleNamesItsSection() {
        #expect(error(Self.valid.replacingOccurrences(of: "bad = \"yellow\"\n", with: ""))
            == "themes/t.toml:15: [ansi8]: missing colour role 'bad'")
        let withoutAnsi = String(Self.valid[..<Self.valid.range(of: "[ansi8]")!.lowerBound])
        #expect(error(withoutAnsi) == "themes/t.toml:1: [ansi8]: missing section")
    }

    @Test func theShippedThemesLoadAndReachTheirContrastLevels() throws {
        let config = KioskConfig.defaults(baseDirectory: Fixtures.repoRoot)
        let names = Theme.names(in: Fixtures.themes)
        #expect(names.contains(ThemeName("default")))
        #expect(names.contains(ThemeName("high-contrast")))
        for name in names {
            let theme = try Theme.load(name, from: Fixtures.themes)
            let level = KioskResources.requiredContrast(for: name, in: config)
            for check in theme.contrastChecks {
                #expect(check.passes(level), "\(name) \(check.palette.rawValue) \(check.role): \(check.ratio)")
            }
        }
        #expect(KioskResources.requiredContrast(for: ThemeName("high-contrast"), in: config) == .enhanced)
        #expect(KioskResources.requiredContrast(for: ThemeName("default"), in: config) == .minimum)
    }
}
