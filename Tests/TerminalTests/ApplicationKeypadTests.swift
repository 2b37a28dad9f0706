import Testing
@testable import Terminal

@Suite struct ApplicationKeypadTests {
    @Test func keypadKeysDecodeLikeTheirMainKeyboardTwins() {
        func decoded(_ final: Character) -> Key? {
            let index = ApplicationKeypad.keys.firstIndex { $0.final == final }!
            return KeyDecoding.keyCode(ApplicationKeypad.firstCode + Int32(index))
        }
        #expect(decoded("M") == .enter)
        #expect(decoded("j") == .character("*"))
        #expect(decoded("n") == .character("."))
        #expect(decoded("o") == .character("/"))
        #expect((Array("pqrstuvwxy")).map(decoded) == (0...9).map { .character(Character(String($0))) })
        #expect(KeyDecoding.keyCode(ApplicationKeypad.firstCode + Int32(ApplicationKeypad.keys.count)) == nil)
    }
}
