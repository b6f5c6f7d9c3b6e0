import Synchronization

extension Scheduler {
    /// True when the loop is asleep with nothing due at or before the clock's current time and no
    /// change it has not yet looked at. Tests stepping virtual time wait for this.
    func isIdle() -> Bool {
        state.withLock { state in
            guard state.loop.isRunning, state.loop.isParked, !state.loop.wakePending else { return false }
            guard let parkedUntil = state.loop.parkedUntil else { return true }
            return parkedUntil > clock.now
        }
    }

    /// The deadline the loop sleeps until, if any.
    func parkedDeadline() -> C.Instant? {
        state.withLock { $0.loop.parkedUntil }
    }
}
