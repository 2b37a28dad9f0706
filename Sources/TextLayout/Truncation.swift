/// The text cut to at most `width` columns, ending in `ellipsis` when anything was cut.
///
/// Cuts only between grapheme clusters, so a Hangul syllable, an accented Vietnamese letter or
/// an emoji is never split. When even the ellipsis does not fit, the text is cut without one.
public func truncate(_ text: String, width: Int, ellipsis: String = String(UIChrome.ellipsis)) -> String {
    guard width > 0 else { return "" }
    if displayWidth(of: text) <= width { return text }
    let ellipsisWidth = displayWidth(of: ellipsis)
    let budget = ellipsisWidth <= width ? width - ellipsisWidth : width
    var result = ""
    var used = 0
    for character in text {
        let characterWidth = displayWidth(of: character)
        if used + characterWidth > budget { break }
        result.append(character)
        used += characterWidth
    }
    return ellipsisWidth <= width ? result + ellipsis : result
}
