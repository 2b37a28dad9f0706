import Foundation
import Testing
@testable import Settings

@Suite struct KioskResourcesTests {
    @Test func loadsTheThemesAndLocalesTheShippedConfigNames() throws {
        let config = try KioskConfig.load(path: Fixtures.kioskConf.path, mustExist: true)
        let resources = try KioskResources.load(config: config)
        #expect(resources.theme.name == ThemeName("default"))
        #expect(resources.highContrastTheme.name == ThemeName("high-contrast"))
        #expect(resources.locales.catalog(config.kiosk.language).language == .ko)
        #expect(!resources.theme.summary.isEmpty)
    }

    @Test func aMissingThemeIsReportedByItsPath() throws {
        let folder = try TemporaryFolder()
        try folder.copy(Fixtures.locales, to: "locales")
        let config = try KioskConfig.parse(text: "", baseDirectory: folder.url)
        let expected = KioskConfig.displayName(for: folder.url.appendingPathComponent("themes/default.toml"))
        #expect(throws: ConfigError(file: expected, message: "file not found")) {
            try KioskResources.load(config: config)
        }
    }

    @Test func centrePlaceholdersFollowTheLanguage() throws {
        let config = try KioskConfig.load(path: Fixtures.kioskConf.path, mustExist: true)
        let english = config.centre.placeholders(in: .en)
        #expect(english["counter"] == "the welfare desk on the 1st floor")
        #expect(english["phone"] == "129")
        #expect(config.centre.placeholders(in: .ko)["counter"] == "1층 복지 상담 창구")
        #expect(Set(english.keys) == ["centre", "counter", "hours", "phone"])
    }
}
