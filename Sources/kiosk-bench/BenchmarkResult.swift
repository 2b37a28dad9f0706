/// One measured figure, printed as a JSON line.
struct BenchmarkResult: Sendable {
    let name: String
    let value: Double
    let unit: String
}
