import Foundation

/// Everything `kiosk.conf` sets, typed, validated, with relative paths already resolved.
///
/// Every key has a compiled-in default (see `read(_:)`), so the kiosk runs with no kiosk.conf
/// at all and a kiosk.conf may hold only what a centre changes. The shipped kiosk.conf states
/// the same defaults; a test keeps the two in step.
public struct KioskConfig: Sendable, Equatable {
    /// `[kiosk]`: who this kiosk is and how it behaves with a citizen.
    public struct Kiosk: Sendable, Equatable {
        /// Names this kiosk in logs, so a city with many can tell them apart.
        public let id: KioskID
        /// The language a session starts in.
        public let language: Language
        /// Inactivity before the "are you still there?" warning.
        public let idleTimeout: Duration
        /// How long that warning counts down before the session is wiped.
        public let idleWarning: Duration
        /// Times a citizen may extend the session from that warning (WCAG 2.2.1 asks for 10).
        public let idleExtensions: Int
        /// Whether sessions start in accessibility mode.
        public let accessibility: Bool
    }

    /// `[paths]`, each resolved against the folder holding kiosk.conf.
    public struct Paths: Sendable, Equatable {
        public let rules: URL
        public let extraRules: [URL]
        public let locales: URL
        public let themes: URL
        public let database: URL
        /// The staff PIN's failed-attempt count and lock, kept across restarts.
        public let staffLock: URL
    }

    /// `[display]`: which themes draw the screen.
    public struct Display: Sendable, Equatable {
        public let theme: ThemeName
        public let highContrastTheme: ThemeName
    }

    /// `[accessibility]`: what accessibility mode does on this kiosk's hardware.
    public struct Accessibility: Sendable, Equatable {
        /// The text-to-speech command with `{voice}`, `{rate}`, `{volume}` in its arguments; the
        /// phrase goes to its standard input. Empty: no voice.
        public let speechCommand: [String]
        /// The synthesiser's voice for each language.
        public let voices: LocalizedText
        /// Words per minute a session starts with.
        public let speechRate: Int
        /// Loudness a session starts with.
        public let speechVolume: Int
        /// Run on entering the mode to enlarge the terminal's font; empty: nothing is run.
        public let enlargeCommand: [String]
        /// Run on leaving the mode to undo `enlargeCommand`.
        public let restoreCommand: [String]
        /// Idle limits are this many times longer in the mode.
        public let idleMultiplier: Int
        /// Whether the mode starts with the idle warning extendable without limit.
        public let extendWithoutLimit: Bool
        /// Whether the mode starts with interactive content in the lower half of the screen.
        public let lowPosition: Bool
    }

    /// `[centre]`: the place a citizen is sent to for a person's help.
    public struct Centre: Sendable, Equatable {
        public let name: LocalizedText
        public let counter: LocalizedText
        public let hours: LocalizedText
        public let phone: String
    }

    /// `[log]`: the anonymous session log (its file is `[paths] database`).
    public struct Log: Sendable, Equatable {
        /// Sessions older than this are rolled up into monthly counts and deleted.
        public let retentionDays: Int
        /// The least number of sessions a published statistics cell may count.
        public let kAnonymity: Int
        /// The zone a session's date and hour are recorded in: a fixed offset from UTC.
        public let timeZone: TimeZone
    }

    /// `[llm]`: the optional local language model that words the explanations. Without an
    /// endpoint the kiosk explains with its templates only.
    public struct LLM: Sendable, Equatable {
        /// Base URL of an OpenAI-compatible server (llama-server, Ollama, vLLM); nil = templates only.
        public let endpoint: URL?
        public let model: String
        public let connectTimeout: Duration
        /// From the request to the first character of text; past it the template is shown.
        public let firstTokenDeadline: Duration
        /// From the request to the end of the answer.
        public let totalDeadline: Duration
        public let temperature: Double
        public let seed: Int
        public let maxTokens: Int
        /// The system prompt for explanations and the one for follow-up answers, resolved paths.
        public let explainPrompt: URL
        public let answerPrompt: URL
    }

    public let kiosk: Kiosk
    public let paths: Paths
    public let display: Display
    public let accessibility: Accessibility
    public let centre: Centre
    public let log: Log
    public let llm: LLM
    public let staff: Staff
    /// The file these settings came from; nil when running on the embedded defaults.
    public let source: URL?
    /// The file as messages print it (`kiosk.conf`, or `(built-in defaults)`).
    public let displayPath: String

    // MARK: - Loading

    /// Loads kiosk.conf from `path`.
    ///
    /// A missing file is an error when `mustExist` (the user named it); otherwise the kiosk runs
    /// on the embedded defaults with paths resolved against the current directory.
    public static func load(path: String, mustExist: Bool) throws(ConfigError) -> KioskConfig {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let display = displayName(for: url)
        guard FileManager.default.fileExists(atPath: url.path) else {
            if mustExist {
                throw ConfigError(file: display, message: "file not found (check --config or $KIOSK_CONFIG, or leave both unset to run on the built-in defaults)")
            }
            return defaults(baseDirectory: currentDirectory)
        }
        let document = try TOMLDocument(contentsOf: url, displayPath: display)
        return try read(document, source: url, baseDirectory: url.deletingLastPathComponent())
    }

    /// Parses kiosk.conf text; relative paths resolve against `baseDirectory`.
    public static func parse(text: String, displayPath: String = "kiosk.conf", baseDirectory: URL) throws(ConfigError) -> KioskConfig {
        let document = try TOMLDocument(text: text, displayPath: displayPath)
        return try read(document, source: baseDirectory.appendingPathComponent(displayPath), baseDirectory: baseDirectory)
    }

    /// The embedded defaults, exactly what an empty kiosk.conf gives.
    public static func defaults(baseDirectory: URL) -> KioskConfig {
        // An empty document cannot fail to validate: every value is a default.
        let document = try! TOMLDocument(text: "", displayPath: "(built-in defaults)")
        return try! read(document, source: nil, baseDirectory: baseDirectory)
    }

    // MARK: - The settings and their defaults

    private static func read(_ document: TOMLDocument, source: URL?, baseDirectory: URL) throws(ConfigError) -> KioskConfig {
        var r = SettingsReader(document: document)

        let idSymbols = Set("-_.")
        let id = r.read("kiosk", "id", default: "kiosk-1",
                        SettingsReader.string("1 to 64 letters, digits, '-', '_' or '.'", maxLength: 64) {
                            $0.isASCII && ($0.isLetter || $0.isNumber || idSymbols.contains($0))
                        })
        let language = r.read("kiosk", "language", default: Language.ko, SettingsReader.choice(Language.self))
        let idle = r.read("kiosk", "idle_seconds", default: 90, SettingsReader.integer(in: 15...3600))
        let warning = r.read("kiosk", "idle_warning_seconds", default: 20, SettingsReader.integer(in: 5...300))
        if warning >= idle {
            // Blame the key the file actually wrote; the other one is a default.
            if document.isKeyLine(["kiosk", "idle_warning_seconds"]) {
                r.report(["kiosk", "idle_warning_seconds"], " = \(warning): must be less than idle_seconds (\(idle))")
            } else {
                r.report(["kiosk", "idle_seconds"], " = \(idle): must be more than idle_warning_seconds (\(warning))")
            }
        }
        let extensions = r.read("kiosk", "idle_extensions", default: 10, SettingsReader.integer(in: 10...1000))
        let accessibility = r.read("kiosk", "accessibility", default: false, SettingsReader.boolean)

        let path = SettingsReader.string("a non-empty path")
        let rules = r.read("paths", "rules", default: "rules/kr-welfare", path)
        let extraRules = r.read("paths", "extra_rules", default: ["rules/kr-culture"],
                                SettingsReader.stringArray("non-empty paths", path))
        let locales = r.read("paths", "locales", default: "locales", path)
        let themes = r.read("paths", "themes", default: "themes", path)
        let database = r.read("paths", "database", default: "var/kiosk.sqlite", path)
        let staffLock = r.read("paths", "staff_lock", default: "var/staff-lock", path)

        let themeName = ThemeName.convert
        let theme = r.read("display", "theme", default: ThemeName("default"), themeName)
        let highContrast = r.read("display", "high_contrast_theme", default: ThemeName("high-contrast"), themeName)

        let command = SettingsReader.stringArray("non-empty arguments", SettingsReader.string("a non-empty argument", maxLength: 1000))
        let speechCommand = r.read("accessibility", "speech_command", default: ["espeak-ng", "-v", "{voice}", "-s", "{rate}", "-a", "{volume}"], command)
        let voices = r.read("accessibility", "voices",
                            default: LocalizedText(korean: "ko", translations: [.en: "en-us", .zh: "cmn", .vi: "vi"]), LocalizedText.convert)
        let speechRate = r.read("accessibility", "speech_rate", default: 175, SettingsReader.integer(in: 80...450))
        let speechVolume = r.read("accessibility", "speech_volume", default: 100, SettingsReader.integer(in: 10...200))
        let enlarge = r.read("accessibility", "enlarge_command", default: [], command)
        let restore = r.read("accessibility", "restore_command", default: [], command)
        if enlarge.isEmpty != restore.isEmpty {
            // A font enlarged and never restored would leave the next citizen with large text.
            let written = document.isKeyLine(["accessibility", "enlarge_command"]) ? "enlarge_command" : "restore_command"
            r.report(["accessibility", written], ": enlarge_command and restore_command must be set together (both lists, or both [])")
        }
        let idleMultiplier = r.read("accessibility", "idle_multiplier", default: 3, SettingsReader.integer(in: 1...10))
        let extendWithoutLimit = r.read("accessibility", "extend_without_limit", default: false, SettingsReader.boolean)
        let lowPosition = r.read("accessibility", "low_position", default: false, SettingsReader.boolean)

        let centreName = r.read("centre", "name", default: LocalizedText(korean: "시흥시 행정복지센터"), LocalizedText.convert)
        let counter = r.read("centre", "counter", default: LocalizedText(korean: "1층 복지 상담 창구"), LocalizedText.convert)
        let hours = r.read("centre", "hours", default: LocalizedText(korean: "평일 오전 9시부터 오후 6시까지"), LocalizedText.convert)
        let phone = r.read("centre", "phone", default: "129",
                           SettingsReader.string("a phone number of digits and '-'", maxLength: 20) {
                               $0.isASCII && ($0.isNumber || $0 == "-")
                           })

        let retentionDays = r.read("log", "retention_days", default: 90, SettingsReader.integer(in: 1...3650))
        let kAnonymity = r.read("log", "k_anonymity", default: 5, SettingsReader.integer(in: 2...100))
        let timeZone = r.read("log", "utc_offset", default: TimeZone(secondsFromGMT: 9 * 3600)!, SettingsReader.utcOffset)

        let endpoint = r.read("llm", "endpoint", default: "", SettingsReader.endpoint)
        let model = r.read("llm", "model", default: "qwen2.5-1.5b-instruct", SettingsReader.string("a model name", maxLength: 200))
        let connectMs = r.read("llm", "connect_timeout_ms", default: 500, SettingsReader.integer(in: 50...10_000))
        let firstTokenMs = r.read("llm", "first_token_ms", default: 2500, SettingsReader.integer(in: 100...30_000))
        let totalMs = r.read("llm", "total_ms", default: 8000, SettingsReader.integer(in: 200...120_000))
        if totalMs <= firstTokenMs {
            if document.isKeyLine(["llm", "first_token_ms"]) {
                r.report(["llm", "first_token_ms"], " = \(firstTokenMs): must be less than total_ms (\(totalMs))")
            } else {
                r.report(["llm", "total_ms"], " = \(totalMs): must be more than first_token_ms (\(firstTokenMs))")
            }
        }
        let temperature = r.read("llm", "temperature", default: 0.2, SettingsReader.number(in: 0...2))
        let seed = r.read("llm", "seed", default: 42, SettingsReader.integer(in: 0...Int(Int32.max)))
        let maxTokens = r.read("llm", "max_tokens", default: 300, SettingsReader.integer(in: 16...4096))
        let explainPrompt = r.read("llm", "explain_prompt", default: "prompts/explain.ko.txt", path)
        let answerPrompt = r.read("llm", "answer_prompt", default: "prompts/answer.ko.txt", path)

        let staff = readStaff(&r)

        try r.finish()

        func resolve(_ path: String) -> URL {
            path.hasPrefix("/")
                ? URL(fileURLWithPath: path).standardizedFileURL
                : baseDirectory.appendingPathComponent(path).standardizedFileURL
        }
        return KioskConfig(
            kiosk: Kiosk(id: KioskID(id), language: language, idleTimeout: .seconds(idle),
                         idleWarning: .seconds(warning), idleExtensions: extensions, accessibility: accessibility),
            paths: Paths(rules: resolve(rules), extraRules: extraRules.map(resolve), locales: resolve(locales),
                         themes: resolve(themes), database: resolve(database),
                         staffLock: resolve(staffLock)),
            display: Display(theme: theme, highContrastTheme: highContrast),
            accessibility: Accessibility(speechCommand: speechCommand, voices: voices, speechRate: speechRate, speechVolume: speechVolume,
                                         enlargeCommand: enlarge, restoreCommand: restore, idleMultiplier: idleMultiplier,
                                         extendWithoutLimit: extendWithoutLimit, lowPosition: lowPosition),
            centre: Centre(name: centreName, counter: counter, hours: hours, phone: phone),
            log: Log(retentionDays: retentionDays, kAnonymity: kAnonymity, timeZone: timeZone),
            llm: LLM(endpoint: endpoint.isEmpty ? nil : URL(string: endpoint), model: model,
                     connectTimeout: .milliseconds(connectMs), firstTokenDeadline: .milliseconds(firstTokenMs),
                     totalDeadline: .milliseconds(totalMs), temperature: temperature, seed: seed, maxTokens: maxTokens,
                     explainPrompt: resolve(explainPrompt), answerPrompt: resolve(answerPrompt)),
            staff: staff,
            source: source,
            displayPath: document.displayPath)
    }

    // MARK: - Paths as messages print them

    static var currentDirectory: URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).standardizedFileURL
    }

    /// `url` relative to the current directory when it lies inside it, else absolute.
    static func displayName(for url: URL) -> String {
        let base = currentDirectory.path
        let path = url.standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// The kiosk's name in logs.
public struct KioskID: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

extension String {
    /// The text in Unicode NFC, so Hangul typed or saved as jamo compares and measures as syllables.
    var nfc: String { precomposedStringWithCanonicalMapping }
}
