import Foundation
@testable import KioskApp
import Testing

/// The Unifont reader against the real Debian file, and against a missing one.
@Suite("Unifont")
struct UnifontTests {
    static let path = Unifont.debianPath
    static let installed = FileManager.default.fileExists(atPath: path)

    /// The file's own line for `codePoint`, read the plain way, as the reference.
    static func line(_ codePoint: String) throws -> Substring {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let found = try #require(text.split(separator: "\n").first { $0.hasPrefix(codePoint + ":") })
        return found.dropFirst(codePoint.count + 1)
    }

    /// The glyph's rows written back as hex, as the file writes them.
    static func hex(_ glyph: UnifontGlyph) -> String {
        let digits = glyph.width / 4
        return glyph.rows.map { row in
            let text = String(row, radix: 16, uppercase: true)
            return String(repeating: "0", count: digits - text.count) + text
        }.joined()
    }

    @Test("가 U+AC00 is a 16x16 glyph equal to its line in the file", .enabled(if: installed))
    func hangulSyllable() throws {
        let font = Unifont()
        let glyph = try #require(font.glyph(for: "가"))
        #expect(glyph.width == 16)
        #expect(glyph.rows.count == 16)
        #expect(Self.hex(glyph) == String(try Self.line("AC00")))
        // The last syllable, too: the search reaches the end of the Hangul block.
        #expect(try #require(font.glyph(for: "힣")).width == 16)
    }

    @Test("ASCII 'A' is an 8x16 glyph equal to its line in the file", .enabled(if: installed))
    func asciiLetter() throws {
        let glyph = try #require(Unifont().glyph(for: "A"))
        #expect(glyph.width == 8)
        #expect(Self.hex(glyph) == String(try Self.line("0041")))
        // Its left column is bit 7: the crossbar of an 'A' is ink on both sides.
        #expect((0..<16).contains { glyph.isInk(x: 1, y: $0) && glyph.isInk(x: 6, y: $0) })
    }

    @Test("the first and last lines are found, and a code point the file lacks is nil", .enabled(if: installed))
    func edgesAndGaps() throws {
        let font = Unifont()
        #expect(font.glyph(for: Unicode.Scalar(0x0000)!) != nil)
        #expect(font.glyph(for: Unicode.Scalar(0xFFFD)!) != nil)
        #expect(font.glyph(for: Unicode.Scalar(0xE000)!) == nil)  // private use: not in Unifont
        #expect(font.glyph(for: Unicode.Scalar(0xFFFF)!) == nil)  // past the last line
        #expect(font.glyph(for: Unicode.Scalar(0x1F600)!) == nil)  // outside plane 0
    }

    @Test("every 97th line of the file is found by the search and decodes to that line", .enabled(if: installed))
    func sampleOfTheWholeFile() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let font = Unifont()
        var checked = 0
        for (index, line) in text.split(separator: "\n").enumerated() where index % 97 == 0 {
            let parts = line.split(separator: ":")
            let scalar = try #require(UInt32(parts[0], radix: 16).flatMap(Unicode.Scalar.init))
            let glyph = try #require(font.glyph(for: scalar), "U+\(parts[0]) not found")
            #expect(Self.hex(glyph) == String(parts[1]), "U+\(parts[0])")
            checked += 1
        }
        #expect(checked > 500)
    }

    @Test("a missing file gives no glyphs, and no crash")
    func missingFile() {
        let font = Unifont(path: "/nonexistent/unifont.hex")
        #expect(!font.hasOpenedFile)
        #expect(font.glyph(for: "가") == nil)
        #expect(!font.isAvailable)
        #expect(BigText("가", font: font) == nil)
    }

    @Test("a line that is not 32 or 64 hex digits is refused")
    func badHex() {
        #expect(UnifontGlyph(hex: "00FF") == nil)
        #expect(UnifontGlyph(hex: String(repeating: "G", count: 32)) == nil)
        #expect(UnifontGlyph(hex: String(repeating: "0", count: 32))?.width == 8)
    }
}
