/// A published count, or the fact that it was withheld.
public enum PublishedCount: Sendable, Equatable, CustomStringConvertible {
    case count(Int)
    /// Fewer than k sessions (primary suppression).
    case suppressed
    /// k sessions or more, withheld so that a small cell of its table cannot be worked out from
    /// the total (secondary suppression). Saying so tells a reader only that it is not small,
    /// which the rule already implies of every published cell.
    case protecting

    /// A count the suppression rule decided to withhold (`isWithheld`), as published.
    static func withheld(_ count: Int, _ isWithheld: Bool, k: Int) -> PublishedCount {
        guard isWithheld else { return .count(count) }
        return count > 0 && count < k ? .suppressed : .protecting
    }

    public var value: Int? {
        if case .count(let n) = self { n } else { nil }
    }

    public var description: String {
        switch self {
        case .count(let n): String(n)
        case .suppressed: "suppressed"
        case .protecting: "protecting"
        }
    }
}

/// Small-cell suppression, the rule that makes published figures k-anonymous.
///
/// Why two steps: primary suppression withholds every count from 1 to k−1, since a cell of 2
/// in a small 동 can point at a family. That alone is not enough when the cells of a table add up
/// to a published total: with one cell withheld, total minus the others gives it back. Secondary
/// suppression therefore withholds further cells, smallest first, until the withheld cells of a
/// table are at least two and together count at least k sessions — so what subtraction recovers
/// is a group of k or more, never a small cell. Zero cells are published: a zero describes nobody
/// and, being exact, reveals nothing about the withheld cells.
public enum Suppression {
    /// Which of `cells` to withhold, for a table whose cells add up to a published total
    /// (`isPartition`), or for a list of independent counts (`isPartition == false`, primary
    /// suppression only).
    ///
    ///     Suppression.withheld([40, 3, 0, 12], k: 5)   // [false, true, false, true]
    public static func withheld(_ cells: [Int], k: Int, isPartition: Bool = true) -> [Bool] {
        var withheld = cells.map { $0 > 0 && $0 < k }
        guard isPartition else { return withheld }
        while true {
            let hidden = cells.indices.filter { withheld[$0] }
            if hidden.isEmpty { break }
            let hiddenSum = hidden.reduce(0) { $0 + cells[$1] }
            if hidden.count >= 2 && hiddenSum >= k { break }
            // The smallest published non-zero cell: withholding it costs the least information.
            let next = cells.indices
                .filter { !withheld[$0] && cells[$0] > 0 }
                .min { cells[$0] < cells[$1] }
            guard let next else { break }
            withheld[next] = true
        }
        return withheld
    }

    /// One count on its own: withheld when it is 1 to k−1.
    public static func cell(_ count: Int, k: Int) -> PublishedCount {
        count > 0 && count < k ? .suppressed : .count(count)
    }

    /// `cells` as published, keyed as given.
    static func apply(_ cells: [(key: String, count: Int)], k: Int, isPartition: Bool) -> [(key: String, cell: PublishedCount)] {
        let hidden = withheld(cells.map(\.count), k: k, isPartition: isPartition)
        return zip(cells, hidden).map { entry, isHidden in
            (entry.key, PublishedCount.withheld(entry.count, isHidden, k: k))
        }
    }
}
