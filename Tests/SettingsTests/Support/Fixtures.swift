import Foundation
import Testing

/// Paths into the repository and scratch folders for tests that need real files.
enum Fixtures {
    /// The package root, found from this file's path so tests run from any directory.
    static let repoRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    static var locales: URL { repoRoot.appendingPathComponent("locales") }
    static var themes: URL { repoRoot.appendingPathComponent("themes") }
    static var kioskConf: URL { repoRoot.appendingPathComponent("kiosk.conf") }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}

/// A fresh folder under the system's temporary directory, removed when the test drops it.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("settings-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `text` to `relativePath`, creating folders on the way; returns the file's URL.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Copies a folder of the repository (`themes`, `locales`) into this one.
    func copy(_ source: URL, to relativePath: String) throws {
        try FileManager.default.copyItem(at: source, to: url.appendingPathComponent(relativePath))
    }
}
