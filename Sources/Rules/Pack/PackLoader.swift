import Foundation
import Yams

/// Reads a pack folder, checks every expression and compiles it. Errors are collected, not
/// thrown one at a time, so a pack author sees every mistake in one run of `rules check`.
struct PackLoader {
    let diagnostics = Diagnostics()
    var facts: [FactSpec] = []
    var parameters: [Parameter] = []
    var definitions: [Definition] = []
    var definitionSources: [(name: String, unit: Unit, label: LocalizedText, notes: [LocalizedText], node: YAMLNode)] = []
    var aggregates: [Aggregate] = []
    var scope = Scope()
    var topics: [String] = []

    static let reservedFiles: Set<String> = ["pack.yaml", "facts.yaml", "definitions.yaml"]

    static func load(directory: String) throws(PackLoadError) -> RulePack {
        var loader = PackLoader()
        let pack = loader.loadPack(directory: directory)
        if !loader.diagnostics.items.isEmpty || pack == nil {
            throw PackLoadError(diagnostics: loader.diagnostics.items.isEmpty
                ? [PackDiagnostic(file: directory, line: 1, column: 1, message: "not a rule pack")] : loader.diagnostics.items,
                textGaps: loader.diagnostics.textGaps)
        }
        return pack!
    }

    private func display(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private func read(_ path: String) -> YAMLNode? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            diagnostics.items.append(PackDiagnostic(file: path, line: 1, column: 1, message: "cannot read this file (is it there, and UTF-8?)"))
            return nil
        }
        do {
            // The basic resolver keeps every scalar as text: the pack parses its own numbers, dates and
            // booleans (exactly, with positions), and skipping YAML's regex tag resolution halves load time.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                diagnostics.items.append(PackDiagnostic(file: path, line: 1, column: 1, message: "the file is empty"))
                return nil
            }
            diagnostics.sources[path] = text
            return YAMLNode(file: path, node: node, diagnostics: diagnostics)
        } catch let error as YamlError {
            var line = 1, column = 1
            var problem = "\(error)".split(separator: "\n").first.map(String.init) ?? ""
            if case .parser(_, let p, let mark, _) = error { line = mark.line; column = mark.column; problem = p }
            if case .scanner(_, let p, let mark, _) = error { line = mark.line; column = mark.column; problem = p }
            diagnostics.items.append(PackDiagnostic(file: path, line: line, column: column, message: "not valid YAML: \(problem)"))
            return nil
        } catch {
            diagnostics.items.append(PackDiagnostic(file: path, line: 1, column: 1, message: "not valid YAML: \(error)"))
            return nil
        }
    }

    private mutating func loadPack(directory: String) -> RulePack? {
        let packPath = display(directory, "pack.yaml")
        guard FileManager.default.fileExists(atPath: packPath) else {
            diagnostics.items.append(PackDiagnostic(file: packPath, line: 1, column: 1,
                message: "no pack.yaml here: --rules must name a rule-pack folder such as rules/kr-welfare"))
            return nil
        }
        guard let pack = read(packPath) else { return nil }
        pack.checkKeys(["id", "version", "name", "covers", "topics", "imports"], "pack.yaml")
        let id = pack.requiredString("id", in: "pack.yaml")
        let version = pack.requiredString("version", in: "pack.yaml")
        let name = pack["name"]?.localized("name", of: "pack.yaml") ?? LocalizedText([:])
        var coverage = Coverage(from: Day("2025-01-01")!, to: Day("2025-01-01")!)
        if let covers = pack.required("covers", in: "pack.yaml") {
            covers.checkKeys(["from", "to"], "covers")
            let from = covers["from"]?.day, to = covers["to"]?.day
            if from == nil || to == nil || from! > to! {
                covers.error("covers needs 'from' and 'to' dates (YYYY-MM-DD), from before to")
            } else {
                coverage = Coverage(from: from!, to: to!)
            }
        }
        topics = pack.required("topics", in: "pack.yaml")?.sequence("topics").compactMap(\.string) ?? []

        // Imported packs lend their facts, parameters and definitions, never their programmes.
        var sourceDirectories: [String] = []
        for imported in pack["imports"]?.sequence("imports") ?? [] {
            guard let rel = imported.string else { imported.error("an import must be a folder name"); continue }
            let path = rel.hasPrefix("/") ? rel : display(directory, rel)
            if !FileManager.default.fileExists(atPath: display(path, "pack.yaml")) {
                imported.error("imported pack '\(rel)' has no pack.yaml")
                continue
            }
            sourceDirectories.append(path)
        }
        sourceDirectories.append(directory)

        var factNodes: [YAMLNode] = []
        var parameterFiles: [YAMLNode] = []
        var definitionFiles: [YAMLNode] = []
        var programFiles: [(String, YAMLNode)] = []
        for dir in sourceDirectories {
            let isImport = dir != directory
            if FileManager.default.fileExists(atPath: display(dir, "facts.yaml")), let f = read(display(dir, "facts.yaml")) { factNodes.append(f) }
            if FileManager.default.fileExists(atPath: display(dir, "definitions.yaml")), let d = read(display(dir, "definitions.yaml")) { definitionFiles.append(d) }
            let paramDir = display(dir, "parameters")
            for file in yamlFiles(in: paramDir) { if let p = read(display(paramDir, file)) { parameterFiles.append(p) } }
            if !isImport {
                for file in yamlFiles(in: dir) where !PackLoader.reservedFiles.contains(file) {
                    if let p = read(display(dir, file)) { programFiles.append((String(file.dropLast(5)), p)) }
                }
            }
        }
        if factNodes.isEmpty {
            diagnostics.items.append(PackDiagnostic(file: display(directory, "facts.yaml"), line: 1, column: 1,
                message: "the pack has no fact vocabulary: add facts.yaml or import a pack that has one"))
        }
        loadFacts(factNodes)
        for file in parameterFiles { loadParameters(file, coverage: coverage) }
        for file in definitionFiles { collectDefinitions(file["definitions"] ?? file, owner: "definitions") }
        var programNodes: [(ProgramID, YAMLNode)] = []
        for (fileID, node) in programFiles.sorted(by: { $0.0 < $1.0 }) {
            node.checkKeys(["id", "name", "category", "description", "conditions", "amount", "notes", "apply", "sources", "definitions", "refer_to_staff", "not_with"], "a programme")
            let id = node.requiredString("id", in: "a programme")
            if id != fileID { node["id"]?.error("the id '\(id)' must match the file name '\(fileID).yaml'") }
            if let defs = node["definitions"] { collectDefinitions(defs, owner: fileID) }
            programNodes.append((ProgramID(fileID), node))
        }
        compileDefinitions()
        let programs = exclusions(programNodes, programNodes.map { compileProgram(id: $0.0, node: $0.1) })
        return RulePack(id: id, version: version, name: name, coverage: coverage, topics: topics, facts: facts,
                        parameters: parameters, definitions: definitions, programs: programs, aggregates: aggregates,
                        textGaps: diagnostics.textGaps)
    }

    private func yamlFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    // MARK: - Facts

    private mutating func loadFacts(_ files: [YAMLNode]) {
        var raw: [(key: String, spec: YAMLNode, topicRank: Int, fileOrder: Int)] = []
        for file in files {
            for entry in (file["facts"] ?? file).mapping("facts") {
                if raw.contains(where: { $0.key == entry.key }) { continue }
                let topic = entry.value["topic"]?.string ?? ""
                let rank = topics.firstIndex(of: topic) ?? {
                    let hint = Suggest.closest(to: topic, in: topics).map { " (did you mean '\($0)'?)" } ?? ""
                    (entry.value["topic"] ?? entry.value).error("unknown topic '\(topic)' for fact '\(entry.key)'\(hint); topics are listed in pack.yaml")
                    return topics.count
                }()
                raw.append((entry.key, entry.value, rank, raw.count))
            }
        }
        raw.sort { ($0.topicRank, $0.fileOrder) < ($1.topicRank, $1.fileOrder) }
        if raw.count > 64 { files.first?.error("a pack may declare at most 64 facts") }
        for (i, item) in raw.prefix(64).enumerated() {
            let spec = item.spec
            spec.checkKeys(["type", "unit", "min", "max", "topic", "label", "question", "values", "value_labels"], "fact '\(item.key)'")
            let typeName = spec.requiredString("type", in: "fact '\(item.key)'")
            let unitName = spec["unit"]?.string
            var type: ValueType = .scalar(.number)
            var values: [String] = []
            var valueLabels: [String: LocalizedText] = [:]
            switch typeName {
            case "bool": type = .scalar(.bool)
            case "int", "list":
                guard let unitName, let unit = Unit(rawValue: unitName), unit != .bool, unit != .number else {
                    (spec["unit"] ?? spec).error("fact '\(item.key)' needs a unit: won, months, years, count or ratio")
                    break
                }
                type = typeName == "int" ? .scalar(unit) : .list(unit)
            case "enum":
                (values, valueLabels) = enumValues(spec, key: item.key)
                // The value's position: a count the rules never do arithmetic on (the compiler refuses it).
                type = .scalar(.count)
            default:
                (spec["type"] ?? spec).error("fact type must be bool, int, list or enum, not '\(typeName)'")
            }
            if typeName != "enum", spec["values"] != nil || spec["value_labels"] != nil {
                (spec["values"] ?? spec["value_labels"]!).error("only an enum fact has 'values' and 'value_labels'")
            }
            let isBounded = type == .scalar(.bool) || !values.isEmpty
            let minimum = isBounded ? 0 : spec["min"]?.string.flatMap(Double.init) ?? 0
            let maximum = type == .scalar(.bool) ? 1 : !values.isEmpty ? Double(values.count - 1) : spec["max"]?.string.flatMap(Double.init) ?? .infinity
            facts.append(FactSpec(key: FactKey(item.key), type: type, minimum: minimum,
                                  maximum: maximum, topic: spec["topic"]?.string ?? "",
                                  label: spec["label"]?.localized("label", of: "fact '\(item.key)'") ?? LocalizedText([:]),
                                  question: spec.required("question", in: "fact '\(item.key)'")?.localized("question", of: "fact '\(item.key)'") ?? LocalizedText([:]),
                                  order: i, values: values, valueLabels: valueLabels))
            if !values.isEmpty { scope.enumValues[item.key] = values }
            scope.facts[item.key] = (i, type)
        }
    }

    /// An enum fact's `values` (at least two, distinct, lower-case names) and a label for each
    /// in every language, so no screen ever shows a bare value name.
    private func enumValues(_ spec: YAMLNode, key: String) -> ([String], [String: LocalizedText]) {
        guard let list = spec.required("values", in: "enum fact '\(key)'") else { return ([], [:]) }
        var values: [String] = []
        for item in list.sequence("values") {
            guard let v = item.string, !v.isEmpty, v.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }) else {
                item.error("an enum value is a lower-case name such as korean or marriage_migrant")
                continue
            }
            if values.contains(v) { item.error("value '\(v)' is listed twice") } else { values.append(v) }
        }
        if values.count < 2 { list.error("enum fact '\(key)' needs at least two values") }
        var labels: [String: LocalizedText] = [:]
        if let node = spec.required("value_labels", in: "enum fact '\(key)'") {
            for entry in node.mapping("value_labels") {
                guard values.contains(entry.key) else {
                    let hint = Suggest.closest(to: entry.key, in: values).map { " (did you mean '\($0)'?)" } ?? ""
                    entry.keyNode.error("'\(entry.key)' is not a value of '\(key)'\(hint)")
                    continue
                }
                labels[entry.key] = entry.value.localized("value_labels.\(entry.key)", of: "fact '\(key)'")
            }
            for v in values where labels[v] == nil { node.error("value '\(v)' of '\(key)' needs a label in value_labels") }
        }
        return (values, labels)
    }

    // MARK: - Parameters

    /// Parses a decimal written in the pack (`2564238`, `0.32`, `4.17%`) exactly.
    private func decimal(_ node: YAMLNode) -> (value: Double, scale: Double)? {
        guard let text = node.string else { return nil }
        if text == "unknown" { return (.nan, 1) }
        guard let tokens = try? Lexer.tokenize(text), tokens.count == 2, case .number(let m, let s) = tokens[0].kind else { return nil }
        return (m / s, s)
    }

    private mutating func loadParameters(_ file: YAMLNode, coverage: Coverage) {
        for entry in file.mapping("parameters") {
            let name = entry.key, spec = entry.value
            let what = "parameter '\(name)'"
            spec.checkKeys(["unit", "label", "table", "beyond", "beyond_mark", "confirmed_through", "series"], what)
            if scope.parameters[name] != nil || scope.facts[name] != nil {
                entry.keyNode.error("'\(name)' is declared twice")
                continue
            }
            let unitName = spec.requiredString("unit", in: what)
            let unit = Unit(rawValue: unitName) ?? {
                (spec["unit"] ?? spec).error("unknown unit '\(unitName)'; use won, months, years, count, ratio or bool")
                return .number
            }()
            let isTable = spec["table"] != nil
            if let t = spec["table"], t.string != "household_size" && t.string != "count" {
                t.error("a table is indexed by 'household_size' or by another 'count' (cells for 1, 2, 3, …)")
            }
            let beyond = TableBeyond(rawValue: spec["beyond"]?.string ?? "none") ?? {
                spec["beyond"]?.error("'beyond' is linear, last or none")
                return .none
            }()
            let beyondMark = Mark(rawValue: spec["beyond_mark"]?.string ?? "V") ?? .unconfirmed
            var confirmed: Day?
            if let c = spec["confirmed_through"] {
                confirmed = c.day
                if confirmed == nil { c.error("confirmed_through must be a date YYYY-MM-DD") }
            }
            var scale = 1.0
            var entries: [Parameter.Entry] = []
            for item in spec.required("series", in: what)?.sequence("series") ?? [] {
                item.checkKeys(["from", "value", "values", "mark", "marks", "source", "note"], "a series entry of \(name)")
                guard let from = item["from"]?.day else { item.error("a series entry of \(name) needs 'from: YYYY-MM-DD'"); continue }
                if let last = entries.last, last.from >= from { item["from"]?.error("series dates of \(name) must increase") }
                let mark = Mark(rawValue: item["mark"]?.string ?? "") ?? {
                    item.error("a series entry of \(name) needs 'mark: V', 'S' or 'U'")
                    return .unconfirmed
                }()
                var values: [Double] = []
                if isTable {
                    for cell in item.required("values", in: "a table entry of \(name)")?.sequence("values") ?? [] {
                        guard let d = decimal(cell) else { cell.error("not a number: '\(cell.string ?? "")'"); continue }
                        values.append(d.value)
                        scale = max(scale, d.scale)
                    }
                } else if let v = item.required("value", in: "a series entry of \(name)") {
                    if let d = decimal(v) { values = [d.value]; scale = max(scale, d.scale) } else if unit == .bool, let b = v.string, b == "true" || b == "false" {
                        values = [b == "true" ? 1 : 0]
                    } else { v.error("not a number: '\(v.string ?? "")'") }
                }
                var marks = Array(repeating: mark, count: values.count)
                for m in item["marks"]?.mapping("marks") ?? [] {
                    guard let size = Int(m.key), (1...values.count).contains(size), let cellMark = m.value.string.flatMap(Mark.init) else {
                        m.keyNode.error("marks are 'size: V|S|U' for a household size in the table")
                        continue
                    }
                    marks[size - 1] = cellMark
                }
                for (i, v) in values.enumerated() where v.isNaN { marks[i] = .unconfirmed }
                entries.append(.init(from: from, values: values, marks: marks, source: item.requiredString("source", in: "a series entry of \(name)"),
                                     note: item["note"]?.string))
            }
            if let first = entries.first, first.from > coverage.from {
                spec.error("\(what) has no value for \(coverage.from)..\(first.from) though the pack covers from \(coverage.from)")
            } else if entries.isEmpty {
                spec.error("\(what) has no values")
            }
            if parameters.count >= 128 { spec.error("a pack may declare at most 128 parameters"); continue }
            scope.parameters[name] = .init(index: parameters.count, unit: unit, isTable: isTable, scale: scale)
            parameters.append(Parameter(name: name, unit: unit, label: spec["label"]?.localized("label", of: what, required: ["ko"], wanted: ["ko"]) ?? LocalizedText([:]),
                                        isTable: isTable, beyond: beyond, beyondMark: beyondMark, confirmedThrough: confirmed,
                                        scale: scale, entries: entries))
        }
    }

    // MARK: - Definitions

    private mutating func collectDefinitions(_ node: YAMLNode, owner: String) {
        for entry in node.mapping("definitions") {
            let what = "definition '\(entry.key)'"
            entry.value.checkKeys(["unit", "label", "value", "notes"], what)
            if scope.definitions[entry.key] != nil || scope.facts[entry.key] != nil || scope.parameters[entry.key] != nil {
                entry.keyNode.error("'\(entry.key)' is already defined")
                continue
            }
            let unitName = entry.value.requiredString("unit", in: what)
            guard let unit = Unit(rawValue: unitName) else {
                (entry.value["unit"] ?? entry.value).error("unknown unit '\(unitName)'")
                continue
            }
            guard let valueNode = entry.value.required("value", in: what) else { continue }
            scope.definitions[entry.key] = (definitionSources.count, .scalar(unit))
            definitionSources.append((entry.key, unit, entry.value["label"]?.localized("label", of: what, required: ["ko", "en"]) ?? LocalizedText([:]),
                                      (entry.value["notes"]?.sequence("notes") ?? []).enumerated().map { $1.localized("notes[\($0)]", of: what, required: ["ko"]) },
                                      valueNode))
        }
    }

    mutating func compile(_ node: YAMLNode, expected: Unit) -> Program? {
        guard let text = node.string else {
            node.error("an expression must be text")
            return nil
        }
        do {
            return try Compiler.compile(text, scope: scope, expected: expected, aggregates: &aggregates)
        } catch {
            node.error(error.message, columnOffset: error.column - 1)
            return nil
        }
    }

    private mutating func compileDefinitions() {
        var compiled: [Definition?] = []
        for source in definitionSources {
            let program = compile(source.node, expected: source.unit)
            compiled.append(program.map { Definition(name: source.name, label: source.label, program: $0, notes: source.notes) })
        }
        // Dependency order, with cycles reported where they close.
        var order: [Int] = []
        var state = Array(repeating: 0, count: compiled.count)
        func visit(_ i: Int) {
            if state[i] == 2 { return }
            if state[i] == 1 {
                definitionSources[i].node.error("definition '\(definitionSources[i].name)' depends on itself")
                return
            }
            state[i] = 1
            for d in compiled[i]?.program.definitions ?? [] { visit(d) }
            state[i] = 2
            order.append(i)
        }
        for i in compiled.indices { visit(i) }
        // Re-index so that evaluating definitions in index order respects dependencies.
        var newIndex = Array(repeating: 0, count: compiled.count)
        for (position, old) in order.enumerated() { newIndex[old] = position }
        var result: [Definition] = []
        for old in order {
            guard var d = compiled[old] else {
                result.append(Definition(name: definitionSources[old].name, label: LocalizedText([:]),
                                         program: Program(source: "", ops: [.constant(0)], type: .scalar(.number), stackDepth: 1,
                                                          facts: FactMask(), definitions: [], parameters: ParameterMask(), tableReads: []),
                                         notes: []))
                continue
            }
            d = Definition(name: d.name, label: d.label, program: d.program.renumbered(newIndex), notes: d.notes)
            var facts = d.program.facts, params = d.program.parameters
            for dep in d.program.definitions { facts = facts | result[dep].allFacts; params = params | result[dep].allParameters }
            d.allFacts = facts
            d.allParameters = params
            result.append(d)
        }
        for (name, entry) in scope.definitions { scope.definitions[name] = (newIndex[entry.index], entry.type) }
        aggregates = aggregates.map { Aggregate(kind: $0.kind, list: $0.list, condition: $0.condition.map { $0.renumbered(newIndex) }) }
        definitions = result
    }
}
