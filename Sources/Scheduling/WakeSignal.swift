import Synchronization

/// "Something changed, look again." A signal sent while nobody waits is kept for the next waiter,
/// so a change made just before the loop goes to sleep is never missed.
package final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiterID: UInt64 = 0
    }

    private let state = Mutex(State())

    package init() {}

    package func signal() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.waiters.isEmpty else {
                state.pending = true
                return []
            }
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters {
            waiter.resume()
        }
    }

    /// Returns when signalled or when the calling task is cancelled.
    package func wait() async {
        await suspend(unless: { state in
            guard state.pending else { return false }
            state.pending = false
            return true
        })
    }

    /// Returns true once `condition` holds, checked now and after each signal (also as the
    /// waiter registers, so a signal between a check and the wait is never missed); false if the
    /// calling task is cancelled first. Every waiter is woken by a signal: right for a condition
    /// several tasks may wait on (a latch, a count reached).
    package func wait(until condition: () -> Bool) async -> Bool {
        while !condition() {
            if Task.isCancelled { return false }
            await suspend(unless: { _ in condition() })
        }
        return true
    }

    /// Waits for the next signal unless `resumeNow` (called under the lock) says to go on at once.
    private func suspend(unless resumeNow: (inout State) -> Bool) async {
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let goOn = state.withLock { state -> Bool in
                    if resumeNow(&state) || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if goOn { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }

    /// Returns when signalled, when `deadline` is reached on `clock` (never, if nil), or on cancellation.
    package func wait<C: Clock>(until deadline: C.Instant?, on clock: C) async {
        guard let deadline else {
            await wait()
            return
        }
        // A clock may suspend on a deadline equal to "now"; there is nothing to wait for.
        guard deadline > clock.now else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await clock.sleep(until: deadline, tolerance: nil) }
            group.addTask { await self.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
