import Testing
@testable import Settings

@Suite struct TemplateTests {
    @Test func splitsLiteralsAndPlaceholders() {
        #expect(Template("전화 {phone} (상담)").parts == [.literal("전화 "), .placeholder("phone"), .literal(" (상담)")])
        #expect(Template("{a}{b}").parts == [.placeholder("a"), .placeholder("b")])
        #expect(Template("").parts == [])
        #expect(Template("plain").parts == [.literal("plain")])
    }

    @Test func bracesThatAreNotPlaceholdersStayLiteral() {
        #expect(Template("{ x } {1a} {} {a-b} {ok}").parts
            == [.literal("{ x } {1a} {} {a-b} "), .placeholder("ok")])
        #expect(Template("{{name}}").parts == [.literal("{"), .placeholder("name"), .literal("}")])
        #expect(Template("open {brace").parts == [.literal("open {brace")])
    }

    @Test func multibyteTextAroundPlaceholdersSurvives() {
        let template = Template("{seconds}초 뒤에 돌아가요 👋🏽 Tiếng Việt")
        #expect(template.render(["seconds": "20"]) == "20초 뒤에 돌아가요 👋🏽 Tiếng Việt")
        #expect(template.placeholderNames == ["seconds"])
    }

    @Test func rendersWithoutCopyingWhenThereIsNothingToFill() {
        #expect(Template("안녕하세요").render(["x": "y"]) == "안녕하세요")
        #expect(Template("{a} and {a}").render(["a": "b"]) == "b and b")
        #expect(Template("{a} and {missing}").render(["a": "b"]) == "b and {missing}")
    }
}
