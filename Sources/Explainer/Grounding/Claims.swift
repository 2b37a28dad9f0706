import Rules

/// What a clause says of a programme it names.
public enum Assertion: String, Sendable, Equatable, CaseIterable {
    /// "받을 수 있어요", "you can receive": true of an eligible programme.
    case receives
    /// "받기 어려워요", "not eligible": true of an ineligible one.
    case cannot
    /// "받을 수도 있어요", "may": a hedge, true only of an undetermined programme or an eligible one to check.
    case may
    /// "정보가 더 필요해요": true of an undetermined one.
    case needsInformation
    /// "신청해 보세요", "should apply": true of one the household may still get.
    case mustApply
    /// "자동으로 나와요", "automatically": the sheet never says so, so never entailed.
    case automatic
}

/// How often an amount is said to be paid.
public enum Period: String, Sendable, Equatable { case month, year, once }

/// A claim kind the fact sheet cannot back: refused whenever it appears (deny by default).
public enum UncheckableKind: String, Sendable, Equatable, CaseIterable {
    /// Advice to hide or under-report income or property.
    case concealment
    /// Promises about future changes to a programme or an amount.
    case futureChange
    /// Deadlines: the pack's apply data gives no dates, so none can be checked.
    case deadline
    /// The model talking about its instructions, prompt or fact sheet (an injection's echo).
    case instructionEcho
    /// Legal advice.
    case legalOrMedical
    /// Claims about other people or everyone, not this household.
    case otherPeople
    /// "Applies automatically", "no need to apply".
    case automatic
}

/// One statement read out of a sentence, checked on its own against the fact sheet.
public enum Claim: Sendable, Equatable {
    /// A status said of a named programme.
    case status(ProgramID, Assertion)
    /// A status said with no programme named ("받을 수 있어요"); universal: "nothing at all".
    case unnamedStatus(Assertion, universal: Bool)
    /// An amount paid: by the programmes named (empty: whichever the household gets).
    case payment(won: Int, period: Period?, approximate: Bool, programs: [ProgramID])
    /// An amount said to be a named quantity ("소득인정액 150만 원"), by the label's key word.
    case namedQuantity(label: String, won: Int, approximate: Bool, programs: [ProgramID])
    /// The first figure said to be above (or, `above` false, at most) the second.
    case comparison(first: Int, second: Int, above: Bool)
    /// Any other figure (a percentage, an age, a date, a threshold): it must be in the sheet.
    case figure(Quantity)
    /// A programme-like name the sheet does not hold (a near-name or an invented one).
    case unknownProgramme(String)
    /// "최종 결정은 행정복지센터에서 해요", "결과는 추정이에요": always true.
    case centreDecides
    /// "이 결과는 확정이에요" (negated: false, "확정이 아니에요": true).
    case finality(negated: Bool)
    /// Go (or, negated, do not go) to an office; the office word if one is named.
    case visit(office: String?, programs: [ProgramID], negated: Bool)
    /// Call (or not) a number; nil when none is given.
    case call(number: Int?, negated: Bool)
    /// A document said to be needed.
    case document(String, programs: [ProgramID])
    /// "서류는 필요 없어요".
    case noDocuments
    /// A kind refused whatever it says.
    case uncheckable(UncheckableKind)
}
