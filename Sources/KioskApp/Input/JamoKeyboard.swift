import HangulInput
import Terminal

/// A key's place on the on-screen keyboard: its row (0 at the top) and its place in the row.
public struct KeyboardPosition: Sendable, Hashable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// One key of the on-screen keyboard.
enum KeyboardKey: Equatable {
    /// A jamo (a Latin letter in Latin mode), typed through the same 두벌식 mapping as a
    /// physical keyboard's letters.
    case letter(DubeolsikLayout.Key)
    /// 한/영.
    case toggleMode
    case space
    case erase
    case submit
}

/// The on-screen keyboard as rows of keys, and how focus moves over them.
///
/// Four rows of jamo in the physical keyboard's order, then one row of functions. Focus is a
/// position, moved by arrows (wrapping within a row, so no key leads nowhere), sent to the
/// start of a row by the digits 1 to 5 (a keypad user reaches any key in a few presses), and
/// pressed with Enter.
enum JamoKeyboard {
    static let rows: [[KeyboardKey]] = DubeolsikLayout.rows.map { $0.map(KeyboardKey.letter) }
        + [[.toggleMode, .space, .erase, .submit]]

    /// Where the submit key is: focus goes there once a physical keyboard types, so its
    /// Enter asks the question.
    static let submit = KeyboardPosition(row: rows.count - 1, column: 3)

    static func key(at position: KeyboardPosition) -> KeyboardKey? {
        guard rows.indices.contains(position.row), rows[position.row].indices.contains(position.column) else { return nil }
        return rows[position.row][position.column]
    }

    /// Focus after an arrow key or Tab; nil for any other key.
    static func move(_ position: KeyboardPosition, by key: Key) -> KeyboardPosition? {
        let row = rows[position.row]
        switch key {
        case .right, .tab:
            return KeyboardPosition(row: position.row, column: (position.column + 1) % row.count)
        case .left, .backTab:
            return KeyboardPosition(row: position.row, column: (position.column + row.count - 1) % row.count)
        case .down:
            return onRow((position.row + 1) % rows.count, from: position)
        case .up:
            return onRow((position.row + rows.count - 1) % rows.count, from: position)
        default:
            return nil
        }
    }

    /// The key on `row` under the current one: rows differ in length, so the column is scaled.
    static func onRow(_ row: Int, from position: KeyboardPosition) -> KeyboardPosition {
        let from = rows[position.row].count
        let to = rows[row].count
        let column = Int((Double(position.column) + 0.5) * Double(to) / Double(from))
        return KeyboardPosition(row: row, column: min(max(0, column), to - 1))
    }
}
