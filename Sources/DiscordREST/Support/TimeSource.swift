/// Time as the client sees it: offsets since the client was created, read from and slept on the
/// injected clock (a `TestClock` in tests, so every wait happens in virtual time).
struct TimeSource: Sendable {
    private let elapsed: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void

    init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let start = clock.now
        elapsed = { start.duration(to: clock.now) }
        sleeper = { offset in try await clock.sleep(until: start.advanced(by: offset), tolerance: nil) }
    }

    /// Time since the client was created.
    var now: Duration { elapsed() }

    /// Sleeps until the given offset (returns at once when it has passed).
    func sleep(until offset: Duration) async throws {
        try await sleeper(offset)
    }

    func sleep(for duration: Duration) async throws {
        try await sleeper(now + duration)
    }
}
