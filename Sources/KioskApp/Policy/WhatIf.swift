import Rules

extension RuleBook {
    /// The book with one parameter tried at another value in every pack that has it (kr-culture
    /// borrows kr-welfare's), for the policy browser's "what if". The packs on disk, and every
    /// session sharing this book, are untouched: the copy is dropped when the screen is left.
    public func overriding(_ override: ParameterOverride) throws(ParameterOverrideError) -> RuleBook {
        var packs: [RulePack] = []
        var found = false
        for pack in self.packs {
            if pack.parameter(named: override.parameter) != nil {
                packs.append(try pack.overriding(override))
                found = true
            } else {
                packs.append(pack)
            }
        }
        guard found else {
            throw ParameterOverrideError(parameter: override.parameter, message: "not a parameter of any configured pack")
        }
        return RuleBook(packs: packs, day: day)
    }
}

/// Which personas a parameter change moves, programme by programme: the persona × programme
/// table of the policy browser, before → after.
public struct WhatIfComparison: Sendable {
    public struct Change: Sendable, Equatable {
        public let persona: String
        public let pack: Int
        public let program: ProgramID
        public let before: Status
        public let after: Status
    }

    public let override: ParameterOverride
    /// Every status that differs, persona by persona in file order, then by programme.
    public let changes: [Change]
    /// Personas whose every status stayed as it was.
    public let unchanged: [String]

    /// Evaluates every persona on the book's day with and without the override.
    public init(book: RuleBook, personas: [Persona], override: ParameterOverride) throws(ParameterOverrideError) {
        let tried = try book.overriding(override)
        var changes: [Change] = []
        var unchanged: [String] = []
        for persona in personas {
            let before = book.evaluate(persona.facts)
            let after = tried.evaluate(persona.facts)
            var moved = false
            for (pack, (old, new)) in zip(before, after).enumerated() {
                for (a, b) in zip(old.programs, new.programs) where a.status != b.status {
                    changes.append(Change(persona: persona.id, pack: pack, program: a.id, before: a.status, after: b.status))
                    moved = true
                }
            }
            if !moved { unchanged.append(persona.id) }
        }
        self.override = override
        self.changes = changes
        self.unchanged = unchanged
    }
}
