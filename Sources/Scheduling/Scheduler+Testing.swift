import Synchronization

/// What the loop is doing, for tests that step virtual time one deadline at a time.
enum LoopActivity: Equatable {
    /// Asleep with nothing due at or before the clock's time and no change it has not looked at.
    case idle
    /// Running, or woken by a change: it will park again (`waitForPark(after:)`).
    case busy
    /// Asleep on a deadline the clock has reached: a sleep registered at exactly "now" on a test
    /// clock ends only at the clock's next advance.
    case dueWhileParked
    case stopped
}

extension Scheduler {
    /// True when the loop is asleep with nothing due at or before the clock's current time and no
    /// change it has not yet looked at. Tests stepping virtual time wait for this.
    func isIdle() -> Bool {
        loopActivity().activity == .idle
    }

    /// The loop's activity and how many times it has parked so far.
    func loopActivity() -> (activity: LoopActivity, parks: Int) {
        state.withLock { state in
            let loop = state.loop
            guard loop.isRunning else { return (.stopped, loop.wakeUps) }
            guard loop.isParked, !loop.wakePending else { return (.busy, loop.wakeUps) }
            guard let parkedUntil = loop.parkedUntil, parkedUntil <= clock.now else { return (.idle, loop.wakeUps) }
            return (.dueWhileParked, loop.wakeUps)
        }
    }

    /// Returns once the loop has parked more than `parks` times (or the waiting task is cancelled).
    func waitForPark(after parks: Int) async {
        while state.withLock({ $0.loop.wakeUps }) <= parks, !Task.isCancelled {
            await loopParked.wait()
        }
    }

    /// The deadline the loop sleeps until, if any.
    func parkedDeadline() -> C.Instant? {
        state.withLock { $0.loop.parkedUntil }
    }
}
