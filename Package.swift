// swift-tools-version: 6.1
import PackageDescription

// Modules follow the layers in ../shared/STYLE.md: each holds one job and depends only on the
// layers beneath it. The executables are thin shells over the libraries.
// The kiosk's release binaries carry the Swift runtime and Foundation inside them: a kiosk
// machine needs no Swift installed, and the kiosk keeps only the pages it uses resident
// (27 MB on its first screen instead of 32 MB with the shared libraries). Debug builds, which
// the tests use, link dynamically and quickly. lld, because gold repeats glibc's link-time
// notes about functions inside the static Foundation as warnings on every release build.
let staticSwiftInRelease: [LinkerSetting] = [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(configuration: .release))]
// Compiled in the same mode, so the executable's autolink entries name the static libraries.
let staticSwiftCompileInRelease: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

let package = Package(
    name: "welfare-kiosk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "welfare-kiosk", targets: ["welfare-kiosk"]),
        .executable(name: "kiosk-explainer", targets: ["kiosk-explainer"]),
        .executable(name: "kiosk-bench", targets: ["kiosk-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        // Tests only: random households for the engine's no-crash property (FuzzTests).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: - C libraries from Debian
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CQrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .systemLibrary(
            name: "CHangul",
            providers: [.apt(["libhangul-dev"])]
        ),
        .systemLibrary(
            name: "CSodium",
            providers: [.apt(["libsodium-dev"])]
        ),

        // glibc's spawn extensions, which Swift's Glibc module leaves out (no -dev package: libc6-dev).
        .systemLibrary(name: "CSpawn"),

        // MARK: - Libraries, lowest layer first
        .target(name: "TextLayout"),
        .target(name: "Terminal", dependencies: ["TextLayout", "CNcursesw"]),
        .target(name: "TerminalTesting", dependencies: ["Terminal"]),
        .target(name: "Settings", dependencies: ["TOMLKit", "TextLayout"]),
        // Korean typed on the kiosk itself: 두벌식 composition by libhangul.
        .target(name: "HangulInput", dependencies: ["CHangul", "TextLayout"]),
        .target(name: "Rules", dependencies: ["Yams"]),
        // Seeded households for tests and benchmarks, the same on every machine.
        .target(name: "SeededRandom", dependencies: ["Rules"]),
        .target(name: "SessionLog", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        // What the kiosk and the explainer say to each other; no HTTP, so the kiosk stays small.
        // Starting helper programs (the voice, the explainer worker) without ever waiting on them.
        .target(name: "ChildProcesses", dependencies: ["CSpawn"]),
        .target(name: "Explanations", dependencies: ["ChildProcesses"]),
        .target(name: "Explainer", dependencies: ["Explanations", "Rules", "Settings"]),
        // The model server over HTTP: kept apart because SwiftNIO would add megabytes to any
        // process that links it, and the kiosk itself does not.
        .target(name: "ExplainerHTTP", dependencies: ["Explainer", "Settings", .product(name: "AsyncHTTPClient", package: "async-http-client")]),
        // Voice guidance and other helper programs: child processes, never a UI.
        .target(name: "Speech", dependencies: ["ChildProcesses"]),
        .target(name: "KioskApp", dependencies: ["Terminal", "TextLayout", "Settings", "Rules", "SessionLog", "Explanations", "Explainer", "HangulInput", "CQrencode", "CSodium", "Speech"]),

        // MARK: - Executables
        .executableTarget(
            name: "welfare-kiosk",
            dependencies: [
                "KioskApp", "Rules", "Settings", "Terminal", "SessionLog", "Explainer", "Explanations",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticSwiftCompileInRelease,
            linkerSettings: staticSwiftInRelease
        ),
        // The explainer's process: the only one that links the HTTP client (see Explanations).
        .executableTarget(
            name: "kiosk-explainer",
            dependencies: [
                "Explainer", "ExplainerHTTP", "Explanations", "Rules", "Settings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticSwiftCompileInRelease,
            linkerSettings: staticSwiftInRelease
        ),
        .executableTarget(
            name: "kiosk-bench",
            dependencies: [
                "KioskApp", "Rules", "Settings", "Terminal", "TerminalTesting", "TextLayout", "SessionLog", "Explainer", "ExplainerHTTP", "Explanations", "SeededRandom", "Speech",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A child process for SessionLogTests: writes sessions until killed, or under a file-size
        // limit, or as an unprivileged user, so those failures are real and cannot hurt the runner.
        .executableTarget(name: "session-log-helper", dependencies: ["SessionLog"]),

        // MARK: - Tests mirror the sources
        .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout"]),
        .testTarget(
            name: "TerminalTests", dependencies: ["Terminal", "TerminalTesting", "TextLayout"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "SettingsTests", dependencies: ["Settings"]),
        .testTarget(name: "SpeechTests", dependencies: ["Speech"]),
        .testTarget(name: "HangulInputTests", dependencies: ["HangulInput"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "SeededRandom"]),
        .testTarget(name: "ExplainerTests", dependencies: ["Explainer", "ExplainerHTTP", "Explanations", "Rules", "Settings"],
                    resources: [.copy("Corpus/guard.jsonl")]),
        .testTarget(
            name: "KioskAppTests", dependencies: ["KioskApp", "TerminalTesting", "Terminal", "Settings", "Rules", "SessionLog", "TextLayout", "SeededRandom", "Explanations", "HangulInput", "Speech", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["__Snapshots__", "Accessibility/__Snapshots__"]
        ),
        .testTarget(name: "SessionLogTests", dependencies: ["SessionLog", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "EndToEndTests", dependencies: ["Rules"]),
        // Random and extreme households through eval (in-process and the real binary), the
        // planner and the template explainer: nothing may crash.
        .testTarget(
            name: "FuzzTests",
            dependencies: ["Rules", "Explainer", "Settings", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
