extension Duration {
    /// In milliseconds, fractions kept: how every explanation timing is reported.
    public var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
