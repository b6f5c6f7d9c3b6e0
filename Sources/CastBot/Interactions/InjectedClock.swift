// No Foundation import here on purpose: with Foundation visible, Swift stops opening an
// `any Clock<Duration>` argument for a generic `C: Clock` parameter.

/// Waiting and measuring on an injected clock held as an existential.
package enum InjectedClock {
    package static func sleep(on clock: any Clock<Duration>, for duration: Duration) async throws {
        try await sleepOpened(clock, duration)
    }

    package static func stopwatch(on clock: any Clock<Duration>) -> Stopwatch {
        Stopwatch.start(on: clock)
    }

    private static func sleepOpened<C: Clock>(_ clock: C, _ duration: Duration) async throws where C.Duration == Duration {
        try await clock.sleep(until: clock.now.advanced(by: duration), tolerance: nil)
    }
}

/// Measures elapsed time on an injected clock, hiding the clock's instant type.
package struct Stopwatch: Sendable {
    package let elapsed: @Sendable () -> Duration

    static func start<C: Clock>(on clock: C) -> Stopwatch where C.Duration == Duration {
        let start = clock.now
        return Stopwatch { start.duration(to: clock.now) }
    }
}

/// Timers on an injected clock. The deadline is fixed when `schedule` is called, not when the
/// timer task first runs, so virtual-time tests can advance the clock without racing it.
enum ClockTimer {
    /// Runs `action` once `delay` has passed on `clock`, unless the returned task is cancelled first.
    static func schedule(
        on clock: any Clock<Duration>, after delay: Duration, _ action: @escaping @Sendable () async -> Void
    ) -> Task<Void, Never> {
        scheduleOpened(clock, delay, action)
    }

    private static func scheduleOpened<C: Clock>(
        _ clock: C, _ delay: Duration, _ action: @escaping @Sendable () async -> Void
    ) -> Task<Void, Never> where C.Duration == Duration {
        let deadline = clock.now.advanced(by: delay)
        return Task {
            do {
                try await clock.sleep(until: deadline, tolerance: nil)
            } catch {
                return
            }
            await action()
        }
    }
}
