import CNcursesw
import Testing
@testable import Terminal

@Suite struct KeyDecodingTests {
    @Test func controlBytesBecomePlainKeysNotSignals() {
        #expect(KeyDecoding.character(3) == .control("c"))
        #expect(KeyDecoding.character(26) == .control("z"))
        #expect(KeyDecoding.character(28) == .control("\\"))
        #expect(KeyDecoding.character(0) == .control("@"))
    }

    @Test func editingKeys() {
        #expect(KeyDecoding.character(13) == .enter)
        #expect(KeyDecoding.character(10) == .enter)
        #expect(KeyDecoding.character(9) == .tab)
        #expect(KeyDecoding.character(127) == .backspace)
        #expect(KeyDecoding.character(8) == .backspace)
        #expect(KeyDecoding.character(27) == .escape)
    }

    @Test func textIncludingHangul() {
        #expect(KeyDecoding.character(0x61) == .character("a"))
        #expect(KeyDecoding.character(0xD55C) == .character("한"))
        #expect(KeyDecoding.character(0xD800) == nil)  // a lone surrogate is not a character
    }

    @Test func functionAndKeypadCodes() {
        #expect(KeyDecoding.keyCode(cncurses_key_f(1)) == .function(1))
        #expect(KeyDecoding.keyCode(cncurses_key_f(12)) == .function(12))
        #expect(KeyDecoding.keyCode(KEY_B2) == .keypad(.center))
        #expect(KeyDecoding.keyCode(KEY_ENTER) == .enter)
        #expect(KeyDecoding.keyCode(KEY_BTAB) == .backTab)
        #expect(KeyDecoding.keyCode(KEY_NPAGE) == .pageDown)
        #expect(KeyDecoding.keyCode(KEY_RESIZE) == nil)  // handled by the terminal, not a key
    }
}
