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

/// A one-shot result that several racers offer and exactly one wins; `wait()` returns the
/// winner's value whether it was offered before or after the wait began.
final class FirstOutcome<Value: Sendable>: Sendable {
    private enum State {
        case open
        case waiting(CheckedContinuation<Value, Never>)
        case decided(Value)
        case delivered
    }

    private let state = Mutex<State>(.open)

    /// Offers `value`; true if it won, false if another value was decided first.
    @discardableResult
    func decide(_ value: Value) -> Bool {
        let (won, waiter): (Bool, CheckedContinuation<Value, Never>?) = state.withLock { state in
            switch state {
            case .open:
                state = .decided(value)
                return (true, nil)
            case .waiting(let continuation):
                state = .delivered
                return (true, continuation)
            case .decided, .delivered:
                return (false, nil)
            }
        }
        waiter?.resume(returning: value)
        return won
    }

    /// Waits for the decided value. Call at most once. A cancelled waiter offers `fallback`, so
    /// cancellation (a closed connection, a shutdown escalating to cancellation) never leaves it
    /// suspended: it returns whichever value was decided first.
    func wait(orOnCancel fallback: Value) async -> Value {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: Value? = state.withLock { state in
                    switch state {
                    case .open:
                        state = .waiting(continuation)
                        return nil
                    case .decided(let value):
                        state = .delivered
                        return value
                    case .waiting, .delivered:
                        preconditionFailure("FirstOutcome.wait() called twice")
                    }
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            decide(fallback)
        }
    }
}
