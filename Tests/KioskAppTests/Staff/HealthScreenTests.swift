import Foundation
import KioskApp
import SessionLog
import Settings
import Terminal
import TerminalTesting
import Testing

/// The staff health screen: real files, a real socket to a scripted HTTP listener, and an
/// endpoint nobody listens on.
@Suite("Staff health screen", .serialized)
struct HealthScreenTests {
    @Test("log size, dropped sessions, last retention and free disk come from the real files")
    func storage() throws {
        let folder = try ScratchFolder()
        let log = try SeededLog(folder: folder, sessions: 40)
        defer { log.close() }
        let resources = try Self.resources(folder: folder, endpoint: "")
        let (app, pilot) = Self.kiosk(resources: resources, log: log, folder: folder)
        StaffFixture.signIn(app, pilot)
        pilot.type(String(StaffMenuItem.all.firstIndex(of: .health)! + 1))
        app.drain()
        #expect(pilot.screenText.contains(Fixture.resources.locales.catalog(.ko).text("staff.health_checking")))
        app.staffDesk.waitForJobs()
        app.tick()
        guard case .health(let screen)? = app.state.staff?.screen, let storage = screen.storage.value else {
            Issue.record("no health figures: \(String(describing: app.state.staff?.screen))")
            return
        }
        var info = stat()
        stat(log.path, &info)
        #expect(storage.databaseBytes == Int(info.st_size))
        #expect(storage.databaseBytes ?? 0 > 0)
        stat(log.path + "-wal", &info)
        #expect(storage.walBytes == Int(info.st_size))
        #expect(storage.droppedSessions == 0)
        // LogSessionRecorder ran retention when it started, at the wall clock's time.
        #expect(storage.lastRetention.map { abs($0.timeIntervalSince(log.wall.now)) < 1 } == true)
        var disk = statvfs()
        statvfs(folder.url.path, &disk)
        let free = Int(disk.f_bavail) * Int(disk.f_frsize)
        #expect(abs((storage.freeBytes ?? 0) - free) < 64 * 1024 * 1024, "free space as statvfs tells it (give or take other writers)")
        #expect(screen.llm == .loaded(.notConfigured))
        #expect(pilot.screenText.contains("2026-06-15 10:00"), "retention time on the kiosk's clock")
    }

    @Test("a dropped session is counted on the screen")
    func dropped() throws {
        let folder = try ScratchFolder()
        let resources = try Self.resources(folder: folder, endpoint: "")
        let writer = SessionLogWriter(unavailable: "disk full", anonymizer: Anonymizer(kioskID: "t"))
        let recorder = LogSessionRecorder(writer: writer, retention: RetentionPolicy(timeZone: resources.config.log.timeZone))
        recorder.record(SessionSummary(startedAt: Date(), language: "ko", exitStep: "results", reachedResults: true))
        let (app, pilot) = StaffFixture.kiosk(lockFile: folder.file("staff-lock"), recorder: recorder)
        StaffFixture.signIn(app, pilot)
        pilot.type(String(StaffMenuItem.all.firstIndex(of: .health)! + 1))
        app.drain()
        app.staffDesk.waitForJobs()
        app.tick()
        guard case .health(let screen)? = app.state.staff?.screen else { Issue.record("not on health"); return }
        #expect(screen.storage.value?.droppedSessions == 1)
        #expect(screen.storage.value?.lastError == "disk full")
        #expect(pilot.screenText.contains(Fixture.resources.locales.catalog(.ko).text("staff.health_dropped", ["count": "1"])))
    }

    @Test("a reachable server: GET /health over a real socket, its status and latency")
    func reachable() throws {
        let server = try ScriptedHTTPListener(reply: "HTTP/1.1 200 OK\r\nContent-Length: 15\r\n\r\n{\"status\":\"ok\"}")
        defer { server.stop() }
        let folder = try ScratchFolder()
        let resources = try Self.resources(folder: folder, endpoint: "http://127.0.0.1:\(server.port)")
        let (app, pilot) = Self.kiosk(resources: resources, log: nil, folder: folder)
        StaffFixture.signIn(app, pilot)
        pilot.type(String(StaffMenuItem.all.firstIndex(of: .health)! + 1))
        app.drain()
        app.staffDesk.waitForJobs()
        app.tick()
        guard case .health(let screen)? = app.state.staff?.screen, case .loaded(.reachable(let status, let ms)) = screen.llm else {
            Issue.record("the server was not reached: \(String(describing: app.state.staff?.screen))")
            return
        }
        #expect(status == 200)
        #expect(ms >= 0 && ms < 1000)
        #expect(server.requests.first?.hasPrefix("GET /health HTTP/1.1\r\n") == true)
        #expect(pilot.screenText.contains("HTTP 200"))
    }

    @Test("a server still loading its model answers 503: reachable, and the status says so")
    func loading() throws {
        let server = try ScriptedHTTPListener(reply: "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")
        defer { server.stop() }
        let health = LLMHealth.check(URL(string: "http://127.0.0.1:\(server.port)")!)
        guard case .reachable(let status, _) = health else { Issue.record("\(health)"); return }
        #expect(status == 503)
    }

    @Test("an unreachable endpoint: refused at once, and a silent one times out in about a second")
    func unreachable() throws {
        // A port that was just free: nothing listens there.
        let closed = try ScriptedHTTPListener(reply: "")
        let port = closed.port
        closed.stop()
        guard case .unreachable(let reason) = LLMHealth.check(URL(string: "http://127.0.0.1:\(port)")!) else {
            Issue.record("a closed port answered")
            return
        }
        #expect(reason.contains("refused"), "\(reason)")

        // A listener that accepts and never answers.
        let silent = try ScriptedHTTPListener(reply: nil)
        defer { silent.stop() }
        let start = ContinuousClock.now
        guard case .unreachable(let timeout) = LLMHealth.check(URL(string: "http://127.0.0.1:\(silent.port)")!) else {
            Issue.record("a silent server counted as reachable")
            return
        }
        let elapsed = ContinuousClock.now - start
        #expect(timeout.contains("timed out"), "\(timeout)")
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(3))

        // And the kiosk does not wait for it: the screen shows "checking" at once.
        let folder = try ScratchFolder()
        let resources = try Self.resources(folder: folder, endpoint: "http://127.0.0.1:\(silent.port)")
        let (app, pilot) = Self.kiosk(resources: resources, log: nil, folder: folder)
        StaffFixture.signIn(app, pilot)
        let before = ContinuousClock.now
        pilot.type(String(StaffMenuItem.all.firstIndex(of: .health)! + 1))
        app.drain()
        #expect(ContinuousClock.now - before < .milliseconds(500))
        #expect(pilot.screenText.contains(Fixture.resources.locales.catalog(.ko).text("staff.health_llm_checking")))
        app.staffDesk.waitForJobs()
        app.tick()
        #expect(pilot.screenText.contains("timed out"))
    }

    // MARK: - Support

    static func resources(folder: ScratchFolder, endpoint: String) throws -> KioskResources {
        let root = Fixture.repositoryRoot.path
        let text = """
            [paths]
            rules = "\(root)/rules/kr-welfare"
            extra_rules = ["\(root)/rules/kr-culture"]
            locales = "\(root)/locales"
            themes = "\(root)/themes"
            database = "var/kiosk.sqlite"
            [llm]
            endpoint = "\(endpoint)"
            """
        return try KioskResources.load(config: KioskConfig.parse(text: text, baseDirectory: folder.url))
    }

    static func kiosk(resources: KioskResources, log: SeededLog?, folder: ScratchFolder) -> (KioskApp, Pilot) {
        let pilot = Pilot(size: Size(width: 80, height: 24), palette: Palette(theme: resources.theme))
        let wall = log?.wall ?? WallClock()
        let app = KioskApp(terminal: pilot.terminal, resources: resources, rules: Fixture.rules,
                           recorder: log?.recorder ?? MemorySessionRecorder(),
                           staff: StaffFixture.access(lockFile: folder.file("staff-lock"), wall: wall))
        app.start()
        return (app, pilot)
    }
}

@Suite("LLM health check over a POSIX socket")
struct LLMHealthCheckTests {
    @Test("an https endpoint or an unknown host is named in the reason, not a hang")
    func unsupported() {
        #expect(LLMHealth.check(URL(string: "https://127.0.0.1:8443")!) == .unreachable(reason: "only http:// endpoints can be checked (https://127.0.0.1:8443/health)"))
        #expect(LLMHealth.check(nil) == .notConfigured)
        guard case .unreachable(let reason) = LLMHealth.check(URL(string: "http://no-such-host.invalid:8080")!) else {
            Issue.record("an unknown host answered")
            return
        }
        #expect(reason.hasPrefix("cannot resolve no-such-host.invalid"), "\(reason)")
    }
}
