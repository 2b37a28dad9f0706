import CNcursesw
import Glibc

/// A pseudo-terminal pair: ncurses draws on the follower side as on a real screen, and the
/// test reads the bytes it sent, and types input, on the controller side.
final class PseudoTerminal {
    let controller: Int32
    let follower: Int32

    init(size: Size) {
        var controller: Int32 = -1
        var follower: Int32 = -1
        var window = winsize(ws_row: UInt16(size.height), ws_col: UInt16(size.width), ws_xpixel: 0, ws_ypixel: 0)
        precondition(openpty(&controller, &follower, nil, nil, &window) == 0, "openpty failed")
        self.controller = controller
        self.follower = follower
    }

    deinit {
        close(controller)
        close(follower)
    }

    /// Everything the terminal side sent, waiting until it has been quiet for `quiet` ms.
    func drain(quiet: Int32 = 50) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            var poller = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, quiet) > 0 else { return bytes }
            let count = chunk.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
            guard count > 0 else { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Sends bytes as if typed on the keyboard.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
    }

    /// Changes the window size, as a window manager would.
    func resize(to size: Size) {
        _ = cncurses_set_window_size(controller, UInt16(size.height), UInt16(size.width))
    }
}

import Terminal
