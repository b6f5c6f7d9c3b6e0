extension Duration {
    /// Seconds as a floating-point number, for logs and JSON.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
