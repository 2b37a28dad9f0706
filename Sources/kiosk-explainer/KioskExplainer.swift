import ArgumentParser
import Explainer
import ExplainerHTTP
import Explanations
import Foundation
import Rules
import Settings

/// `kiosk-explainer`: the process that talks to the model server for the kiosk.
///
/// The kiosk starts it beside itself and speaks newline-delimited JSON over its standard input
/// and output (`WorkerCommand` in, `WorkerReply` out). It evaluates each request's facts with
/// the same rule pack, so the engine, not the kiosk's word, is what the model is checked
/// against. It exits when its standard input closes: a kiosk that is gone leaves no worker.
/// Not meant to be run by hand, except to see `--help`.
@main
struct KioskExplainer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-explainer",
        abstract: "The welfare kiosk's explainer process (started by welfare-kiosk; speaks JSON lines on stdin/stdout)."
    )

    @Option(name: .long, help: ArgumentHelp("Path to kiosk.conf.", valueName: "PATH"))
    var config: String = "kiosk.conf"
    @Option(name: .long, help: ArgumentHelp("Base URL of an OpenAI-compatible server (overrides [llm] endpoint).", valueName: "BASE_URL"))
    var llm: String?
    @Option(name: .customLong("deadline-ms"), help: ArgumentHelp("Total deadline in milliseconds (overrides [llm] total_ms).", valueName: "N"))
    var deadlineMs: Int?

    func run() async throws {
        let worker: Worker
        do {
            worker = try Worker(configPath: config, endpoint: llm, deadlineMs: deadlineMs)
        } catch {
            FileHandle.standardError.write(Data("kiosk-explainer: \(error)\n".utf8))
            throw ExitCode(2)
        }
        await worker.serve()
    }
}
