import Foundation
import Testing
import SeededRandom
@testable import Rules

/// The trace is built from shapes prepared once per date; these tests hold it to what a
/// straightforward rendering — the pack's specs read afresh for every entry, table indices
/// computed again on a machine, as the engine did before the layout — says for many households.
@Suite("Trace layout")
struct TraceLayoutTests {
    @Test func traceMatchesTheReferenceRenderingForPublicCasesPackTestsAndRandomHouseholds() throws {
        let pack = Fixtures.pack
        var households: [(Facts, Day)] = []
        for c in try PublicCasesTests.cases() {
            let data = try JSONSerialization.data(withJSONObject: c["facts"]!)
            households.append((try FactsJSON.parse(String(decoding: data, as: UTF8.self), vocabulary: pack.facts), Fixtures.day(c["date"] as! String)))
        }
        for t in try PackTests.load(directory: Fixtures.packDirectory, pack: pack) { households.append((t.facts, t.day)) }
        let dates = [pack.coverage.from, Fixtures.day("2026-04-23"), Fixtures.day("2026-04-24"), Fixtures.day("2026-06-01"), pack.coverage.to]
        var random = SplitMix(seed: 11)
        for i in 0..<600 { households.append((randomHousehold(&random, pack: pack), dates[i % dates.count])) }
        households.append((Facts(), Fixtures.day("2026-06-01")))
        #expect(households.count > 650)

        var entries = 0, cells = 0, failures = 0
        for (facts, day) in households where failures < 5 {
            let e = pack.evaluate(facts, on: day, trace: true)
            for r in e.programs {
                let actual = e.trace(r).map(Self.describe)
                let expected = Self.reference(e, r).map(Self.describe)
                if actual != expected {
                    // The first entry that differs says enough; a handful of households too.
                    let i = (0..<min(actual.count, expected.count)).first { actual[$0] != expected[$0] } ?? min(actual.count, expected.count)
                    Issue.record("\(r.id) on \(day), entry \(i) of \(expected.count) (got \(actual.count)):\n  got      \(i < actual.count ? actual[i] : "nothing")\n  expected \(i < expected.count ? expected[i] : "nothing")\n  facts \(facts.values)")
                    failures += 1
                }
                entries += actual.count
                cells += e.trace(r).reduce(0) { $0 + $1.parameters.filter { $0.cell != nil }.count }
            }
        }
        // The comparison must have covered table cells and plenty of entries to mean anything.
        #expect(entries > 50_000)
        #expect(cells > 1_000)
    }

    @Test func untracedEvaluationHasNoTrace() {
        let e = Fixtures.evaluate(Fixtures.zeroAssets(["household_size": .number(2)]))
        #expect(!e.isTraced)
        #expect(e.programs.allSatisfy { e.trace($0).isEmpty })
    }

    /// Every field an entry shows, in one line.
    static func describe(_ t: TraceEntry) -> String {
        describe(Entry(kind: t.kind, rule: t.rule, label: t.label, value: t.value, truth: t.truth, unit: t.unit,
                       facts: Array(t.facts), parameters: t.parameters))
    }

    static func describe(_ t: Entry) -> String {
        let facts = t.facts.map { "\($0.key.rawValue)=\($0.value.map { "\($0)" } ?? "nil")" }.joined(separator: ",")
        let parameters = t.parameters.map {
            "\($0.name)|\($0.value.lo)..\($0.value.hi)|\($0.cell.map(String.init) ?? "-")|\($0.from?.description ?? "-")|\($0.source)|\($0.mark.rawValue)"
        }.joined(separator: ";")
        let value = t.value.map { "\($0.lo)..\($0.hi)" } ?? "nil"
        return "\(t.kind.rawValue) [\(t.rule)] \(t.label ?? "nil") v=\(value) t=\(t.truth.map { "\($0)" } ?? "nil") u=\(t.unit.rawValue) f={\(facts)} p={\(parameters)}"
    }

    struct Entry {
        let kind: TraceEntry.Kind, rule: String, label: String?, value: Interval?, truth: Bool?, unit: Rules.Unit
        let facts: [FactReading], parameters: [ParameterReading]
    }

    /// The trace as the engine built it before the layout: specs read per entry, table cells
    /// found by running each index program again over the recorded definitions.
    static func reference(_ e: Evaluation, _ r: ProgramResult) -> [Entry] {
        let pack = e.pack, index = r.programIndex, recorded = e.record!.recorded, prepared = e.facts
        let parameters = pack.resolved(on: e.day)
        func readings(_ mask: FactMask) -> [FactReading] {
            mask.indices.map { FactReading(key: pack.factKeys[$0], value: prepared.values[$0]) }
        }
        return pack.withMachine(prepared, parameters) { machine, base in
            for i in 0..<pack.definitions.count { base[i] = recorded[i] }
            func parameterReadings(_ program: Program) -> [ParameterReading] {
                if program.tableReads.isEmpty { return program.parameters.indices.map { parameters.readings[$0] } }
                var out: [ParameterReading] = []
                for i in program.parameters.indices {
                    let template = parameters.readings[i]
                    if parameters.tableMarks[i].isEmpty { out.append(template); continue }
                    for read in program.tableReads where read.parameter == i {
                        let at = machine.peek(read.index)
                        let (value, verified) = parameters.lookup(i, at)
                        let marks = parameters.tableMarks[i]
                        var mark: Mark = verified ? .verified : .single
                        var cell: Int?
                        if let size = at.point { cell = Int(size) }
                        if let cell, cell >= 1, cell <= marks.count { mark = marks[cell - 1] }
                        out.append(ParameterReading(name: template.name, value: value, cell: cell, from: template.from,
                                                    source: template.source, mark: mark))
                    }
                }
                return out
            }
            let spec = pack.programs[index]
            var out: [Entry] = []
            for d in spec.definitions {
                let definition = pack.definitions[d]
                guard case .scalar(let unit) = definition.program.type else { continue }
                out.append(Entry(kind: .value, rule: definition.name, label: definition.label.values["ko"], value: recorded[d], truth: nil,
                                 unit: unit, facts: readings(definition.allFacts), parameters: parameterReadings(definition.program)))
                for note in definition.notes {
                    out.append(Entry(kind: .note, rule: definition.name, label: note.values["ko"], value: nil, truth: nil, unit: .bool,
                                     facts: [], parameters: []))
                }
            }
            var offset = pack.plan.traceOffsets[index]
            for condition in spec.conditions {
                let value = recorded[offset]
                offset += 1
                out.append(Entry(kind: .condition, rule: condition.program.source, label: nil, value: value, truth: value.truth, unit: .bool,
                                 facts: readings(condition.allFacts), parameters: parameterReadings(condition.program)))
            }
            for (amount, name, value) in [(spec.monthly, "monthly", recorded[offset]), (spec.oneTime, "one_time", recorded[offset + 1])] {
                guard let amount else { continue }
                var facts = amount.facts
                for d in amount.definitions { facts = facts | pack.definitions[d].allFacts }
                out.append(Entry(kind: .amount, rule: amount.source, label: name, value: value, truth: nil, unit: .won,
                                 facts: readings(facts), parameters: parameterReadings(amount)))
            }
            offset += 2
            for (n, note) in spec.notes.enumerated() where !recorded[offset + n].isFalse {
                out.append(Entry(kind: .note, rule: note.when?.source ?? "", label: note.text.values["ko"], value: nil,
                                 truth: recorded[offset + n].truth, unit: .bool, facts: [], parameters: []))
            }
            return out
        }
    }

    func randomHousehold(_ r: inout SplitMix, pack: RulePack) -> Facts {
        var facts = Facts()
        let size = r.int(1...9)
        let children = size == 1 ? 0 : r.int(0...min(4, size - 1))
        let poor = r.unit() < 0.5
        func money(_ high: Int) -> Int { poor ? r.int(0...high / 6) : r.int(0...high) }
        let all: [(FactKey, FactValue)] = [
            ("age", .number(r.int(0...95))), ("has_spouse", .bool(r.unit() < 0.5)), ("severe_disability", .bool(r.unit() < 0.1)),
            ("household_size", .number(size)), ("single_parent", .bool(children > 0 && r.unit() < 0.3)),
            ("lives_with_parents", .bool(r.unit() < 0.3)), ("receives_basic_livelihood", .bool(poor && r.unit() < 0.3)),
            ("children_age_months", .list((0..<children).map { _ in r.int(0...230) })), ("pregnant", .bool(r.unit() < 0.1)),
            ("earned_income_krw", .number(money(7_000_000))), ("other_income_krw", .number(money(2_500_000))),
            ("national_pension_krw", .number(money(1_500_000))), ("property_krw", .number(money(500_000_000))),
            ("financial_assets_krw", .number(money(80_000_000))), ("debt_krw", .number(money(120_000_000))),
            ("car_value_krw", .number(r.unit() < 0.5 ? 0 : money(40_000_000))), ("owns_home", .bool(r.unit() < 0.5)),
            ("monthly_rent_krw", .number(r.unit() < 0.4 ? 0 : r.int(100_000...1_000_000))),
            ("rent_deposit_krw", .number(r.int(0...100_000_000))), ("crisis", .bool(r.unit() < 0.15)),
            ("months_in_siheung", .number(r.int(0...300))),
        ]
        // Each fact known with a probability of its own, so unknown paths (open table indices
        // included) are exercised as well as known ones.
        let share = r.unit()
        for (key, value) in all where r.unit() < share && pack.fact(key) != nil { facts[key] = value }
        return facts
    }

}
