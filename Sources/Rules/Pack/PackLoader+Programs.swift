/// Programmes: conditions, amounts and notes compiled against the pack's names.
extension PackLoader {
    // MARK: - Programmes

    mutating func compileProgram(id: ProgramID, node: YAMLNode) -> ProgramSpec {
        var conditions: [Condition] = []
        let conditionNodes = node.required("conditions", in: "programme '\(id)'")?.sequence("conditions") ?? []
        if conditionNodes.count > 64 { node.error("a programme may have at most 64 conditions") }
        let owner = "programme '\(id)'"
        for (index, c) in conditionNodes.enumerated() {
            c.checkKeys(["when", "unmet"], "a condition")
            guard let when = c.required("when", in: "a condition") else { continue }
            let unmet = c.required("unmet", in: "a condition")?.localized("conditions[\(index)].unmet", of: owner, required: ["ko", "en"]) ?? LocalizedText([:])
            if let unmetNode = c["unmet"] { checkPlaceholders(unmet, node: unmetNode) }
            guard let program = compile(when, expected: .bool) else { continue }
            conditions.append(Condition(program: program, unmet: unmet, allFacts: allFacts(program),
                                        location: "\(node.file):\(when.node.mark?.line ?? 0)"))
        }
        var monthly: Program?, oneTime: Program?
        if let amount = node["amount"] {
            amount.checkKeys(["monthly", "one_time"], "amount")
            if let m = amount["monthly"] { monthly = compile(m, expected: .won) }
            if let o = amount["one_time"] { oneTime = compile(o, expected: .won) }
        }
        var notes: [Note] = []
        for (index, n) in (node["notes"]?.sequence("notes") ?? []).enumerated() {
            n.checkKeys(["text", "when"], "a note")
            let text = n.required("text", in: "a note")?.localized("notes[\(index)].text", of: owner, required: ["ko", "en"]) ?? LocalizedText([:])
            notes.append(Note(text: text, when: n["when"].flatMap { compile($0, expected: .bool) }))
        }
        var referrals: [Referral] = []
        let referralNodes = node["refer_to_staff"]?.sequence("refer_to_staff") ?? []
        if referralNodes.count > 64 { node.error("a programme may have at most 64 refer_to_staff cases") }
        for (index, r) in referralNodes.enumerated() {
            r.checkKeys(["when", "reason"], "a refer_to_staff case")
            guard let when = r.required("when", in: "a refer_to_staff case") else { continue }
            let reason = r.required("reason", in: "a refer_to_staff case")?.localized("refer_to_staff[\(index)].reason", of: owner) ?? LocalizedText([:])
            if let reasonNode = r["reason"] { checkPlaceholders(reason, node: reasonNode) }
            guard let program = compile(when, expected: .bool) else { continue }
            referrals.append(Referral(program: program, reason: reason, allFacts: allFacts(program)))
        }
        let apply = node.required("apply", in: "programme '\(id)'")
        apply?.checkKeys(["office", "documents", "phone", "url", "when"], "apply")
        let applyInfo = ApplyInfo(office: apply?["office"]?.localized("apply.office", of: owner) ?? LocalizedText([:]),
                                  documents: (apply?["documents"]?.sequence("documents") ?? []).enumerated().map { $1.localized("apply.documents[\($0)]", of: owner, required: ["ko"]) },
                                  phone: apply?["phone"]?.string ?? "", url: apply?["url"]?.string ?? "",
                                  when: apply?["when"]?.localized("apply.when", of: owner))
        var spec = ProgramSpec(id: id, name: node.required("name", in: "programme '\(id)'")?.localized("name", of: owner) ?? LocalizedText([:]),
                               category: node.requiredString("category", in: "programme '\(id)'"),
                               description: node.required("description", in: "programme '\(id)'")?.localized("description", of: owner) ?? LocalizedText([:]),
                               apply: applyInfo, sources: (node["sources"]?.sequence("sources") ?? []).compactMap(\.string),
                               conditions: conditions, monthly: monthly, oneTime: oneTime, notes: notes, referrals: referrals)
        if spec.sources.isEmpty { node.error("programme '\(id)' needs 'sources'") }
        // Definitions reached from the conditions and amounts, in evaluation order.
        var used = Set<Int>()
        var params = ParameterMask()
        let programs = conditions.map(\.program) + [monthly, oneTime].compactMap { $0 } + notes.compactMap(\.when) + referrals.map(\.program)
        func reach(_ d: Int) {
            guard used.insert(d).inserted else { return }
            params = params | definitions[d].allParameters
            for dep in definitions[d].program.definitions { reach(dep) }
        }
        for p in programs {
            params = params | p.parameters
            for d in p.definitions { reach(d) }
        }
        spec.definitions = used.sorted()
        spec.allParameters = params
        spec.amountFacts = [monthly, oneTime].compactMap { $0 }.reduce(FactMask()) { $0 | allFacts($1) }
        return spec
    }

    /// `not_with`, read from each programme and given to both sides of each pair: a pair named
    /// twice, a programme the pack lacks or a programme excluding itself is an error.
    func exclusions(_ nodes: [(ProgramID, YAMLNode)], _ programs: [ProgramSpec]) -> [ProgramSpec] {
        var programs = programs
        let index = Dictionary(uniqueKeysWithValues: programs.enumerated().map { ($1.id, $0) })
        var seen = Set<[ProgramID]>()
        for (id, node) in nodes {
            let owner = "programme '\(id)'"
            for (n, entry) in (node["not_with"]?.sequence("not_with") ?? []).enumerated() {
                entry.checkKeys(["program", "reason", "source"], "a not_with entry")
                let other = ProgramID(entry.requiredString("program", in: "a not_with entry"))
                let reason = entry.required("reason", in: "a not_with entry")?.localized("not_with[\(n)].reason", of: owner) ?? LocalizedText([:])
                let source = entry.requiredString("source", in: "a not_with entry")
                guard let a = index[id], let b = index[other] else {
                    let hint = Suggest.closest(to: other.rawValue, in: programs.map(\.id.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                    entry["program"]?.error("not_with names '\(other)', which is not a programme of this pack\(hint)")
                    continue
                }
                if a == b { entry["program"]?.error("a programme cannot exclude itself"); continue }
                guard seen.insert([id, other].sorted()).inserted else {
                    entry["program"]?.error("'\(id)' and '\(other)' are already declared as not received together")
                    continue
                }
                programs[a].notWith.append(Exclusion(program: other, reason: reason, source: source))
                programs[b].notWith.append(Exclusion(program: id, reason: reason, source: source))
            }
        }
        return programs
    }

    func allFacts(_ program: Program) -> FactMask {
        program.definitions.reduce(program.facts) { $0 | definitions[$1].allFacts }
    }

    /// `{name}` placeholders in an unmet text must name a definition, a fact or a scalar parameter.
    func checkPlaceholders(_ text: LocalizedText, node: YAMLNode) {
        for (_, value) in text.values {
            for name in Placeholders.names(in: value) {
                let known = scope.definitions[name] != nil || scope.facts[name] != nil || (scope.parameters[name].map { !$0.isTable } ?? false)
                if !known {
                    let hint = Suggest.closest(to: name, in: scope.allNames).map { " (did you mean '\($0)'?)" } ?? ""
                    node.error("unknown name '{\(name)}' in an unmet text\(hint)")
                }
            }
        }
    }
}

/// `{name}` placeholders inside texts.
enum Placeholders {
    static func names(in text: String) -> [String] {
        var names: [String] = []
        var current: String?
        for c in text {
            if c == "{" { current = "" } else if c == "}", let n = current { names.append(n); current = nil } else if current != nil { current!.append(c) }
        }
        return names
    }
}

extension Program {
    /// The same program with definition slots moved to their evaluation-order positions.
    func renumbered(_ map: [Int]) -> Program {
        Program(source: source, ops: ops.map { $0.renumbered(map) }, type: type, stackDepth: stackDepth, facts: facts,
                definitions: definitions.map { map[$0] }, parameters: parameters,
                tableReads: tableReads.map { ($0.parameter, $0.index.map { $0.renumbered(map) }) })
    }
}

extension Op {
    func renumbered(_ map: [Int]) -> Op {
        if case .definition(let i) = self { return .definition(map[i]) }
        return self
    }
}
