import Foundation
import Synchronization

/// A real TCP listener on 127.0.0.1 that answers every request with a fixed reply, or (reply
/// `nil`) accepts and never answers; it records what it was sent. Call `stop()` when done: the
/// serving thread keeps it alive until then.
final class ScriptedHTTPListener: Sendable {
    let port: Int
    private let descriptor: Int32
    private let received = Mutex<[String]>([])
    private let held = Mutex<[Int32]>([])
    private let stopped = Mutex(false)
    private let finished = Mutex(false)

    init(reply: String?) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else { throw ListenerError() }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in serve(reply: reply) }
        thread.start()
    }

    var requests: [String] { received.withLock { $0 } }

    private func serve(reply: String?) {
        while true {
            let client = accept(descriptor, nil, nil)
            if client < 0 {
                finished.withLock { $0 = true }
                return
            }
            var request: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 1024)
            while !String(decoding: request, as: UTF8.self).contains("\r\n\r\n") {
                let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
                if count <= 0 { break }
                request += buffer[0..<count]
            }
            received.withLock { $0.append(String(decoding: request, as: UTF8.self)) }
            if let reply {
                _ = Array(reply.utf8).withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(client)
            } else {
                held.withLock { $0.append(client) }
            }
        }
    }

    /// Closes the listening socket and every connection held open.
    func stop() {
        guard !stopped.withLock({ let was = $0; $0 = true; return was }) else { return }
        shutdown(descriptor, Int32(SHUT_RDWR))
        // Close only once the serving thread has left accept(): a descriptor number closed
        // under it could be reused by the next listener and accepted on by this thread.
        let deadline = ContinuousClock.now + .seconds(2)
        while !finished.withLock({ $0 }), ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.001)
        }
        close(descriptor)
        for client in held.withLock({ $0 }) { close(client) }
    }

    struct ListenerError: Error {}
}
