import Foundation

/// One plain HTTP `GET` over a POSIX socket, for the health screen's "is the language model
/// server up?" line.
///
/// Why not AsyncHTTPClient or URLSession: the kiosk process is kept small (no NIO event loops,
/// no Foundation networking), and this is a single request to a server on the same machine,
/// usually 127.0.0.1. Only the status line is read. Runs on a background thread; every step
/// waits at most until `deadline` with `poll`, so an unreachable server costs the thread at most
/// the timeout and the kiosk nothing.
enum HTTPHealthCheck {
    struct Reply: Equatable, Sendable {
        let status: Int
        let milliseconds: Int
    }

    struct Failure: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    /// `GET <endpoint>/health`; the status code and the time from connecting to the status line.
    static func get(_ url: URL, timeout: Duration) throws(Failure) -> Reply {
        guard url.scheme == "http", let host = url.host, !host.isEmpty else {
            throw Failure(description: "only http:// endpoints can be checked (\(url.absoluteString))")
        }
        let port = url.port ?? 80
        let path = url.path.isEmpty ? "/" : url.path
        let start = ContinuousClock.now
        let deadline = start + timeout

        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &list)
        guard resolved == 0, let first = list else {
            throw Failure(description: "cannot resolve \(host): \(String(cString: gai_strerror(resolved)))")
        }
        defer { freeaddrinfo(list) }

        var lastFailure = Failure(description: "no address for \(host)")
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let descriptor = socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            do {
                try connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen, deadline: deadline, host: host, port: port)
                let request = "GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\nUser-Agent: welfare-kiosk\r\n\r\n"
                try send(Array(request.utf8), on: descriptor, deadline: deadline)
                let status = try readStatus(from: descriptor, deadline: deadline)
                let elapsed = ContinuousClock.now - start
                return Reply(status: status, milliseconds: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
            } catch {
                lastFailure = error
            }
        }
        throw lastFailure
    }

    private static func connect(_ descriptor: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: socklen_t,
                                deadline: ContinuousClock.Instant, host: String, port: Int) throws(Failure) {
        if Glibc.connect(descriptor, address, length) != 0 {
            guard errno == EINPROGRESS else {
                throw Failure(description: "cannot connect to \(host):\(port): \(String(cString: strerror(errno)))")
            }
            try wait(descriptor, for: Int16(POLLOUT), until: deadline, doing: "connecting to \(host):\(port)")
            var error: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &size)
            guard error == 0 else {
                throw Failure(description: "cannot connect to \(host):\(port): \(String(cString: strerror(error)))")
            }
        }
    }

    private static func send(_ bytes: [UInt8], on descriptor: Int32, deadline: ContinuousClock.Instant) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            try wait(descriptor, for: Int16(POLLOUT), until: deadline, doing: "sending the request")
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw Failure(description: "sending the request: \(String(cString: strerror(errno)))")
            }
            offset += sent
        }
    }

    /// Reads up to the end of the status line (`HTTP/1.1 200 OK`) and returns its code.
    private static func readStatus(from descriptor: Int32, deadline: ContinuousClock.Instant) throws(Failure) -> Int {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 512)
        while !received.contains(UInt8(ascii: "\n")) {
            guard received.count < 4096 else { throw Failure(description: "the reply has no status line") }
            try wait(descriptor, for: Int16(POLLIN), until: deadline, doing: "waiting for the reply")
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw Failure(description: "reading the reply: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            received += chunk[0..<count]
        }
        let line = String(decoding: received.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let parts = line.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]), (100...599).contains(status) else {
            throw Failure(description: "not an HTTP reply: \(line.prefix(40))")
        }
        return status
    }

    private static func wait(_ descriptor: Int32, for events: Int16, until deadline: ContinuousClock.Instant, doing what: String) throws(Failure) {
        while true {
            let left = deadline - ContinuousClock.now
            let milliseconds = Int32(max(0, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            guard milliseconds > 0 else { throw Failure(description: "timed out \(what)") }
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0, errno == EINTR { continue }
            if ready < 0 { throw Failure(description: "\(what): \(String(cString: strerror(errno)))") }
        }
    }
}
