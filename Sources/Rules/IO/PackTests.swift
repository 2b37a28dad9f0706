import Foundation
import Yams

/// The pack's own tests, kept as data beside it (`tests/*.yaml`): a date, facts, and what each
/// programme should come to. Staff can add a case when a figure changes without touching Swift.
public struct PackTestCase: Sendable {
    public let name: String
    public let location: String
    public let day: Day
    public let facts: Facts
    /// Programme id → expected fields (status, monthly_amount_krw, one_time_amount_krw,
    /// confidence, missing, unmet_count, refer_to_staff).
    public let expectations: [(ProgramID, [String: ExpectedValue])]
    public let nextQuestion: ExpectedValue?
}

/// One expected field: text, a whole number, a list of texts, or null.
public enum ExpectedValue: Sendable, Equatable, CustomStringConvertible {
    case text(String), number(Int), list([String]), null
    public var description: String {
        switch self {
        case .text(let s): s
        case .number(let n): "\(n)"
        case .list(let l): "[" + l.joined(separator: ", ") + "]"
        case .null: "null"
        }
    }
}

/// The outcome of one pack test: nil failures means it passed.
public struct PackTestOutcome: Sendable {
    public let test: PackTestCase
    public let failures: [String]
    public var passed: Bool { failures.isEmpty }
}

public enum PackTests {
    /// Reads every `tests/*.yaml` of a pack folder. Malformed tests are reported as load errors.
    public static func load(directory: String, pack: RulePack) throws(PackLoadError) -> [PackTestCase] {
        let folder = directory.hasSuffix("/") ? directory + "tests" : directory + "/tests"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        let diagnostics = Diagnostics()
        var cases: [PackTestCase] = []
        for file in files {
            let path = folder + "/" + file
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
                  let node = try? Yams.compose(yaml: text, .basic, .default, .utf8) else {
                diagnostics.items.append(PackDiagnostic(file: path, line: 1, column: 1, message: "cannot read this test file as YAML"))
                continue
            }
            for item in YAMLNode(file: path, node: node, diagnostics: diagnostics).sequence("a test file") {
                if let c = parseCase(item, pack: pack) { cases.append(c) }
            }
        }
        if !diagnostics.items.isEmpty { throw PackLoadError(diagnostics: diagnostics.items) }
        return cases
    }

    private static func parseCase(_ node: YAMLNode, pack: RulePack) -> PackTestCase? {
        node.checkKeys(["name", "date", "facts", "expect", "next_question"], "a test")
        let name = node.requiredString("name", in: "a test")
        guard let day = node.required("date", in: "test '\(name)'")?.day else {
            node.error("test '\(name)' needs 'date: YYYY-MM-DD'")
            return nil
        }
        var facts = Facts()
        for entry in node["facts"]?.mapping("facts") ?? [] {
            guard let spec = pack.fact(FactKey(entry.key)) else {
                let hint = Suggest.closest(to: entry.key, in: pack.facts.map(\.key.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                entry.keyNode.error("unknown fact '\(entry.key)'\(hint)")
                continue
            }
            if entry.value.node.scalar?.string == "null" || entry.value.node.scalar?.string == "~" { continue }
            if spec.isEnum {
                guard let s = entry.value.string, spec.values.contains(s) else {
                    entry.value.error("\(entry.key) must be one of \(spec.values.joined(separator: ", "))")
                    continue
                }
                facts[spec.key] = .choice(s)
                continue
            }
            switch spec.type {
            case .scalar(.bool):
                guard let s = entry.value.string, s == "true" || s == "false" else { entry.value.error("\(entry.key) must be true or false"); continue }
                facts[spec.key] = .bool(s == "true")
            case .scalar:
                guard let s = entry.value.string, let n = Int(s.replacingOccurrences(of: "_", with: "")) else { entry.value.error("\(entry.key) must be a whole number"); continue }
                if let problem = spec.problem(with: n) { entry.value.error("\(entry.key): \(problem)"); continue }
                facts[spec.key] = .number(n)
            case .list:
                var items: [Int] = []
                for item in entry.value.sequence(entry.key) {
                    guard let n = item.string.flatMap(Int.init) else { item.error("\(entry.key) must be a list of whole numbers"); continue }
                    if let problem = spec.problem(with: n) { item.error("\(entry.key): \(problem)"); continue }
                    items.append(n)
                }
                facts[spec.key] = .list(items)
            }
        }
        var expectations: [(ProgramID, [String: ExpectedValue])] = []
        for entry in node.required("expect", in: "test '\(name)'")?.mapping("expect") ?? [] {
            if pack.program(ProgramID(entry.key)) == nil {
                let hint = Suggest.closest(to: entry.key, in: pack.programs.map(\.id.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                entry.keyNode.error("unknown programme '\(entry.key)'\(hint)")
                continue
            }
            var fields: [String: ExpectedValue] = [:]
            for field in entry.value.mapping("expect.\(entry.key)") {
                guard ["status", "monthly_amount_krw", "one_time_amount_krw", "confidence", "missing", "unmet_count", "refer_to_staff"].contains(field.key) else {
                    field.keyNode.error("unknown expectation '\(field.key)'")
                    continue
                }
                fields[field.key] = expected(field.value)
            }
            expectations.append((ProgramID(entry.key), fields))
        }
        return PackTestCase(name: name, location: "\(node.file):\(node.node.mark?.line ?? 0)", day: day, facts: facts,
                            expectations: expectations, nextQuestion: node["next_question"].map(expected))
    }

    private static func expected(_ node: YAMLNode) -> ExpectedValue {
        if let seq = node.node.sequence { return .list(seq.compactMap { $0.scalar?.string }) }
        guard let s = node.string else { return .null }
        if s == "null" || s == "~" { return .null }
        if let n = Int(s.replacingOccurrences(of: "_", with: "")) { return .number(n) }
        return .text(s)
    }

    /// Evaluates one case and lists every field that differs from what was expected.
    public static func run(_ test: PackTestCase, pack: RulePack) -> PackTestOutcome {
        let e = pack.evaluate(test.facts, on: test.day)
        var failures: [String] = []
        for (id, fields) in test.expectations {
            guard let r = e[id] else { failures.append("\(id): not in the pack"); continue }
            for (field, want) in fields.sorted(by: { $0.key < $1.key }) {
                let got: ExpectedValue = switch field {
                case "status": .text(r.status.rawValue)
                case "monthly_amount_krw": r.monthlyAmount.map { .number($0.value) } ?? .null
                case "one_time_amount_krw": r.oneTimeAmount.map { .number($0.value) } ?? .null
                case "confidence": .text(r.confidence.rawValue)
                case "missing": .list(e.missing(r).map(\.rawValue))
                case "refer_to_staff": .text(r.referToStaff ? "true" : "false")
                default: .number(e.unmet(r).count)
                }
                if got != want { failures.append("\(id).\(field): expected \(want), got \(got)") }
            }
        }
        if let want = test.nextQuestion {
            let got: ExpectedValue = e.nextQuestion.map { .text($0.rawValue) } ?? .null
            if got != want { failures.append("next_question: expected \(want), got \(got)") }
        }
        return PackTestOutcome(test: test, failures: failures)
    }
}
