/// Timers on an injected clock. The deadline is fixed when `schedule` is called, not when the
/// timer task first runs, so virtual-time tests can advance the clock without racing it.
enum ClockTimer {
    /// Runs `action` once `delay` has passed on `clock`, unless the returned task is cancelled first.
    static func schedule<C: Clock>(
        on clock: C,
        after delay: Duration,
        _ action: @escaping @Sendable () async -> Void
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
