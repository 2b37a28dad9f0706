import Testing
import TextLayout

@Suite struct HangulInitialsTests {
    @Test func initialOfASyllableIsFoundByArithmetic() {
        #expect(HangulInitials.initial(of: "기") == "ㄱ")
        #expect(HangulInitials.initial(of: "힣") == "ㅎ")
        #expect(HangulInitials.initial(of: "가") == "ㄱ")
        #expect(HangulInitials.initial(of: "까") == "ㄲ")
        #expect(HangulInitials.initial(of: "쌀") == "ㅆ")
        #expect(HangulInitials.initial(of: "a") == nil)
        #expect(HangulInitials.initial(of: "ㄱ") == nil)
        #expect(HangulInitials.initials(of: "기초연금 2026") == "ㄱㅊㅇㄱ 2026")
    }

    @Test func initialsFindTheProgramme() {
        #expect(HangulInitials.matches("ㄱㅊㅇㄱ", in: "기초연금"))
        #expect(HangulInitials.matches("ㅇㄱ", in: "기초연금"))
        #expect(HangulInitials.matches("ㅅㄱㄱㅇ", in: "생계급여"))
        #expect(!HangulInitials.matches("ㄱㅊㅇㄱ", in: "기초생활보장"))
        #expect(!HangulInitials.matches("ㅊㄱ", in: "기초연금"))
    }

    @Test func doubleConsonantsMatchOnlyTheirOwnSyllables() {
        #expect(HangulInitials.matches("ㄲ", in: "까치"))
        #expect(!HangulInitials.matches("ㄲ", in: "가치"))
        #expect(!HangulInitials.matches("ㄱ", in: "까치"))
        #expect(HangulInitials.matches("ㅆㄹ", in: "쌀로"))
        #expect(HangulInitials.matches("ㄸㄱ", in: "아동 뜨개 바구니"))
    }

    @Test func syllablesConsonantsAndLatinMix() {
        #expect(HangulInitials.matches("기초ㅇ", in: "기초연금"))
        #expect(HangulInitials.matches("ㄱ초연ㄱ", in: "기초연금"))
        #expect(!HangulInitials.matches("기초ㅅ", in: "기초연금"))
        #expect(HangulInitials.matches("pension", in: "basic_pension_max"))
        #expect(HangulInitials.matches("PENSION", in: "basic_pension_max"))
        #expect(HangulInitials.matches("연금", in: "기초연금"))
        #expect(HangulInitials.matches("ㅈㅇㅇㅇㄱ 2", in: "장애인연금 2026"))
        #expect(!HangulInitials.matches("youth", in: "기초연금"))
    }

    @Test func emptyAndSpacedQueries() {
        #expect(HangulInitials.matches("", in: "기초연금"))
        #expect(HangulInitials.matches("ㄱㅊ ㅇㄱ", in: "기초 연금"))
        #expect(!HangulInitials.matches("ㄱㅊㅇㄱㄱ", in: "기초연금"))
    }
}
