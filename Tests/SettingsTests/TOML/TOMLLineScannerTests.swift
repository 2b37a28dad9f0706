import Testing
@testable import Settings

@Suite struct TOMLLineScannerTests {
    @Test func recordsTablesAndKeysWithTheirLines() {
        let scanner = TOMLLineScanner(text: """
            # comment = not a key
            top = 1
            [kiosk]
              id = "a = b # not a comment" # a comment
            "quoted key" = 2
            [paths.more]
            x.y = 3
            """)
        #expect(scanner.tables[["kiosk"]] == 3)
        #expect(scanner.tables[["paths", "more"]] == 6)
        #expect(scanner.keys[["top"]] == .init(line: 2, rawValue: "1"))
        #expect(scanner.keys[["kiosk", "id"]] == .init(line: 4, rawValue: "\"a = b # not a comment\""))
        #expect(scanner.keys[["kiosk", "quoted key"]]?.line == 5)
        #expect(scanner.keys[["paths", "more", "x", "y"]]?.line == 7)
        #expect(scanner.keys.count == 4)
    }

    @Test func skipsTheInsideOfMultilineValues() {
        let scanner = TOMLLineScanner(text: """
            [a]
            text = \"\"\"
            fake = 1
            [fake]
            \"\"\"
            list = [
              "x", # note
              "y",
            ]
            after = true
            """)
        #expect(scanner.keys[["a", "fake"]] == nil)
        #expect(scanner.tables[["fake"]] == nil)
        #expect(scanner.keys[["a", "list"]] == .init(line: 6, rawValue: "[ \"x\", \"y\", ]"))
        #expect(scanner.keys[["a", "after"]]?.line == 10)
    }

    @Test func linesOfInlineTableKeysFallBackToTheirParent() {
        let scanner = TOMLLineScanner(text: "[centre]\n\ncounter = { ko = \"a\", en = \"b\" }\n")
        #expect(scanner.line(of: ["centre", "counter", "en"]) == 3)
        #expect(scanner.line(of: ["centre", "missing"]) == 1)
        #expect(scanner.line(of: ["nowhere"]) == nil)
    }

    @Test func windowsLineEndingsCountAsLines() {
        let scanner = TOMLLineScanner(text: "[kiosk]\r\nid = \"x\"\r\nlanguage = \"en\"\r\n")
        #expect(scanner.keys[["kiosk", "language"]]?.line == 3)
    }
}
