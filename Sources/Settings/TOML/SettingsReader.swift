import Foundation
/// What a setting accepts, said the way an error message ends: "expected <this>".
struct Expectation: Error {
    let text: String
    init(_ text: String) { self.text = text }
}

/// Reads typed values out of a `TOMLDocument`, section by section, collecting every problem.
///
/// Each read names its default, so a key the file leaves out silently takes the compiled-in
/// value; reading also records which keys exist, so whatever else the file holds can be
/// reported as unknown. `finish()` throws the problem that comes first in the file, so a staff
/// member fixing errors one at a time works from the top down.
struct SettingsReader {
    let document: TOMLDocument
    private var problems: [ConfigError] = []
    private var knownKeys: [String: [String]] = [:]
    private var sectionOrder: [String] = []

    /// What a key is called in messages: "key" in kiosk.conf, "colour role" in a theme.
    private let keyNoun: String

    init(document: TOMLDocument, keyNoun: String = "key") {
        self.document = document
        self.keyNoun = keyNoun
    }

    /// Like `read`, but a missing key is itself a problem; nil when missing or wrong.
    mutating func readRequired<T>(
        _ section: String, _ key: String, _ convert: (TOMLNode) -> Result<T, Expectation>
    ) -> T? {
        guard case .table(let table)? = document.root[section] else {
            if knownKeys[section] == nil { report([section], ": missing section") }
            _ = read(section, key, default: T?.none) { _ in .success(nil) }
            return nil
        }
        guard table[key] != nil else {
            report([section], ": missing \(keyNoun) '\(key)'")
            _ = read(section, key, default: T?.none) { _ in .success(nil) }
            return nil
        }
        return read(section, key, default: T?.none) { node in convert(node).map { $0 } }
    }

    /// The value of `[section] key` converted by `convert`, or `defaultValue` when absent or wrong.
    mutating func read<T>(
        _ section: String, _ key: String, default defaultValue: T,
        _ convert: (TOMLNode) -> Result<T, Expectation>
    ) -> T {
        if knownKeys[section] == nil { sectionOrder.append(section) }
        knownKeys[section, default: []].append(key)
        guard case .table(let table)? = document.root[section], let node = table[key] else {
            return defaultValue
        }
        switch convert(node) {
        case .success(let value):
            return value
        case .failure(let expectation):
            report([section, key], " = \(document.rawValue(of: [section, key], fallback: node)): expected \(expectation.text)")
            return defaultValue
        }
    }

    /// Records a problem with `[section] key…`; `detail` follows the name directly (": …", " = …").
    mutating func report(_ path: [String], _ detail: String) {
        let name = path.count > 1 ? "[\(path[0])] \(path.dropFirst().joined(separator: "."))" : "[\(path[0])]"
        problems.append(ConfigError(file: document.displayPath, line: document.line(of: path), message: "\(name)\(detail)"))
    }

    /// Reports unknown sections and keys, then throws the earliest problem, if any.
    mutating func finish() throws(ConfigError) {
        for (name, node) in document.root {
            guard case .table(let table) = node else {
                reportOutsideSection(name)
                continue
            }
            guard let keys = knownKeys[name] else {
                let hint = didYouMean(name, in: sectionOrder) { "[\($0)]" }
                report([name], ": unknown section\(hint)")
                continue
            }
            for key in table.keys where !keys.contains(key) {
                report([name, key], ": unknown \(keyNoun)\(didYouMean(key, in: keys))")
            }
        }
        if let first = problems.min(by: { ($0.line ?? 0, $0.message) < ($1.line ?? 0, $1.message) }) {
            throw first
        }
    }

    /// A key written before any `[section]`: suggest the section it (or the closest key) lives in.
    private mutating func reportOutsideSection(_ key: String) {
        let owned = sectionOrder.flatMap { section in (knownKeys[section] ?? []).map { (section, $0) } }
        let match = owned.first { $0.1 == key } ?? closestMatch(to: key, in: owned.map(\.1)).flatMap { close in
            owned.first { $0.1 == close }
        }
        let hint = match.map { " (did you mean [\($0.0)] \($0.1)?)" } ?? ""
        problems.append(ConfigError(
            file: document.displayPath, line: document.line(of: [key]),
            message: "\(key): key outside any [section]\(hint)"))
    }
}

// MARK: - Converters

extension SettingsReader {
    static func integer(in range: ClosedRange<Int>) -> (TOMLNode) -> Result<Int, Expectation> {
        { node in
            let expectation = Expectation("an integer from \(range.lowerBound) to \(range.upperBound)")
            guard case .integer(let value) = node, range.contains(value) else { return .failure(expectation) }
            return .success(value)
        }
    }

    static func boolean(_ node: TOMLNode) -> Result<Bool, Expectation> {
        guard case .boolean(let value) = node else { return .failure(Expectation("true or false")) }
        return .success(value)
    }

    /// A string no longer than `maxLength` whose characters all pass `allowed`, described by `what`.
    static func string(
        _ what: String, maxLength: Int = 200, allowed: @escaping (Character) -> Bool = { _ in true }
    ) -> (TOMLNode) -> Result<String, Expectation> {
        { node in
            guard case .string(let value) = node, !value.trimmingWhitespace().isEmpty,
                  value.count <= maxLength, value.allSatisfy(allowed)
            else { return .failure(Expectation(what)) }
            return .success(value)
        }
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> (TOMLNode) -> Result<T, Expectation>
    where T.RawValue == String {
        { node in
            let names = T.allCases.map { "\"\($0.rawValue)\"" }
            let expectation = Expectation("one of \(names.joined(separator: ", "))")
            guard case .string(let value) = node, let choice = T(rawValue: value) else { return .failure(expectation) }
            return .success(choice)
        }
    }

    /// A number (integer or decimal) within `range`.
    static func number(in range: ClosedRange<Double>) -> (TOMLNode) -> Result<Double, Expectation> {
        { node in
            let expectation = Expectation("a number from \(range.lowerBound) to \(range.upperBound)")
            switch node {
            case .float(let v) where range.contains(v): return .success(v)
            case .integer(let v) where range.contains(Double(v)): return .success(Double(v))
            default: return .failure(expectation)
            }
        }
    }

    /// "" (none) or an http(s) base URL with a host, such as "http://127.0.0.1:8080".
    static func endpoint(_ node: TOMLNode) -> Result<String, Expectation> {
        let expectation = Expectation("\"\" or an http:// or https:// base URL such as \"http://127.0.0.1:8080\"")
        guard case .string(let value) = node else { return .failure(expectation) }
        if value.isEmpty { return .success("") }
        guard let url = URL(string: value), let scheme = url.scheme, ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty, url.query == nil
        else { return .failure(expectation) }
        return .success(value)
    }

    /// A fixed offset from UTC such as "+09:00".
    ///
    /// An offset rather than a zone name: named zones go through ICU's time-zone database,
    /// which costs the kiosk several megabytes of memory for a country that has had no daylight
    /// saving time since 1988.
    static func utcOffset(_ node: TOMLNode) -> Result<TimeZone, Expectation> {
        let expectation = Expectation("an offset from UTC such as \"+09:00\" (from -12:00 to +14:00)")
        guard case .string(let text) = node, text.count == 6,
              let sign = text.first, sign == "+" || sign == "-",
              text[text.index(text.startIndex, offsetBy: 3)] == ":",
              let hours = Int(text.dropFirst().prefix(2)), let minutes = Int(text.suffix(2)),
              minutes < 60
        else { return .failure(expectation) }
        let seconds = (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        guard (-12 * 3600...14 * 3600).contains(seconds), let zone = TimeZone(secondsFromGMT: seconds) else {
            return .failure(expectation)
        }
        return .success(zone)
    }

    /// A list of strings, each accepted by `element`.
    static func stringArray(
        _ what: String, _ element: @escaping (TOMLNode) -> Result<String, Expectation>
    ) -> (TOMLNode) -> Result<[String], Expectation> {
        { node in
            guard case .array(let items) = node else { return .failure(Expectation("a list of \(what)")) }
            var values: [String] = []
            for item in items {
                guard case .success(let value) = element(item) else { return .failure(Expectation("a list of \(what)")) }
                values.append(value)
            }
            return .success(values)
        }
    }
}
