/// A settings file that cannot be used, described in one line a staff member can act on.
///
/// The kiosk refuses to start on a broken file rather than guess, so the line must say which
/// file, which line, which key and what would be accepted:
/// `kiosk.conf:14: [kiosk] idle_seconds = "90s": expected an integer from 15 to 3600`.
public struct ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file as the message prints it (relative to the working directory when inside it).
    public let file: String
    /// 1-based line, when the problem sits on one.
    public let line: Int?
    /// 1-based column, given only for syntax errors, where TOMLKit knows it.
    public let column: Int?
    /// What is wrong and what would be right, without the location.
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line, line > 0, let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}

// MARK: - Did you mean

/// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
///
/// "Close enough" is at most a third of the word's length (and at least 2), so `idle_secnds`
/// finds `idle_seconds` but `colour` does not suggest `counter`.
func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let limit = max(2, word.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(word.lowercased(), candidate.lowercased())
        if distance <= limit, distance < (best?.distance ?? .max) {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

/// Levenshtein distance over characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// ` (did you mean 'x'?)`, or nothing when no candidate is close.
func didYouMean(_ word: String, in candidates: some Sequence<String>, format: (String) -> String = { "'\($0)'" }) -> String {
    closestMatch(to: word, in: candidates).map { " (did you mean \(format($0))?)" } ?? ""
}
