import Testing
@testable import Rules

@Suite("Expression language: parsing, units, errors")
struct ExpressionTests {
    var scope: Scope {
        var s = Scope()
        s.facts = ["age": (0, .scalar(.years)), "income": (1, .scalar(.won)), "months": (2, .scalar(.months)),
                   "kids": (3, .list(.months)), "flag": (4, .scalar(.bool)), "size": (5, .scalar(.count))]
        s.parameters = ["rate": .init(index: 0, unit: .ratio, isTable: false, scale: 100),
                        "median": .init(index: 1, unit: .won, isTable: true, scale: 1),
                        "limit": .init(index: 2, unit: .won, isTable: false, scale: 1)]
        return s
    }

    func compile(_ text: String, expecting unit: Unit? = nil) throws(ExpressionError) -> Program {
        var aggregates: [Aggregate] = []
        return try Compiler.compile(text, scope: scope, expected: unit, aggregates: &aggregates)
    }

    func error(_ text: String, expecting unit: Unit? = nil) -> ExpressionError? {
        do {
            _ = try compile(text, expecting: unit)
            return nil
        } catch {
            return error
        }
    }

    @Test func precedenceAndUnits() throws {
        #expect(try compile("income * 70% + income <= limit and age >= 65").type == .scalar(.bool))
        #expect(try compile("median[size] * rate").type == .scalar(.won))
        #expect(try compile("income / limit").type == .scalar(.ratio))
        #expect(try compile("count(k in kids where k < 96) * limit").type == .scalar(.won))
        #expect(try compile("if flag then limit else 0").type == .scalar(.won))
        #expect(try compile("1_000_000 + income").type == .scalar(.won))
    }

    @Test func percentLiteralsCompileToExactIntegerArithmetic() throws {
        let p = try compile("income * 32%")
        // income, 32, ×, 100, ÷ — never a multiplication by the inexact 0.32.
        #expect(p.ops.count == 5)
        if case .constant(let m) = p.ops[1] { #expect(m == 32) } else { Issue.record("expected the mantissa 32") }
    }

    @Test func percentOnTheLeftIsExactToo() throws {
        let p = try compile("32% * income")
        if case .constant(let m) = p.ops[1] { #expect(m == 32) } else { Issue.record("expected the mantissa 32 after income") }
    }

    @Test func unknownNameSuggestsTheClosest() {
        let e = error("agee >= 65")
        #expect(e?.column == 1)
        #expect(e?.message == "unknown name 'agee' (did you mean 'age'?)")
    }

    @Test func columnPointsInsideTheExpression() {
        #expect(error("age >= 65 and incme <= 3")?.column == 15)
        #expect(error("age >= ")?.column == 8)
    }

    @Test func typeErrorsNameTheUnits() {
        #expect(error("income + months")?.message == "cannot add won and months")
        #expect(error("income < months")?.message == "cannot compare won and months")
        #expect(error("income * income")?.message == "cannot multiply won by won")
        #expect(error("age and flag") != nil)
        #expect(error("income", expecting: .bool) != nil)
        #expect(error("flag", expecting: .won) != nil)
        #expect(error("if flag then income else months") != nil)
    }

    @Test func tablesNeedAnIndexAndListsNeedAnAggregate() {
        #expect(error("median > 0")?.message.contains("median[household_size]") == true)
        #expect(error("kids > 0") != nil)
        #expect(error("any(k in kids)") != nil)
        #expect(error("count(k in income where k > 0)")?.message == "'income' is not a list")
    }

    @Test func syntaxErrors() {
        #expect(error("(age >= 65")?.message.contains("expected ')'") == true)
        #expect(error("age = 65")?.message.contains("'=='") == true)
        #expect(error("1 < age < 3")?.message.contains("do not chain") == true)
        #expect(error("age >= 65 $")?.column == 11)
        #expect(error("rund(income)")?.message == "unknown function 'rund' (did you mean 'round'?)")
    }
}
