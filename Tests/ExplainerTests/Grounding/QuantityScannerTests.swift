import Testing
@testable import Explainer

@Suite struct QuantityScannerTests {
    @Test(arguments: [
        ("82만 556원", 820_556), ("82만556원", 820_556), ("30만원", 300_000), ("30만 원", 300_000), ("5천원", 5_000),
        ("5천 원", 5_000), ("820,556원", 820_556), ("820,556 won", 820_556), ("KRW 820,556", 820_556),
        ("820,556韩元", 820_556), ("820.556 won", 820_556), ("1억 2천만 원", 120_000_000), ("1억 2000만 원", 120_000_000),
        ("2억 원", 200_000_000), ("3만 5천원", 35_000), ("0원", 0), ("349,700원", 349_700), ("34만 9700원", 349_700),
    ])
    func everyMoneyFormReducesToWon(text: String, won: Int) {
        #expect(QuantityScanner.scan("매달 \(text)을 받아요.") == [.won(won)])
    }

    @Test func percentagesAndDatesAndPlainNumbers() {
        #expect(QuantityScanner.scan("중위소득의 32% 이하예요") == [.percent(3200)])
        #expect(QuantityScanner.scan("4.17%만큼 올랐어요") == [.percent(417)])
        #expect(QuantityScanner.scan("50 퍼센트") == [.percent(5000)])
        #expect(QuantityScanner.scan("2026-06-01 기준") == [.date(20260601)])
        #expect(QuantityScanner.scan("2026년 6월 1일부터") == [.date(20260601)])
        #expect(QuantityScanner.scan("6월 1일부터") == [.date(601)])
        #expect(QuantityScanner.scan("만 65세 이상, 3명 가구") == [.number(65), .number(3)])
        #expect(QuantityScanner.scan("12개월 동안") == [.number(12)])
    }

    @Test func separateNumbersStaySeparate() {
        // Two groups without a 만/억 unit between them are two numbers, not one amount.
        #expect(QuantityScanner.scan("65 3명") == [.number(65), .number(3)])
        #expect(QuantityScanner.scan("1.5배") == [.number(2)])
    }
}
