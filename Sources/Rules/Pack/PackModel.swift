/// One fact the kiosk can ask about, from the pack's vocabulary.
public struct FactSpec: Sendable {
    public let key: FactKey
    public let type: ValueType
    /// Inclusive bounds: an unknown fact ranges over them (an unknown household size is ≥ 1).
    public let minimum: Double
    public let maximum: Double
    public let topic: String
    public let label: LocalizedText
    public let question: LocalizedText
    /// Position in the pack's topic order, which breaks ties when choosing the next question.
    public let order: Int
    /// An enum fact's values in order (empty for other facts). Inside the engine a value is its
    /// position, so an unknown enum ranges over every value and a condition is decided only
    /// when all of them agree.
    public let values: [String]
    /// Each value's words for the kiosk, by value.
    public let valueLabels: [String: LocalizedText]

    public var isEnum: Bool { !values.isEmpty }

    public func position(of value: String) -> Int? { values.firstIndex(of: value) }

    public var isList: Bool { if case .list = type { true } else { false } }
    public var isBool: Bool { type == .scalar(.bool) }
    var unknownInterval: Interval { isBool ? .unknownBool : Interval(minimum, maximum) }
}

extension FactSpec {
    /// Why `n` cannot be this fact's value (for a list fact: one element's), or nil when it can.
    /// Every way facts come in (`eval`'s JSON, the pack's tests, the personas, the kiosk's own
    /// answers) asks here, so an amount above the contract's bound is refused the same everywhere.
    public func problem(with n: Int) -> String? {
        let isAmount = type == .scalar(.won)
        if n < 0 { return isAmount ? "a negative amount (\(n)) is not allowed" : "must not be negative (\(n))" }
        if isAmount, n > Won.largestFact.value {
            return "an amount above 10,000,000,000,000 won (10조) is not allowed, got \(n)"
        }
        if Double(n) < minimum { return "must be at least \(minimum.clampedInt), got \(n)" }
        if Double(n) > maximum { return "must be at most \(maximum.clampedInt), got \(n)" }
        return nil
    }
}

/// A named intermediate value (소득평가액, 소득인정액, a threshold), evaluated once per household.
struct Definition: Sendable {
    let name: String
    let label: LocalizedText
    let program: Program
    let notes: [LocalizedText]
    /// Every fact it reads, through other definitions too.
    var allFacts = FactMask()
    var allParameters = ParameterMask()
}

/// One condition of a programme, with the words shown when it fails.
struct Condition: Sendable {
    let program: Program
    let unmet: LocalizedText
    var allFacts = FactMask()
    let location: String
}

/// A case the kiosk must hand to the centre (`refer_to_staff`): a rule the reference marks [U]
/// for this household, which no fact the kiosk asks can settle.
struct Referral: Sendable {
    let program: Program
    let reason: LocalizedText
    var allFacts = FactMask()
}

/// A remark attached to a programme's result, shown when its condition holds or is unknown.
struct Note: Sendable {
    let text: LocalizedText
    let when: Program?
}

/// Another programme of the pack that cannot be received together with this one, why (in the
/// citizen's words) and the source that says so. Declared on either programme; the loader
/// gives it to both.
public struct Exclusion: Sendable, Equatable {
    public let program: ProgramID
    public let reason: LocalizedText
    public let source: String
}

/// How and where a citizen applies.
public struct ApplyInfo: Sendable {
    public let office: LocalizedText
    public let documents: [LocalizedText]
    public let phone: String
    public let url: String
    /// When to apply and from when it is paid, in the citizen's words; nil where the pack has
    /// no sourced answer (the centre is named instead).
    public var when: LocalizedText? = nil
}

/// A welfare programme as the pack describes it.
public struct ProgramSpec: Sendable {
    public let id: ProgramID
    public let name: LocalizedText
    public let category: String
    public let description: LocalizedText
    public let apply: ApplyInfo
    public let sources: [String]
    let conditions: [Condition]
    let monthly: Program?
    let oneTime: Program?
    let notes: [Note]
    let referrals: [Referral]
    /// The programmes a household receives instead of this one, never with it.
    public internal(set) var notWith: [Exclusion] = []
    /// Every fact its amounts read, through the definitions they use.
    var amountFacts = FactMask()
    /// Definitions it depends on, in evaluation order.
    var definitions: [Int] = []
    var allParameters = ParameterMask()
}

/// Where a pack's rules apply in time.
public struct Coverage: Sendable {
    public let from: Day
    public let to: Day
    public func contains(_ day: Day) -> Bool { from <= day && day <= to }
}
