import Foundation
import TOMLKit

/// A TOML value copied out of TOMLKit into plain Swift values.
///
/// TOMLKit's types wrap C++ pointers and are not `Sendable`; copying once at load keeps them
/// inside this file and lets validation work on ordinary values.
enum TOMLNode: Sendable, Equatable {
    case table([String: TOMLNode])
    case array([TOMLNode])
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// Dates and times: valid TOML that no setting of ours accepts.
    case other(typeName: String)

    /// The TOML type's name as an error message says it ("an integer", "a string").
    var typeDescription: String {
        switch self {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a number with a fraction"
        case .boolean: "true or false"
        case .other(let typeName): "a \(typeName)"
        }
    }
}

/// A parsed TOML file: its values, where each key was written, and the name to show in errors.
struct TOMLDocument: Sendable {
    /// The path as errors print it.
    let displayPath: String
    let root: [String: TOMLNode]
    private let keyLines: [[String]: TOMLLineScanner.KeyLine]
    private let tableLines: [[String]: Int]

    /// Parses `text`; a syntax error becomes a `file:line:column` error using TOMLKit's position.
    init(text: String, displayPath: String) throws(ConfigError) {
        self.displayPath = displayPath
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(
                file: displayPath, line: error.source.begin.line, column: error.source.begin.column,
                message: "not valid TOML: \(error.description.replacingOccurrences(of: "\n", with: " "))")
        } catch {
            throw ConfigError(file: displayPath, message: "not valid TOML: \(error)")
        }
        root = Self.copy(table)
        let scanner = TOMLLineScanner(text: text)
        keyLines = scanner.keys
        tableLines = scanner.tables
    }

    /// Reads and parses the file at `url`.
    init(contentsOf url: URL, displayPath: String) throws(ConfigError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw ConfigError(file: displayPath, message: "is a folder, expected a TOML file")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw ConfigError(
                file: displayPath,
                message: exists ? "cannot be read as UTF-8 text" : "file not found")
        }
        try self.init(text: text, displayPath: displayPath)
    }

    /// The line of `path`, or of its nearest written ancestor; 1 when none was written.
    func line(of path: [String]) -> Int {
        var probe = path
        while !probe.isEmpty {
            if let key = keyLines[probe] { return key.line }
            if let table = tableLines[probe] { return table }
            probe.removeLast()
        }
        return 1
    }

    /// The value of `path` exactly as the file spells it, or its description when not written.
    func rawValue(of path: [String], fallback: TOMLNode) -> String {
        if let key = keyLines[path] { return key.rawValue }
        return fallback.typeDescription
    }

    /// Whether `path` was written as a key line (false for `[table]` headers and inline parents).
    func isKeyLine(_ path: [String]) -> Bool { keyLines[path] != nil }

    private static func copy(_ table: TOMLTable) -> [String: TOMLNode] {
        var result: [String: TOMLNode] = [:]
        for (key, value) in table {
            result[key] = copy(value)
        }
        return result
    }

    private static func copy(_ value: any TOMLValueConvertible) -> TOMLNode {
        switch value.type {
        case .table: .table(value.table.map(copy) ?? [:])
        case .array: .array(value.array.map { $0.map(copy) } ?? [])
        case .string: .string(value.string ?? "")
        case .int: .integer(value.int ?? 0)
        case .double: .float(value.double ?? 0)
        case .bool: .boolean(value.bool ?? false)
        case .date, .time, .dateTime: .other(typeName: value.type.description)
        }
    }
}
