/// BM25 ranking over character bigrams.
///
/// Korean glues particles and endings to words ("신청은", "신청하려면"), so whole-word matching
/// misses; overlapping two-character pieces ("신청") match across those forms without a
/// morphological analyser, and suit Chinese as well.
public struct BM25Index: Sendable {
    public struct Hit: Sendable, Equatable {
        public let document: Int
        public let score: Double
    }

    let k1 = 1.2
    let b = 0.75
    private let termFrequencies: [[String: Int]]
    private let lengths: [Int]
    private let documentFrequency: [String: Int]
    private let averageLength: Double

    public init(documents: [String]) {
        termFrequencies = documents.map { doc in
            var tf: [String: Int] = [:]
            for t in Self.tokens(doc) { tf[t, default: 0] += 1 }
            return tf
        }
        lengths = termFrequencies.map { $0.values.reduce(0, +) }
        var df: [String: Int] = [:]
        for tf in termFrequencies { for t in tf.keys { df[t, default: 0] += 1 } }
        documentFrequency = df
        averageLength = lengths.isEmpty ? 1 : max(1, Double(lengths.reduce(0, +)) / Double(lengths.count))
    }

    public var count: Int { lengths.count }

    /// Documents by descending score; those sharing no bigram with the query are left out.
    public func search(_ query: String, limit: Int = 3) -> [Hit] {
        let terms = Set(Self.tokens(query))
        let n = Double(count)
        var hits: [Hit] = []
        for (d, tf) in termFrequencies.enumerated() {
            var score = 0.0
            for t in terms {
                guard let f = tf[t] else { continue }
                let df = Double(documentFrequency[t] ?? 0)
                let idf = log(1 + (n - df + 0.5) / (df + 0.5))
                let freq = Double(f)
                score += idf * freq * (k1 + 1) / (freq + k1 * (1 - b + b * Double(lengths[d]) / averageLength))
            }
            if score > 0 { hits.append(Hit(document: d, score: score)) }
        }
        return Array(hits.sorted { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }.prefix(limit))
    }

    /// Bigrams inside each word (letters and digits), lowercased; a one-letter word is its own term.
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let c = Array(word)
            if c.count == 1 { out.append(String(c[0])); continue }
            for i in 0..<(c.count - 1) { out.append(String(c[i...(i + 1)])) }
        }
        return out
    }
}

import Foundation
