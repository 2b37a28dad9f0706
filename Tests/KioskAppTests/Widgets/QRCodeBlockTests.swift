import Foundation
@testable import KioskApp
import Terminal
import Testing
import TextLayout

@Suite("QR code drawn with half blocks")
struct QRCodeBlockTests {
    /// The half blocks are East Asian Ambiguous; this is why they stay inside the QR block
    /// (never measured for layout) and out of `UIChrome`.
    @Test("half blocks are ambiguous width, so only the QR block may use them")
    func halfBlocksAreAmbiguous() {
        for glyph: Character in ["▀", "▄", "█"] {
            #expect(glyph.unicodeScalars.allSatisfy(isEastAsianAmbiguous), "\(glyph)")
            #expect(!UIChrome.isSafe(String(glyph)))
            #expect(displayWidth(of: glyph) == 1)
        }
    }

    @Test("what is drawn decodes back to the address", arguments: [
        "https://www.bokjiro.go.kr",
        "https://www.siheung.go.kr/portal/youth/contents.do?mId=0103000000",
    ])
    func decodes(url: String) throws {
        let block = QRCodeBlock(matrix: try #require(QRMatrix(encoding: url)))
        var buffer = Buffer(size: Size(width: block.size.width + 6, height: block.size.height + 2), style: Style(.text))
        block.draw(in: &buffer, x: 3, y: 1)
        #expect(try QRDecoder.decode(buffer) == url)
    }

    @Test("a screen without a code decodes to nothing, so the test above can fail")
    func nothingToDecode() throws {
        #expect(try QRDecoder.decode(Buffer(size: Size(width: 40, height: 20), style: Style(.text))) == nil)
    }

    @Test("the block's size is the code's side plus its quiet zone, two modules per row")
    func size() throws {
        let matrix = try #require(QRMatrix(encoding: "https://www.bokjiro.go.kr"))
        let block = QRCodeBlock(matrix: matrix)
        #expect(block.size.width == matrix.width + 2 * QRCodeBlock.quietZone)
        #expect(block.size.height == (block.size.width + 1) / 2)
    }
}

/// Reads the QR code in a screen back with `zbarimg` (Debian's zbar-tools), as a phone would
/// from the screen: each cell becomes 8x16 pixels, its upper and lower half light where the
/// half-block glyph has ink, dark elsewhere (text and background alike).
enum QRDecoder {
    static func decode(_ buffer: Buffer) throws -> String? {
        let (cellWidth, cellHeight) = (8, 16)
        let width = buffer.size.width * cellWidth
        let height = buffer.size.height * cellHeight
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<buffer.size.height {
            for x in 0..<buffer.size.width {
                let (top, bottom): (Bool, Bool) = switch buffer[x, y].grapheme {
                case "█": (true, true)
                case "▀": (true, false)
                case "▄": (false, true)
                default: (false, false)
                }
                for py in 0..<cellHeight {
                    let light = py < cellHeight / 2 ? top : bottom
                    guard light else { continue }
                    for px in 0..<cellWidth {
                        pixels[(y * cellHeight + py) * width + x * cellWidth + px] = 255
                    }
                }
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pgm")
        defer { try? FileManager.default.removeItem(at: file) }
        try (Data("P5\n\(width) \(height)\n255\n".utf8) + Data(pixels)).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}

/// Scrolled through with + (and back with -), a detail page shows its QR code whole at least
/// once at every size it is offered: half a code does not scan.
@Suite("QR code on the detail page")
struct DetailQRCodeTests {
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func isWholeOnScreenWhileScrolling(size: Size) throws {
        let (app, pilot) = Fixture.kiosk(size: size)
        Citizen(app: app, pilot: pilot).reachResults(Households.olderAlone)
        pilot.press(.enter)
        app.drain()
        guard case .detail(let program) = app.state.step else { Issue.record("not on a detail page: \(app.state.step)"); return }
        let url = try #require(app.state.results?.evaluations[program.pack].pack.program(program.id)?.apply.url)
        for key in [Character("+"), "-"] {
            var seen = false
            for _ in 0..<40 {
                if (try? QRDecoder.decode(pilot.screen)) == url { seen = true }
                let before = app.state.scroll
                pilot.press(.character(key))
                app.drain()
                if app.state.scroll == before { break }
            }
            #expect(seen, "\(size): scrolling with \(key) never shows the whole code")
        }
    }
}
