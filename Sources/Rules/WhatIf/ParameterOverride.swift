/// A parameter value tried out "what if", never written to the pack: the policy browser's
/// question "who would this change help?".
///
/// Why a new pack rather than a switch inside evaluation: the normal path stays exactly as it
/// is (no extra branch per parameter read, no lock), and the copy shares every compiled rule;
/// only the parameter list, the date cache and the execution plan are its own. Dropping the
/// copy is the whole undo.
///
/// ```swift
/// let tried = try pack.overriding("livelihood_rate", with: [0.30], from: Day("2026-06-01")!)
/// tried.evaluate(facts, on: Day("2026-06-01")!)   // as if 30% had been announced
/// ```
public struct ParameterOverride: Sendable, Equatable {
    public let parameter: String
    /// One value for a scalar, one per household size for a table (the table's width).
    public let values: [Double]
    /// The override applies from this day on, in place of any entry of the pack from then.
    public let from: Day

    public init(parameter: String, values: [Double], from: Day) {
        self.parameter = parameter
        self.values = values
        self.from = from
    }

    /// The source a what-if entry shows in a trace: never mistaken for a published figure.
    public static let source = "what-if (not in the pack)"
}

/// Why an override cannot be applied, naming the parameter and what to do.
public struct ParameterOverrideError: Error, Sendable, Equatable, CustomStringConvertible {
    public let parameter: String
    public let message: String
    public var description: String { "parameter '\(parameter)': \(message)" }

    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }
}

extension RulePack {
    /// The parameter called `name`, if this pack declares (or imports) it.
    public func parameter(named name: String) -> Parameter? {
        parameters.first { $0.name == name }
    }

    /// This pack with one parameter's value replaced from `override.from` on; every other entry
    /// (earlier dates, other parameters) is the pack's own. The value is marked [U]: a what-if
    /// result is never "verified". Values are rounded to the precision the pack writes the
    /// parameter in (a whole won, 0.01 % for 4.17 %), which is what its rules compute with.
    public func overriding(_ override: ParameterOverride) throws(ParameterOverrideError) -> RulePack {
        guard let index = parameters.firstIndex(where: { $0.name == override.parameter }) else {
            let hint = Suggest.closest(to: override.parameter, in: parameters.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
            throw ParameterOverrideError(parameter: override.parameter, message: "not a parameter of pack \(id)\(hint)")
        }
        let original = parameters[index]
        let width = original.isTable ? (original.entry(on: override.from)?.values.count ?? override.values.count) : 1
        guard override.values.count == width, !override.values.isEmpty else {
            throw ParameterOverrideError(parameter: override.parameter, message: original.isTable
                ? "give \(width) values, one per household size from 1" : "give exactly one value")
        }
        guard override.values.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw ParameterOverrideError(parameter: override.parameter, message: "values must be finite and not negative")
        }
        let values = override.values.map { ($0 * original.scale).rounded() / original.scale }
        var entries = original.entries.filter { $0.from < override.from }
        entries.append(Parameter.Entry(from: override.from, values: values, marks: values.map { _ in .unconfirmed },
                                       source: ParameterOverride.source, note: nil))
        var replaced = parameters
        replaced[index] = Parameter(name: original.name, unit: original.unit, label: original.label, isTable: original.isTable,
                                    beyond: original.beyond, beyondMark: original.beyondMark, confirmedThrough: original.confirmedThrough,
                                    scale: original.scale, entries: entries)
        return RulePack(id: id, version: version, name: name, coverage: coverage, topics: topics, facts: facts,
                        parameters: replaced, definitions: definitions, programs: programs, aggregates: aggregates,
                        textGaps: textGaps)
    }

    /// The same pack with its instructions laid out unfused (`Fusion`), for the test that fusion
    /// changes no result.
    func withoutFusion() -> RulePack {
        RulePack(id: id, version: version, name: name, coverage: coverage, topics: topics, facts: facts,
                 parameters: parameters, definitions: definitions, programs: programs, aggregates: aggregates,
                 textGaps: textGaps, fusing: false)
    }
}
