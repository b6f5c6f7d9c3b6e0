import Synchronization

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
