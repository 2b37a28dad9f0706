import Rules

/// Input a citizen typed that cannot be an answer: why, in a locale key, and what they typed so
/// the screen can show it again for correction (WCAG 3.3.1, 3.3.3).
public struct Rejection: Error, Sendable, Equatable {
    public let fact: FactKey
    /// The text as typed, kept so the field is not emptied under the citizen's fingers.
    public let input: String
    /// A key in `locales/*.toml`, under `session.invalid`.
    public let messageKey: String
    /// Values for the message's `{placeholders}`, as plain digits.
    public let placeholders: [String: String]
}

/// Turns typed text into a fact value, checking it against the question's kind.
///
/// Pure: the screens call it through `Session`, and tests call it with plain strings.
public enum AnswerInput {
    /// A whole number of 만원 (10,000 won), with up to four decimals ("12.5" is 125,000 won); commas
    /// and spaces are ignored, a "만원" or "만" typed after the number too.
    public static func amount(_ text: String, fact: FactKey) -> Result<FactValue, Rejection> {
        func reject(_ key: String, _ placeholders: [String: String] = [:]) -> Result<FactValue, Rejection> {
            .failure(Rejection(fact: fact, input: text, messageKey: "session.invalid." + key, placeholders: placeholders))
        }
        var body = text.filter { $0 != "," && !$0.isWhitespace }
        for suffix in ["만원", "만"] where body.hasSuffix(suffix) { body.removeLast(suffix.count) }
        guard !body.isEmpty else { return reject("empty") }
        if body.hasPrefix("-") { return reject("negative") }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), !parts[0].isEmpty || parts.count == 2,
              parts.count == 1 || (!parts[1].isEmpty && parts[1].count <= 4)
        else { return reject(parts.count == 2 && parts[1].count > 4 ? "amount_precision" : "not_a_number") }
        let whole = parts[0].drop { $0 == "0" }
        guard whole.count <= 8, let man = Int(whole.isEmpty ? "0" : String(whole)), man <= AnswerLimits.largestAmountInManWon else {
            return reject("amount_too_large", ["max": String(AnswerLimits.largestAmountInManWon)])
        }
        let fraction = parts.count == 2 ? Int(parts[1].padding(toLength: 4, withPad: "0", startingAt: 0))! : 0
        return .success(.number(man * 10_000 + fraction))
    }

    /// The amount typed so far, for echoing it in words while the citizen types ("150" → 150만 원);
    /// nil while the text is not a valid amount.
    public static func preview(_ text: String) -> Won? {
        if case .success(.number(let won)) = amount(text, fact: "amount") { Won(won) } else { nil }
    }

    /// A whole number within `range`; `isAge` words the "too large" message for an age.
    public static func number(_ text: String, in range: ClosedRange<Int>, fact: FactKey, isAge: Bool = false) -> Result<FactValue, Rejection> {
        switch wholeNumber(text, fact: fact) {
        case .failure(let rejection): return .failure(rejection)
        case .success(let n):
            let reject = { (key: String, placeholders: [String: String]) in
                Result<FactValue, Rejection>.failure(
                    Rejection(fact: fact, input: text, messageKey: "session.invalid." + key, placeholders: placeholders))
            }
            if n < range.lowerBound { return reject("too_small", ["min": String(range.lowerBound)]) }
            if n > range.upperBound {
                return reject(isAge ? "age_too_large" : "too_large", ["max": String(range.upperBound)])
            }
            return .success(.number(n))
        }
    }

    /// Years and months (months 0–11; either may be left empty for 0), as total months.
    public static func duration(years: String, months: String, fact: FactKey) -> Result<ChildAge, Rejection> {
        let typed = years + " " + months
        func reject(_ key: String, _ placeholders: [String: String] = [:]) -> Result<ChildAge, Rejection> {
            .failure(Rejection(fact: fact, input: typed, messageKey: "session.invalid." + key, placeholders: placeholders))
        }
        let y = years.trimmingWhitespace, m = months.trimmingWhitespace
        guard !y.isEmpty || !m.isEmpty else { return reject("empty") }
        var values: [Int] = []
        for part in [y, m] {
            if part.isEmpty { values.append(0); continue }
            switch wholeNumber(part, fact: fact) {
            case .success(let n): values.append(n)
            case .failure(let r): return reject(String(r.messageKey.dropFirst("session.invalid.".count)))
            }
        }
        if values[1] > 11 { return reject("months_range") }
        if values[0] > AnswerLimits.largestYears { return reject("years_too_large", ["max": String(AnswerLimits.largestYears)]) }
        return .success(ChildAge(years: values[0], months: values[1]))
    }

    private static func wholeNumber(_ text: String, fact: FactKey) -> Result<Int, Rejection> {
        let body = text.filter { $0 != "," && !$0.isWhitespace }
        func reject(_ key: String) -> Result<Int, Rejection> {
            .failure(Rejection(fact: fact, input: text, messageKey: "session.invalid." + key, placeholders: [:]))
        }
        guard !body.isEmpty else { return reject("empty") }
        if body.hasPrefix("-"), body.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), body.count > 1 { return reject("negative") }
        guard body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return reject("not_a_number") }
        let digits = body.drop { $0 == "0" }
        // Past nine digits the number is far beyond every range; say "too large", never overflow.
        return .success(digits.count > 9 ? Int.max : Int(digits.isEmpty ? "0" : String(digits))!)
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
