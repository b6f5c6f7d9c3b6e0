import Synchronization

/// Holds requests that a `hang` fault parks until the sandbox stops, so a stopping
/// server never waits forever on them. A fault's delay ends at the stop too: on a test
/// clock that nothing advances any more it would otherwise never end.
final class HangGate: Sendable {
    private struct State {
        var open = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    /// Returns when the gate opens (the sandbox stops) or the task is cancelled.
    func wait() async {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.open || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let continuation = state.withLock { $0.waiters.removeValue(forKey: id) }
            continuation?.resume()
        }
    }

    /// Sleeps `duration` on `clock`. Returns false (early) if the gate opens first or the
    /// task is cancelled.
    func sleep(for duration: Duration, on clock: SandboxClock) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                do {
                    try await clock.sleep(for: duration)
                    return true
                } catch {
                    return false
                }
            }
            group.addTask {
                await self.wait()
                return false
            }
            let slept = await group.next() ?? false
            group.cancelAll()
            return slept
        }
    }

    /// Releases every parked request and lets later ones through immediately.
    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Closes the gate again when the sandbox restarts.
    func close() {
        state.withLock { $0.open = false }
    }
}
