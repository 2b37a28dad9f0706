/// A horizontal span of cells that changed between two frames.
public struct ChangedRun: Hashable, Sendable {
    public var y: Int
    /// First column; always the first cell of a grapheme, never a continuation.
    public var x: Int
    /// One past the last column.
    public var endX: Int

    public init(y: Int, x: Int, endX: Int) {
        self.y = y
        self.x = x
        self.endX = endX
    }
}

extension Buffer {
    /// The spans of this buffer that differ from `previous` (every row when there is none or
    /// it has another size).
    ///
    /// A changed half of a wide character pulls in the whole character, because a terminal
    /// can only draw it whole.
    public func changedRuns(since previous: Buffer?) -> [ChangedRun] {
        let width = size.width
        guard let previous, previous.size == size else {
            return (0..<size.height).map { ChangedRun(y: $0, x: 0, endX: width) }
        }
        var runs: [ChangedRun] = []
        cells.withUnsafeBufferPointer { now in
            previous.cells.withUnsafeBufferPointer { before in
                for y in 0..<size.height {
                    let start = y * width
                    var x = 0
                    while x < width {
                        if now[start + x] == before[start + x] {
                            x += 1
                            continue
                        }
                        var runStart = x
                        while runStart > 0, now[start + runStart].isContinuation { runStart -= 1 }
                        var end = x + 1
                        while end < width, now[start + end] != before[start + end] || now[start + end].isContinuation {
                            end += 1
                        }
                        runs.append(ChangedRun(y: y, x: runStart, endX: end))
                        x = end
                    }
                }
            }
        }
        return runs
    }

    /// This buffer cut or padded to `newSize`; a wide character cut by the new right edge
    /// becomes a space.
    public func resized(to newSize: Size) -> Buffer {
        if newSize == size { return self }
        var result = Buffer(size: newSize)
        let columns = min(size.width, result.size.width)
        for y in 0..<min(size.height, result.size.height) {
            for x in 0..<columns {
                var cell = self[x, y]
                if !cell.isContinuation, x + Int(cell.width) > columns {
                    cell = .blank(cell.style)
                } else if cell.isContinuation, x == 0 {
                    cell = .blank(cell.style)
                }
                result.cells[y * result.size.width + x] = cell
            }
        }
        return result
    }
}
