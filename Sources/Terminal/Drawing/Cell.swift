/// One terminal cell: a grapheme cluster and its style.
///
/// A character wider than one column lives in its first cell; the cells it also covers are
/// *continuations* (width 0) that carry no text, so the buffer's columns always line up with
/// the terminal's.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here; a space for continuation cells.
    public var grapheme: Character
    /// Columns the grapheme occupies: 1 or more, or 0 for a continuation cell.
    public var width: UInt8
    public var style: Style

    public init(_ grapheme: Character = " ", width: UInt8 = 1, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// An empty cell in the given style.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(" ", width: 1, style: style)
    }

    /// The covered part of a wide character.
    public static func continuation(_ style: Style) -> Cell {
        Cell(" ", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}
