/// Measures elapsed time on an injected clock, hiding the clock's instant type.
struct Stopwatch: Sendable {
    let elapsed: @Sendable () -> Duration

    static func start<C: Clock>(on clock: C) -> Stopwatch where C.Duration == Duration {
        let start = clock.now
        return Stopwatch { start.duration(to: clock.now) }
    }
}

extension Duration {
    /// Seconds as a floating-point number, for logs and JSON.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
