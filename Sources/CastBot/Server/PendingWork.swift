import Synchronization

/// Tracks work that outlives the request that started it (deferred handlers, follow-ups), so that
/// graceful shutdown can wait for it.
final class PendingWork: Sendable {
    private struct State {
        var tasks: [Int: Task<Void, Never>] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    func start(_ operation: @escaping @Sendable () async -> Void) {
        state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            // The task removes itself; it cannot do so before this insertion because it needs the lock.
            state.tasks[id] = Task {
                await operation()
                self.finished(id)
            }
        }
    }

    var count: Int { state.withLock { $0.tasks.count } }

    /// Returns once no tracked work is left, including work started while waiting. Cancelling the
    /// waiter cancels the tracked work, so a shutdown that escalates to cancellation ends it.
    func waitUntilIdle() async {
        await withTaskCancellationHandler {
            while let next = state.withLock({ $0.tasks.values.first }) {
                await next.value
            }
        } onCancel: {
            for task in state.withLock({ Array($0.tasks.values) }) { task.cancel() }
        }
    }

    private func finished(_ id: Int) {
        _ = state.withLock { $0.tasks.removeValue(forKey: id) }
    }
}
