import Glibc

/// One GNU Unifont bitmap: 16 rows of 8 or 16 pixels.
struct UnifontGlyph: Equatable, Sendable {
    /// Pixels across: 8 (half width, ASCII) or 16 (full width, Hangul).
    let width: Int
    /// One row per pixel row, top first; the row's leftmost pixel is bit `width - 1`.
    let rows: [UInt16]

    static let height = 16

    /// Decodes the part of a `.hex` line after the colon: 32 hex digits for 8x16, 64 for 16x16.
    init?(hex: some StringProtocol) {
        let digits = hex.utf8.count
        guard digits == 32 || digits == 64 else { return nil }
        let perRow = digits / 16
        var rows: [UInt16] = []
        rows.reserveCapacity(16)
        var index = hex.startIndex
        for _ in 0..<16 {
            let end = hex.index(index, offsetBy: perRow)
            guard let row = UInt16(hex[index..<end], radix: 16) else { return nil }
            rows.append(row)
            index = end
        }
        width = perRow * 4
        self.rows = rows
    }

    /// Whether pixel (x, y) is ink; outside the glyph nothing is.
    func isInk(x: Int, y: Int) -> Bool {
        guard x >= 0, x < width, y >= 0, y < Self.height else { return false }
        return rows[y] & (1 << (width - 1 - x)) != 0
    }
}

/// GNU Unifont's `.hex` file (Debian package `unifont`), read on demand.
///
/// The file is 2 MB and sorted by code point, so a glyph is found by binary search over the
/// file's bytes (about 20 small reads) instead of decoding or indexing the whole file: the
/// kiosk pays nothing until a big headline is drawn, and keeps only the glyphs it has drawn.
///
/// Used from the kiosk's one event loop, like the rest of `KioskApp`, so it holds no lock
/// (linking the Synchronization library for a `Mutex` cost the kiosk 3 MB of resident memory).
final class Unifont {
    static let debianPath = "/usr/share/unifont/unifont.hex"

    let path: String
    private var state = State()

    private struct State {
        /// `nil` until the first lookup; -1 when the file could not be opened.
        var descriptor: Int32?
        var size = 0
        /// Looked-up glyphs, `nil` for a code point the file lacks.
        var cache: [UInt32: UnifontGlyph?] = [:]
    }

    init(path: String = Unifont.debianPath) {
        self.path = path
    }

    deinit {
        if let descriptor = state.descriptor, descriptor >= 0 { close(descriptor) }
    }

    /// Whether the file has been opened: it must not be before a big headline is wanted.
    var hasOpenedFile: Bool {
        state.descriptor != nil
    }

    /// Whether the file is there to draw from (opens it on first use).
    var isAvailable: Bool {
        openIfNeeded()
    }

    /// The glyph for `scalar`, or `nil` when the file is missing or has no glyph for it.
    func glyph(for scalar: Unicode.Scalar) -> UnifontGlyph? {
        if let known = state.cache[scalar.value] { return known }
        guard openIfNeeded(), let descriptor = state.descriptor else { return nil }
        let found = Self.search(scalar.value, descriptor: descriptor, size: state.size)
        state.cache[scalar.value] = .some(found)
        return found
    }

    private func openIfNeeded() -> Bool {
        if state.descriptor == nil {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            var info = stat()
            if descriptor >= 0, fstat(descriptor, &info) == 0 {
                state.size = Int(info.st_size)
            }
            state.descriptor = descriptor
        }
        return state.descriptor.map { $0 >= 0 } ?? false
    }

    /// A line is at most "10FFFF:" and 64 digits; one read past an offset holds the rest of
    /// the line there and the whole line after it.
    private static let probe = 2 * 72

    /// Finds `target`'s line: the smallest offset whose next line's code point is not below
    /// the target, then that line's code point must equal it.
    private static func search(_ target: UInt32, descriptor: Int32, size: Int) -> UnifontGlyph? {
        var low = 0
        var high = size
        while low < high {
            let middle = (low + high) / 2
            if let line = line(atOrAfter: middle, descriptor: descriptor, size: size), line.codePoint < target {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard let line = line(atOrAfter: low, descriptor: descriptor, size: size), line.codePoint == target else { return nil }
        return UnifontGlyph(hex: line.hex)
    }

    /// The first whole line starting at or after `offset`, split at its colon.
    private static func line(atOrAfter offset: Int, descriptor: Int32, size: Int) -> (codePoint: UInt32, hex: Substring)? {
        guard offset < size else { return nil }
        // Reading from one byte before tells whether `offset` itself starts a line.
        let start = max(0, offset - 1)
        var bytes = [UInt8](repeating: 0, count: probe)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, probe, off_t(start)) }
        guard count > 0 else { return nil }
        var slice = bytes[0..<count]
        if offset > 0 {
            guard let newline = slice.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            slice = slice[(newline + 1)...]
        }
        guard let end = slice.firstIndex(of: UInt8(ascii: "\n")) ?? (start + count == size ? slice.endIndex : nil) else { return nil }
        let text = String(decoding: slice[..<end], as: UTF8.self)
        guard let colon = text.firstIndex(of: ":"), let codePoint = UInt32(text[..<colon], radix: 16) else { return nil }
        return (codePoint, text[text.index(after: colon)...])
    }
}
