import Rules

/// What a citizen said to one question: a value, or "잘 모르겠어요".
///
/// Unknown is an answer of its own, not a missing one: the fact stays unknown to the rules
/// (never zero), and the planner does not ask it again.
public enum Answer: Sendable, Equatable {
    case known(FactValue)
    case unknown

    public var value: FactValue? {
        if case .known(let v) = self { v } else { nil }
    }
}

/// How a question is answered on screen, from the fact's type and unit in the pack.
public enum AnswerKind: Sendable, Equatable {
    /// 예 / 아니요.
    case yesNo
    /// An amount of money, typed in 만원 (10,000 won) and echoed in words ("150만 원").
    case amount
    /// A duration typed as years and months (시흥 거주 기간), stored in months.
    case duration
    /// A whole number within `range` (가구원 수).
    case number(ClosedRange<Int>)
    /// An age in full years within `range` (나이): a number with its own "too old" message.
    case age(ClosedRange<Int>)
    /// Children added one by one, each as an age in years and months.
    case children
    /// One of the pack's values (국적, 체류 자격), each shown by its label in the citizen's language.
    case choice([String])

    init(_ spec: FactSpec) {
        if spec.isEnum { self = .choice(spec.values); return }
        switch spec.type {
        case .list: self = .children
        case .scalar(.bool): self = .yesNo
        case .scalar(.won): self = .amount
        case .scalar(.months): self = .duration
        case .scalar(.years): self = .age(Int(spec.minimum)...min(AnswerLimits.oldestAge, AnswerLimits.int(spec.maximum)))
        default: self = .number(Int(spec.minimum)...AnswerLimits.int(spec.maximum))
        }
    }
}

/// The limits the kiosk adds to the pack's, on input a person types.
///
/// Why: the pack's ranges are the rules' domain (an age up to 150, amounts without end) so that
/// `eval` never refuses a real household. A person at a touch screen who types 140 for an age, or
/// ten digits of 만원, has made a typing mistake, and is better told so than shown results for it.
public enum AnswerLimits {
    /// The oldest age the kiosk accepts; the oldest verified person lived to 122.
    public static let oldestAge = 120
    /// 만원 the kiosk accepts for one amount: 1,000억 원, far above any welfare threshold.
    public static let largestAmountInManWon = 10_000_000
    /// Whole years accepted in a duration or a child's age.
    public static let largestYears = 150

    static func int(_ value: Double) -> Int {
        value.isFinite ? Int(value) : Int.max
    }
}

/// A child's age as a citizen gives it: full years and months (아이 나이: 2년 3개월).
///
/// Why years and months: parents know "두 살 석 달", not "27개월"; programmes draw lines in
/// months below 2 years (부모급여, 첫만남이용권) and in years above. Stored as months.
public struct ChildAge: Sendable, Equatable {
    public let years: Int
    public let months: Int

    public init(years: Int, months: Int) {
        self.years = years
        self.months = months
    }

    public init(totalMonths: Int) {
        self.init(years: totalMonths / 12, months: totalMonths % 12)
    }

    public var totalMonths: Int { years * 12 + months }
}
