import Foundation

/// The text in Unicode Normalization Form C (composed).
///
/// Text loaded from files may arrive decomposed (NFD: Hangul as conjoining jamo, Vietnamese
/// letters with separate combining marks). Width and breaking work on grapheme clusters
/// either way, but composed text compares equal byte for byte, keeps ncurses cells within
/// their five-character limit, and is what a terminal font renders best — so normalise once,
/// at load.
public func nfc(_ text: String) -> String {
    text.precomposedStringWithCanonicalMapping
}
