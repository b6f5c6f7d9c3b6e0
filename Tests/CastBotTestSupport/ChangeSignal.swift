import Synchronization

/// Lets a test wait for a condition on something a fake records, woken each time the fake
/// records more (`notify()`) instead of polling on a timer. Wait on it for effects of the code
/// under test that the test cannot await directly (a DM sent after an event, a webhook deleted).
public final class ChangeSignal: Sendable {
    private struct State {
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Wakes every waiter to check its condition again.
    public func notify() {
        let waiters = state.withLock { state in
            defer { state.waiters = [:] }
            return state.waiters.values
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns true once `condition` holds, checked now and after each `notify()`; false if the
    /// waiting task is cancelled first (a test over its time limit).
    public func wait(until condition: () -> Bool) async -> Bool {
        while !Task.isCancelled {
            if condition() { return true }
            let id = state.withLock { state in
                state.nextWaiter += 1
                return state.nextWaiter
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let resumeNow = state.withLock { state in
                        // A change since the check above wakes at once.
                        if condition() || Task.isCancelled { return true }
                        state.waiters[id] = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            } onCancel: {
                let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
                waiter?.resume()
            }
        }
        return condition()
    }
}
