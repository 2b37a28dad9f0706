import Foundation

/// Edits kiosk.conf as text, for `welfare-kiosk set-pin`: one line changes, every other byte
/// (comments, blank lines, key order, line endings) stays as the centre wrote it.
///
/// Why text and not TOML: re-serialising the document would drop every comment that documents
/// the settings, and reorder what staff arranged on purpose.
public enum KioskConfFile {
    /// `text` with `[staff] pin_hash` set to `hash`: the existing line rewritten in place (its
    /// indentation and any trailing comment kept), or a line added under `[staff]`, or a
    /// `[staff]` table appended at the end. Throws if `text` is not a valid kiosk.conf, or if
    /// the key is written in a form that cannot be edited as one line.
    public static func settingPinHash(in text: String, to hash: StaffPinHash, displayPath: String = "kiosk.conf",
                                      baseDirectory: URL) throws(ConfigError) -> String {
        _ = try KioskConfig.parse(text: text, displayPath: displayPath, baseDirectory: baseDirectory)
        let scanner = TOMLLineScanner(text: text)
        // Split on the byte "\n" only (a Swift Character treats "\r\n" as one), so a CRLF line
        // keeps its "\r" and is written back with it.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        let assignment = "pin_hash = \"\(hash.rawValue)\""

        if let key = scanner.keys[["staff", "pin_hash"]] {
            let index = key.line - 1
            let line = lines[index]
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            let rest = line.dropFirst(indent.count)
            guard rest.hasPrefix("pin_hash"), let equals = rest.firstIndex(of: "="),
                  rest[rest.index(rest.startIndex, offsetBy: "pin_hash".count)..<equals].allSatisfy({ $0 == " " || $0 == "\t" }),
                  let value = rest[equals...].range(of: key.rawValue)
            else {
                throw ConfigError(file: displayPath, line: key.line,
                                  message: "[staff] pin_hash: write it as its own line, pin_hash = \"...\", under [staff], so set-pin can replace it")
            }
            let tail = rest[value.upperBound...]
            lines[index] = String(indent) + assignment + tail
        } else if let header = scanner.tables[["staff"]] {
            let ending = lines[header - 1].hasSuffix("\r") ? "\r" : ""
            lines.insert(assignment + ending, at: header)
        } else {
            let ending = lines.first?.hasSuffix("\r") == true ? "\r" : ""
            if lines.last == "" { lines.removeLast() }
            lines += ["", "[staff]" + ending, assignment + ending, ""]
        }
        let result = lines.joined(separator: "\n")
        let check = try KioskConfig.parse(text: result, displayPath: displayPath, baseDirectory: baseDirectory)
        guard check.staff.pinHash == hash else {
            throw ConfigError(file: displayPath, message: "[staff] pin_hash: the rewritten file does not read back the new hash; nothing was changed")
        }
        return result
    }
}

/// Replacing a file so that a power cut leaves the old one or the new one, never half of each.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `url`, syncs it, renames it over `url` and syncs
    /// the folder. `permissions` default to the replaced file's, else 0644.
    public static func write(_ data: Data, to url: URL, permissions: mode_t? = nil) throws(AtomicWriteError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AtomicWriteError(path: folder.path, what: "cannot create the folder", reason: "\(error.localizedDescription)")
        }
        var existing = stat()
        let mode = permissions ?? (stat(url.path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw AtomicWriteError(path: temporary.path, what: "cannot create") }
        _ = fchmod(descriptor, mode)
        let written = data.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == data.count, synced == 0 else {
            let failure = AtomicWriteError(path: temporary.path, what: "cannot write")
            unlink(temporary.path)
            throw failure
        }
        guard rename(temporary.path, url.path) == 0 else {
            let failure = AtomicWriteError(path: url.path, what: "cannot replace")
            unlink(temporary.path)
            throw failure
        }
        let folderDescriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}

/// A file that could not be replaced: which, what failed, and the system's reason.
public struct AtomicWriteError: Error, CustomStringConvertible {
    public let description: String

    init(path: String, what: String, reason: String = String(cString: strerror(errno))) {
        description = "\(path): \(what): \(reason)"
    }
}
