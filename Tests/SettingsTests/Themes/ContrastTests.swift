import Testing
@testable import Settings

@Suite struct ContrastTests {
    @Test func blackOnWhiteIs21To1() {
        #expect(RGB(0, 0, 0).contrastRatio(with: RGB(255, 255, 255)) == 21)
        #expect(RGB(255, 255, 255).contrastRatio(with: RGB(0, 0, 0)) == 21)
    }

    @Test func grey777OnWhiteFallsJustShortOfAA() {
        let ratio = RGB(0x77, 0x77, 0x77).contrastRatio(with: RGB(255, 255, 255))
        #expect(abs(ratio - 4.48) < 0.005)
        #expect(ratio < ContrastLevel.minimum.requiredRatio)
    }

    @Test func knownPairsMatchPublishedRatios() {
        // #767676 is the lightest grey that passes AA on white (4.54:1).
        #expect(abs(RGB(0x76, 0x76, 0x76).contrastRatio(with: RGB(255, 255, 255)) - 4.54) < 0.005)
        // Pure red on white: 4.0:1.
        #expect(abs(RGB(255, 0, 0).contrastRatio(with: RGB(255, 255, 255)) - 4.0) < 0.005)
        #expect(RGB(12, 34, 56).contrastRatio(with: RGB(12, 34, 56)) == 1)
    }

    @Test func relativeLuminanceUsesTheLinearSegmentForDarkChannels() {
        // 10/255 ≈ 0.0392 lies under the 0.04045 knee, so it is divided by 12.92, not raised.
        #expect(abs(RGB(10, 10, 10).relativeLuminance - (10.0 / 255 / 12.92)) < 1e-12)
        #expect(RGB(255, 255, 255).relativeLuminance == 1)
    }

    @Test func xtermPaletteFollowsItsThreeRegions() {
        #expect(XtermColor(0).rgb == RGB(0, 0, 0))
        #expect(XtermColor(1).rgb == RGB(205, 0, 0))
        #expect(XtermColor(4).rgb == RGB(0, 0, 238))
        #expect(XtermColor(7).rgb == RGB(229, 229, 229))
        #expect(XtermColor(12).rgb == RGB(92, 92, 255))
        #expect(XtermColor(15).rgb == RGB(255, 255, 255))
        #expect(XtermColor(16).rgb == RGB(0, 0, 0))
        #expect(XtermColor(17).rgb == RGB(0, 0, 95))
        #expect(XtermColor(117).rgb == RGB(135, 215, 255))
        #expect(XtermColor(196).rgb == RGB(255, 0, 0))
        #expect(XtermColor(231).rgb == RGB(255, 255, 255))
        #expect(XtermColor(232).rgb == RGB(8, 8, 8))
        #expect(XtermColor(235).rgb == RGB(38, 38, 38))
        #expect(XtermColor(255).rgb == RGB(238, 238, 238))
    }

    @Test func ansiColoursAreXtermsFirstEight() {
        #expect(ANSIColor.allCases.map(\.rgb) == (0..<8).map { XtermColor(UInt8($0)).rgb })
        #expect(ANSIColor.allCases.map(\.name) == ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"])
        // Why the 8-colour palettes avoid red for text on black.
        #expect(ANSIColor.red.rgb.contrastRatio(with: ANSIColor.black.rgb) < 4.5)
    }

    @Test func focusIsCheckedAgainstTheFocusBackground() throws {
        let theme = try Theme.parse(text: ThemeTests.valid, name: ThemeName("t"), displayPath: "themes/t.toml")
        let focus = try #require(theme.contrastChecks.first { $0.palette == .xterm256 && $0.role == .focus })
        #expect(focus.foreground == XtermColor(16).rgb)
        #expect(focus.background == XtermColor(226).rgb)
        let text = try #require(theme.contrastChecks.first { $0.palette == .ansi8 && $0.role == .text })
        #expect(text.background == ANSIColor.black.rgb)
        #expect(text.ratio == ANSIColor.white.rgb.contrastRatio(with: ANSIColor.black.rgb))
        #expect(theme.contrastChecks.count == 2 * 7)
        #expect(!theme.contrastChecks.contains { $0.role == .background })
    }
}
