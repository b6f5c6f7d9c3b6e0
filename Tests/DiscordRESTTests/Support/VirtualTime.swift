import Clocks
import Synchronization

/// Counts sleeps on the client's clock, so a test can wait (without polling) until the client is
/// waiting before it advances virtual time.
final class SleepWatcher: Sendable {
    private struct State {
        var started = 0
        var active = 0
        var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    /// Sleeps begun so far.
    var started: Int { state.withLock { $0.started } }
    /// Sleeps in progress now.
    var active: Int { state.withLock { $0.active } }

    func began() {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.started += 1
            state.active += 1
            let started = state.started
            let ready = state.waiters.filter { $0.count <= started }.map(\.continuation)
            state.waiters.removeAll { $0.count <= started }
            return ready
        }
        ready.forEach { $0.resume() }
    }

    func ended() {
        state.withLock { $0.active -= 1 }
    }

    /// Returns once the `count`-th sleep (counting from the client's creation) has begun.
    func waitUntilStarted(_ count: Int) async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Bool in
                guard state.started < count else { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }
}

/// The test clock with its sleeps counted. The client always sleeps until absolute deadlines, so
/// a sleep registered just after the test advanced the clock still wakes at the right time.
struct WatchedTestClock: Clock {
    typealias Duration = Swift.Duration
    typealias Instant = TestClock<Duration>.Instant

    let base: TestClock<Duration>
    let watcher: SleepWatcher

    var now: Instant { base.now }
    var minimumResolution: Duration { base.minimumResolution }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        watcher.began()
        defer { watcher.ended() }
        try await base.sleep(until: deadline, tolerance: tolerance)
    }
}

extension TestClock<Duration> {
    /// Virtual time since the clock was created.
    var elapsed: Duration { Instant().duration(to: now) }
}
