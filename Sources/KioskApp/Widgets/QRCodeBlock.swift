import CQrencode
import Terminal

/// The modules of a QR code: `true` is a dark module.
struct QRMatrix: Equatable, Sendable {
    /// Modules per side.
    let width: Int
    private let modules: [Bool]

    /// Encodes `text` (a web address) at error correction level M, the smallest version that
    /// holds it; `nil` when libqrencode cannot (text too long for any version).
    init?(encoding text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        var modules: [Bool] = []
        modules.reserveCapacity(width * width)
        for y in 0..<width {
            for x in 0..<width {
                modules.append(cqrencode_is_dark(code, Int32(x), Int32(y)) != 0)
            }
        }
        self.width = width
        self.modules = modules
    }

    /// Outside the code (the quiet zone) every module is light.
    subscript(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < width, y < width else { return false }
        return modules[y * width + x]
    }
}

/// A QR code drawn with half-block characters: each cell holds two modules, one above the
/// other, so the code is square on a terminal whose cells are twice as tall as wide.
///
/// ▀ ▄ █ are East Asian Ambiguous: a terminal set up for CJK may draw them two columns wide.
/// They are used here and nowhere else, inside a block whose width is fixed by the code and
/// never measured by text layout, and the block is placed by its own `size`, so a CJK
/// terminal can at worst widen the code, never shift the words around it.
struct QRCodeBlock: Equatable, Sendable {
    /// Light modules around the code; scanners need a margin to find it.
    static let quietZone = 2
    /// The light half of a cell is the ink, so the code reads dark-on-light on the dark
    /// themes the kiosk uses (text colour for light modules, background for dark ones).
    static let style = Style(.text)

    let matrix: QRMatrix

    /// Columns and rows on screen, quiet zone included.
    var size: Size {
        let side = matrix.width + 2 * Self.quietZone
        return Size(width: side, height: (side + 1) / 2)
    }

    func draw(in buffer: inout Buffer, x: Int, y: Int) {
        let side = matrix.width + 2 * Self.quietZone
        for row in 0..<size.height {
            var line = ""
            for column in 0..<side {
                let top = !matrix[column - Self.quietZone, 2 * row - Self.quietZone]
                // An odd side leaves a last half-row below the code: light, as quiet zone.
                let bottom = 2 * row + 1 >= side || !matrix[column - Self.quietZone, 2 * row + 1 - Self.quietZone]
                line.append(Self.glyph(topLight: top, bottomLight: bottom))
            }
            buffer.put(line, x: x, y: y + row, style: Self.style)
        }
    }

    static func glyph(topLight: Bool, bottomLight: Bool) -> Character {
        switch (topLight, bottomLight) {
        case (true, true): "█"
        case (true, false): "▀"
        case (false, true): "▄"
        case (false, false): " "
        }
    }
}
