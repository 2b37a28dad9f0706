import Foundation
import Rules
import Testing

/// Demo mode in the real binary, reached as staff reach it: the key sequence, the PIN, the
/// staff menu; one persona played by Enter to its results, then back to the menu.
@Suite("Demo mode, end to end in tmux", .serialized)
struct DemoEndToEndTests {
    static let root = TmuxKiosk.repositoryRoot
    /// PIN 2468, hashed with libsodium's crypto_pwhash_str (Argon2id, t=2, m=19 MiB), as
    /// `welfare-kiosk set-pin` writes it.
    static let pinHash = "$argon2id$v=19$m=19456,t=2,p=1$+jSp9lpbIDTrB8nmYP8jmw$Vyni7HV4r7Z5HgOwQXSWXjbAF0fmqV7R8+800Vn43Tw"

    /// A kiosk.conf on the repository's packs, locales and themes, with a PIN and a log of its own.
    static func config(in folder: URL) throws -> String {
        let root = Self.root.path
        let text = """
            [paths]
            rules = "\(root)/rules/kr-welfare"
            extra_rules = ["\(root)/rules/kr-culture"]
            locales = "\(root)/locales"
            themes = "\(root)/themes"
            database = "\(folder.path)/var/kiosk.sqlite"

            [staff]
            pin_hash = "\(pinHash)"

            """
        let file = folder.appendingPathComponent("kiosk.conf")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("staff sequence, PIN, demo mode: a persona plays to the results eval gives, under the banner")
    func personaToResults() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let welfare = try RulePack.load(directory: Self.root.appendingPathComponent("rules/kr-welfare").path)
        let culture = try RulePack.load(directory: Self.root.appendingPathComponent("rules/kr-culture").path)
        let personas = try Personas.load(directory: Self.root.appendingPathComponent("rules/kr-welfare").path, vocabulary: welfare.facts)
        let persona = try #require(personas.first { $0.id == "single_parent_baby" })
        let index = try #require(personas.firstIndex { $0.id == persona.id })
        // The kiosk's day: kiosk.conf's default utc_offset is +09:00.
        var seoul = Calendar(identifier: .gregorian)
        seoul.timeZone = TimeZone(secondsFromGMT: 9 * 3600)!
        let today = Day(Date(), calendar: seoul)
        let eligible = [welfare, culture].map { $0.evaluate(persona.facts, on: today).programs.filter { $0.status == .eligible }.count }
            .reduce(0, +)

        let kiosk = try TmuxKiosk(width: 100, height: 40, arguments: ["--config", try Self.config(in: folder)])
        try kiosk.waitForScreen("the attract screen") { $0.contains(localeString(language: "ko", section: "attract", key: "title")) }
        try kiosk.send("/", "-", "/", "-", "/")
        try kiosk.waitForScreen("the PIN screen") { $0.contains(localeString(language: "ko", section: "staff", key: "pin_title")) }
        try kiosk.send("2468", "Enter")
        let menuTitle = localeString(language: "ko", section: "staff", key: "menu_title")
        try kiosk.waitForScreen(timeout: .seconds(20), "the staff menu") { $0.contains(menuTitle) }
        try kiosk.send("1")
        try kiosk.waitForScreen("the persona list") { $0.contains(localeString(language: "ko", section: "demo", key: "title")) }
        try kiosk.send(String(index + 1))

        let banner = localeString(language: "ko", section: "demo", key: "banner")
        let resultsTitle = localeString(language: "ko", section: "results", key: "title")
        var steps = 0
        while true {
            let screen = try kiosk.waitForScreen("a demo screen with the banner") { $0.contains(banner) }
            if screen.contains(resultsTitle) {
                let heading = localeString(language: "ko", section: "results", key: "eligible")
                #expect(screen.contains("\(heading) (\(eligible))"), "the results list what eval gives:\n\(screen)")
                #expect(screen.contains(persona.name.ko))
                break
            }
            steps += 1
            #expect(steps < 120, "the persona reaches the results")
            if steps >= 120 { return }
            try kiosk.send("Enter")
            // The next screen (or the next digit typed) before pressing again.
            _ = try kiosk.waitForScreen("the step played") { $0 != screen }
        }
        try kiosk.send("0")
        try kiosk.waitForScreen("back to the staff menu") { $0.contains(menuTitle) && !$0.contains(banner) }
        try kiosk.send(".")
        try kiosk.waitForScreen("the attract screen again") { $0.contains(localeString(language: "ko", section: "attract", key: "title")) }
    }
}
