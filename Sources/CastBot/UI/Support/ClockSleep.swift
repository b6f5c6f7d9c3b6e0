// No Foundation import here on purpose: with Foundation visible, Swift stops opening an
// `any Clock<Duration>` argument for a generic `C: Clock` parameter.

/// Waiting and measuring on an injected clock held as an existential.
public enum InjectedClock {
    public static func sleep(on clock: any Clock<Duration>, for duration: Duration) async throws {
        try await sleepOpened(clock, duration)
    }

    public static func stopwatch(on clock: any Clock<Duration>) -> Stopwatch {
        Stopwatch.start(on: clock)
    }

    private static func sleepOpened<C: Clock>(_ clock: C, _ duration: Duration) async throws where C.Duration == Duration {
        try await clock.sleep(until: clock.now.advanced(by: duration), tolerance: nil)
    }
}
