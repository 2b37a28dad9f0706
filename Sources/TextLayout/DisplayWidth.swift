// Display width: how many terminal columns a piece of text occupies.
//
// The answers must equal glibc's `wcwidth` under C.UTF-8, because ncurses asks `wcwidth` how
// far to advance the cursor: if our layout disagreed, every cell after the first disagreement
// would be drawn one column off. The tables in WidthTables.swift are generated from the
// Unicode Character Database with glibc's own rules, and TextLayoutTests checks them against
// libc for every character we draw.

/// Columns one Unicode scalar occupies, or `nil` where libc `wcwidth` answers -1
/// (controls, line/paragraph separators, surrogates, unassigned code points).
///
/// East Asian Ambiguous characters count as one column, as glibc counts them; keep them
/// out of UI chrome (see `UIChrome`) because a CJK-configured terminal draws them two wide.
public func scalarWidth(_ scalar: Unicode.Scalar) -> Int? {
    let value = scalar.value
    // Fast paths for what a Korean screen is mostly made of.
    if value >= 0x20 && value < 0x7F { return 1 }
    if value >= 0xAC00 && value <= 0xD7A3 { return 2 }
    if contains(WidthTables.unprintable, value) { return nil }
    if contains(WidthTables.zeroWidth, value) { return 0 }
    if contains(WidthTables.doubleWidth, value) { return 2 }
    return 1
}

/// Columns one grapheme cluster occupies: the sum of its scalars' widths.
///
/// Summing is what ncurses does when it draws the cluster (a zero-width scalar joins the cell
/// before it, every spacing scalar advances the cursor), so a ZWJ emoji sequence such as
/// 👨‍👩‍👧 is six columns here even if a modern terminal would render it as one glyph; a kiosk
/// text should not rely on such sequences. Unprintable scalars count as zero.
public func displayWidth(of character: Character) -> Int {
    var scalars = character.unicodeScalars.makeIterator()
    guard let first = scalars.next() else { return 0 }
    var total = scalarWidth(first) ?? 0
    while let next = scalars.next() {
        total += scalarWidth(next) ?? 0
    }
    return total
}

/// Columns a string occupies on one line.
public func displayWidth(of text: String) -> Int {
    var total = 0
    for character in text {
        total += displayWidth(of: character)
    }
    return total
}

/// Whether a scalar is East Asian Ambiguous: one column in glibc, two in a terminal set up for
/// CJK, so it must not appear in chrome whose alignment matters.
public func isEastAsianAmbiguous(_ scalar: Unicode.Scalar) -> Bool {
    contains(WidthTables.ambiguous, scalar.value)
}

/// Binary search in sorted, disjoint ranges.
@inline(__always)
private func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
    var low = 0
    var high = ranges.count - 1
    guard high >= 0, value >= ranges[0].lowerBound, value <= ranges[high].upperBound else {
        return false
    }
    while low <= high {
        let middle = (low + high) / 2
        let range = ranges[middle]
        if value < range.lowerBound {
            high = middle - 1
        } else if value > range.upperBound {
            low = middle + 1
        } else {
            return true
        }
    }
    return false
}
