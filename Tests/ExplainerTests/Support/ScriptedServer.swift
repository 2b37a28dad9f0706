import Foundation
import Synchronization

/// scripts/scripted-openai-server.py, started once per test process on 127.0.0.1.
///
/// The script picks its behaviour from the URL path, so one server serves every scenario; it
/// exits when this process closes its standard input.
final class ScriptedServer: Sendable {
    static let shared = try! ScriptedServer()

    let port: Int
    private let process: Process
    private let input: Pipe

    init() throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.repoRoot.appendingPathComponent("scripts/scripted-openai-server.py").path]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            throw ServerError.message("the scripted server did not print its port (is python3 installed?)")
        }
        self.port = port
    }

    /// The base URL for one scenario streaming `text`.
    func url(_ scenario: String, _ text: String = "") -> URL {
        let encoded = Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return URL(string: "http://127.0.0.1:\(port)/\(scenario)/\(encoded.isEmpty ? "-" : encoded)")!
    }
}

enum ServerError: Error, CustomStringConvertible {
    case message(String)
    var description: String { if case .message(let m) = self { return m }; return "" }
}
