import Foundation
import KioskApp
import Settings
import Terminal
import TerminalTesting

/// The repository's own kiosk.conf defaults, themes and locales: screens are tested with the
/// words and colours a citizen would see.
enum Fixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let resources: KioskResources = {
        let config = KioskConfig.defaults(baseDirectory: repositoryRoot)
        return try! KioskResources.load(config: config)
    }()

    /// A kiosk on an in-memory screen of `size`, its first frame presented.
    static func kiosk(size: Size = Size(width: 80, height: 24)) -> (KioskApp, Pilot) {
        let pilot = Pilot(size: size, palette: Palette(theme: resources.theme))
        let app = KioskApp(terminal: pilot.terminal, resources: resources)
        app.start()
        return (app, pilot)
    }
}

extension KioskApp {
    /// Handles every event the pilot queued, as the run loop would.
    func drain() {
        while let event = terminal.nextEvent(timeout: .zero) {
            handle(event)
        }
    }
}
