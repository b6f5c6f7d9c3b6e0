/// Time as the sandbox sees it: elapsed time since creation and sleeping, both on an
/// injected `Clock`, so tests drive rate-limit windows, delays and token expiry virtually.
struct SandboxClock: Sendable {
    private let elapsedNow: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void

    init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let start = clock.now
        self.elapsedNow = { start.duration(to: clock.now) }
        self.sleeper = { duration in try await clock.sleep(for: duration) }
    }

    /// Time since the sandbox was created.
    var now: Duration { elapsedNow() }

    func sleep(for duration: Duration) async throws {
        try await sleeper(duration)
    }
}

extension Duration {
    /// Seconds as a floating-point number, as Discord writes `retry_after` and reset times.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
