/// Measures elapsed time on an injected clock, hiding the clock's instant type.
public struct Stopwatch: Sendable {
    public let elapsed: @Sendable () -> Duration

    static func start<C: Clock>(on clock: C) -> Stopwatch where C.Duration == Duration {
        let start = clock.now
        return Stopwatch { start.duration(to: clock.now) }
    }
}
