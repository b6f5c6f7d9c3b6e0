public import Clocks
import Synchronization

/// Counts sleeps on the client's clock, so a test can wait (without polling) until the client is
/// waiting before it advances virtual time.
public final class SleepWatcher: Sendable {
    private struct State {
        var started = 0
        var active = 0
        var waiters: [Int: (count: Int, continuation: CheckedContinuation<Void, Never>)] = [:]
        var nextWaiterID = 0
    }

    private let state = Mutex(State())

    /// Sleeps begun so far.
    public var started: Int { state.withLock { $0.started } }
    /// Sleeps in progress now.
    public var active: Int { state.withLock { $0.active } }

    public init() {}

    func began() {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.started += 1
            state.active += 1
            let started = state.started
            let ready = state.waiters.filter { $0.value.count <= started }
            for id in ready.keys { state.waiters.removeValue(forKey: id) }
            return ready.values.map(\.continuation)
        }
        ready.forEach { $0.resume() }
    }

    func ended() {
        state.withLock { $0.active -= 1 }
    }

    /// Returns once the `count`-th sleep (counting from the client's creation) has begun, or when
    /// the waiting test is cancelled (its time limit), so a sleep that never comes fails the test
    /// instead of hanging the run.
    public func waitUntilStarted(_ count: Int) async {
        let id = state.withLock { state in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> Bool in
                    guard state.started < count, !Task.isCancelled else { return true }
                    state.waiters[id] = (count, continuation)
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
        }
    }
}

/// The test clock with its sleeps counted. The client always sleeps until absolute deadlines, so
/// a sleep registered just after the test advanced the clock still wakes at the right time.
public struct WatchedTestClock: Clock {
    public typealias Duration = Swift.Duration
    public typealias Instant = TestClock<Duration>.Instant

    public let base: TestClock<Duration>
    public let watcher: SleepWatcher

    public init(base: TestClock<Duration>, watcher: SleepWatcher) {
        self.base = base
        self.watcher = watcher
    }

    public var now: Instant { base.now }
    public var minimumResolution: Duration { base.minimumResolution }

    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        watcher.began()
        defer { watcher.ended() }
        try await base.sleep(until: deadline, tolerance: tolerance)
    }
}

extension TestClock<Duration> {
    /// Virtual time since the clock was created.
    public var elapsed: Duration { Instant().duration(to: now) }
}

extension Task {
    /// The task's result. Unlike `value`, a waiter that is cancelled (its test hit its time limit)
    /// cancels the task too, so a test waiting on an unstructured task fails instead of hanging.
    public var cancellingValue: Success {
        get async throws {
            try await withTaskCancellationHandler { try await value } onCancel: { cancel() }
        }
    }
}

extension Task where Failure == Never {
    /// The task's result; cancelling the waiter cancels the task (see the throwing variant).
    public var cancellingValue: Success {
        get async {
            await withTaskCancellationHandler { await value } onCancel: { cancel() }
        }
    }
}
