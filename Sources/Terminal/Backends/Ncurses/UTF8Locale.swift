import CNcursesw
import Glibc

/// Puts the C library in a UTF-8 locale, which ncurses needs to draw and read Hangul.
///
/// `setlocale(LC_ALL, "")` adopts the environment's locale. A fresh Debian machine has only
/// C.UTF-8, and a kiosk started by systemd often has no LANG at all (the "C"/POSIX locale,
/// ASCII only); in that case we fall back to C.UTF-8 rather than draw question marks.
public enum UTF8Locale {
    /// Activates a UTF-8 locale and returns its name.
    @discardableResult
    public static func activate() throws(TerminalError) -> String {
        if let name = setlocale(LC_ALL, ""), isUTF8() {
            return String(cString: name)
        }
        for fallback in ["C.UTF-8", "C.utf8"] {
            if let name = setlocale(LC_ALL, fallback), isUTF8() {
                return String(cString: name)
            }
        }
        let current = setlocale(LC_ALL, nil).map { String(cString: $0) } ?? "unknown"
        throw .noUTF8Locale(current: current)
    }

    private static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}

/// Why the terminal could not start.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    case noUTF8Locale(current: String)
    case unknownTerminal(String)
    case alreadyRunning
    case cannotOpenDevice(descriptor: Int32, errno: Int32)

    public var description: String {
        switch self {
        case .noUTF8Locale(let current):
            "no UTF-8 locale: the locale is '\(current)' and C.UTF-8 is missing; install the 'locales' package or set LANG=C.UTF-8"
        case .unknownTerminal(let name):
            "terminal type '\(name)' is unknown to ncurses or cannot address the cursor; set TERM to one in `toe -a` (e.g. xterm-256color, foot, linux) or install ncurses-term"
        case .alreadyRunning:
            "an ncurses terminal is already running in this process; shut it down first"
        case .cannotOpenDevice(let descriptor, let error):
            "cannot open terminal file descriptor \(descriptor): \(String(cString: strerror(error)))"
        }
    }
}
