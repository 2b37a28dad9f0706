import Foundation
@testable import KioskApp
import Settings
import Terminal
import TerminalTesting
import Testing

/// Big headlines: half-block art from Unifont glyphs, whole-word wrapping, the fallback to the
/// normal title, and when the kiosk draws them.
@Suite("Big glyphs")
struct BigGlyphsTests {
    /// A real .hex file with glyphs of known shapes: "I" has a pattern in its top four cell
    /// rows, "W" is 16 pixels wide and all ink, space is blank.
    static func font() throws -> Unifont {
        let rowsOfI = ["FF", "FF", "FF", "00", "00", "FF", "81", "18"] + Array(repeating: "00", count: 8)
        let text = """
            0020:\(String(repeating: "0", count: 32))
            0049:\(rowsOfI.joined())
            0057:\(String(repeating: "F", count: 64))

            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("glyphs-\(UUID().uuidString).hex")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return Unifont(path: url.path)
    }

    @Test("a glyph becomes half blocks: the upper pixel of a cell is its top half")
    func halfBlockRows() throws {
        let big = try #require(BigText("I", font: try Self.font()))
        let rows = try #require(big.rows(width: 80))
        #expect(rows == ["████████", "▀▀▀▀▀▀▀▀", "▄▄▄▄▄▄▄▄", "▀  ▄▄  ▀", "", "", "", ""])
    }

    @Test("words wrap whole at the width; more than two big lines or a word too wide falls back")
    func wrapping() throws {
        let font = try Self.font()
        let two = try #require(BigText("W I", font: font))
        // 16 + 8 (space) + 8 columns on one line when 32 fit, two big lines when they do not.
        let one = try #require(two.rows(width: 32))
        #expect(one.count == BigText.lineHeight)
        #expect(one[0] == String(repeating: "█", count: 16) + String(repeating: " ", count: 8) + String(repeating: "█", count: 8))
        #expect(try #require(two.rows(width: 31)).count == 2 * BigText.lineHeight)
        #expect(two.rows(width: 15) == nil)  // "W" alone is 16 wide
        let three = try #require(BigText("I I I", font: font))
        #expect(three.rows(width: 8) == nil)  // three big lines
        #expect(BigText("I Q", font: font) == nil)  // a character the font lacks
        #expect(BigText("   ", font: font) == nil)
    }

    @Test("the real font: 가 is 16 columns by 8 rows, a question wraps to two big lines at 96 columns",
          .enabled(if: UnifontTests.installed))
    func realFont() throws {
        let font = Unifont()
        let ga = try #require(BigText("가", font: font))
        let syllable = try #require(ga.rows(width: 16))
        #expect(syllable.count == 8)
        #expect(syllable.allSatisfy { $0.count <= 16 })
        let question = try #require(BigText("만 나이가 몇 세이신가요?", font: font))
        #expect(try #require(question.rows(width: 96)).count == 16)
        #expect(question.rows(width: 72) == nil)  // "세이신가요?" alone is 88 columns
    }

    @Test("the page layout draws the big title only where it leaves room for the content")
    func layoutFallback() throws {
        var page = Page(title: "I", items: [.text("body")], hints: ["hint"])
        page.bigTitle = BigText("I", font: try Self.font())
        let large = PageLayout(page, size: Size(width: 80, height: 24), scroll: 0)
        #expect(large.title.height == BigText.lineHeight)
        #expect(large.viewport.count >= PageLayout.bigTitleMinimumContent)
        // At 40x12 eight rows of headline would leave the content two rows: normal title.
        let small = PageLayout(page, size: Size(width: 40, height: 12), scroll: 0)
        #expect(small.title.lines == ["I"])
        page.bigTitle = nil
        #expect(PageLayout(page, size: Size(width: 80, height: 24), scroll: 0).title.lines == ["I"])
    }

    @Test("in the mode without an enlarge command a question's title is big at 120x40 (ko)",
          .enabled(if: UnifontTests.installed))
    func questionSnapshots() throws {
        for language in [Language.ko, .en] {
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                let (app, pilot) = try AccessibleFixture.kiosk(size: size)
                try Self.reachAge(app: app, pilot: pilot, language: language)
                let layout = PageLayout(app.currentPage, size: size, scroll: 0)
                // Only the Korean age question fits, and only at 120x40: "만 나이가 몇" and
                // "세이신가요?". English needs more than two big lines; 80x24 has no room.
                let big = language == .ko && size.width == 120
                #expect(layout.title.lines.joined().contains("█") == big, "\(language) \(size)")
                #expect(layout.title.height == (big ? 16 : Paragraph(app.currentPage.title, width: layout.width).height))
                #expect(Snapshot.verify(pilot.screen, named: "a11y-big-question-\(language.rawValue)-\(size.width)x\(size.height)") == nil)
            }
        }
    }

    /// Answers questions until the age question ("만 나이가 몇 세이신가요?") is on screen.
    static func reachAge(app: KioskApp, pilot: Pilot, language: Language) throws {
        let citizen = Citizen(app: app, pilot: pilot)
        citizen.arrive(language: language)
        for _ in 0..<40 {
            if case .age = try #require(app.state.session.question?.kind) { return }
            citizen.answerOne(from: Households.singleParent)
        }
        Issue.record("the age question never came")
    }

    @Test("the font file is not opened until a big title is drawn, nor outside the mode or with an enlarge command",
          .enabled(if: UnifontTests.installed))
    func readLazily() throws {
        let size = Size(width: 120, height: 40)
        let (app, pilot) = try AccessibleFixture.kiosk(size: size)
        #expect(!app.assistive.glyphs.hasOpenedFile)  // the attract screen, in the mode
        Citizen(app: app, pilot: pilot).arrive(language: .ko)
        #expect(app.assistive.glyphs.hasOpenedFile)

        let (off, offPilot) = try AccessibleFixture.kiosk(size: size, startOn: false)
        Citizen(app: off, pilot: offPilot).arrive(language: .ko)
        #expect(!off.assistive.glyphs.hasOpenedFile)
        #expect(PageLayout(off.currentPage, size: size, scroll: 0).title.height == 1)

        let (scaling, scalingPilot) = try AccessibleFixture.kiosk(
            size: size, extra: #"enlarge_command = ["true"]"# + "\n" + #"restore_command = ["true"]"#)
        Citizen(app: scaling, pilot: scalingPilot).arrive(language: .ko)
        #expect(!scaling.assistive.glyphs.hasOpenedFile)
        #expect(PageLayout(scaling.currentPage, size: size, scroll: 0).title.height == 1)
    }

    @Test("a missing font file leaves the normal title")
    func missingFontInTheKiosk() throws {
        let size = Size(width: 120, height: 40)
        let (app, pilot) = try AccessibleFixture.kiosk(size: size)
        app.assistive.glyphs = Unifont(path: "/nonexistent/unifont.hex")
        Citizen(app: app, pilot: pilot).arrive(language: .ko)
        let layout = PageLayout(app.currentPage, size: size, scroll: 0)
        #expect(layout.title.lines == [app.currentPage.title])
    }
}
