// A child process for SessionLogTests. It writes sessions through `SessionLogWriter` exactly as
// the kiosk does, under conditions a test runner cannot impose on itself: SIGKILL mid-batch, a
// file-size limit (a full disk), an unprivileged user facing a read-only file.
//
//     session-log-helper --db PATH [--count N | --forever] [--fsize BYTES] [--as-nobody]
//
// It prints `committed HEX` for every session the writer reports durable (unbuffered, so a kill
// loses none of these lines), and at the end one line:
// `result committed=N dropped=N max_submit_us=N error=TEXT`.

#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import SessionLog

func emit(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    bytes.withUnsafeBufferPointer { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("session-log-helper: \(message)\n".utf8))
    exit(2)
}

func number(_ text: String?, for option: String) -> Int {
    guard let text, let value = Int(text) else { fail("\(option) needs a number") }
    return value
}

var arguments = CommandLine.arguments.dropFirst()
var path: String?
var count = 100
var forever = false
var fileSizeLimit: Int?
var asNobody = false
var waitForRoom = false
while let argument = arguments.popFirst() {
    switch argument {
    case "--db": path = arguments.popFirst()
    case "--count": count = number(arguments.popFirst(), for: argument)
    case "--forever": forever = true
    case "--fsize": fileSizeLimit = number(arguments.popFirst(), for: argument)
    case "--as-nobody": asNobody = true
    case "--wait": waitForRoom = true
    default: fail("unknown argument '\(argument)'")
    }
}
guard let path else { fail("--db PATH is required") }

if let fileSizeLimit {
    // Past the limit write(2) fails with EFBIG — what SQLite sees on a full disk — instead of the
    // process dying of SIGXFSZ.
    signal(SIGXFSZ, SIG_IGN)
    var limit = rlimit(rlim_cur: rlim_t(fileSizeLimit), rlim_max: rlim_t(fileSizeLimit))
    if setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit) != 0 { fail("setrlimit: errno \(errno)") }
}
if asNobody && getuid() == 0 {
    // Root writes through any file mode; as nobody, a 0444 file is read-only for real.
    if setgid(65534) != 0 || setuid(65534) != 0 { fail("cannot drop to nobody: errno \(errno)") }
}

let anonymizer = Anonymizer(kioskID: "test-kiosk")
let writer = SessionLogWriter.open(path: path, anonymizer: anonymizer, capacity: 64, busyTimeout: 0.5) { ids in
    for id in ids { emit("committed \(id)") }
}

let programs = ["basic_pension", "livelihood_benefit", "housing_benefit", "child_allowance", "near_poor"]
var slowestSubmit: UInt64 = 0
var index = 0
while forever || index < count {
    let summary = SessionSummary(
        startedAt: Date(),
        language: ["ko", "en", "zh", "vi"][index % 4],
        accessibility: index % 3 == 0 ? ["large_text"] : [],
        age: 20 + index % 70,
        householdSize: 1 + index % 6,
        incomeRatioOfMedian: Double(index % 120) / 100,
        questionsAsked: 5 + index % 9,
        unknownFacts: index % 2 == 0 ? ["property_krw"] : [],
        outcomes: Dictionary(uniqueKeysWithValues: programs.enumerated().map { offset, program in
            (program, ProgramOutcome.allCases[(index + offset) % 3])
        }),
        exitStep: index % 5 == 0 ? "question:income" : "results",
        reachedResults: index % 5 != 0)
    let start = DispatchTime.now().uptimeNanoseconds
    if waitForRoom || forever {
        writer.submitWaiting(summary)
    } else {
        writer.submit(summary)
    }
    slowestSubmit = max(slowestSubmit, DispatchTime.now().uptimeNanoseconds - start)
    index += 1
}
writer.flush()
let health = writer.health
let error = (health.lastError ?? "none").replacingOccurrences(of: "\n", with: " ")
emit("result committed=\(health.committed) dropped=\(health.dropped) max_submit_us=\(slowestSubmit / 1000) error=\(error)")
