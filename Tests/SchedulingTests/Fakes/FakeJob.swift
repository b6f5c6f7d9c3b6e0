import Foundation
import Scheduling
import Synchronization

/// A run body driven by a script of steps; records every context it was called with.
/// `hold` waits for `release(_:)` and ignores cancellation, like a run stuck on a dead socket.
final class FakeJob: Sendable {
    enum Step: Sendable {
        case succeed
        case fail(String)
        case stopSchedule(String)
        case hold
        /// Waits until its task is cancelled, then throws `CancellationError`.
        case holdUntilCancelled
    }

    /// How a held run ends when released.
    enum Release: Sendable {
        case succeed
        case fail(String)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private struct State {
        var script: [Step]
        var fallback: Step
        var contexts: [RunContext] = []
        var held: [CheckedContinuation<Release, Never>] = []
        var earlyReleases: [Release] = []
        var cancelledWhileHeld = 0
    }

    private let state: Mutex<State>

    init(_ script: [Step] = [], thenAlways fallback: Step = .succeed) {
        state = Mutex(State(script: script, fallback: fallback))
    }

    var job: ScheduleJob {
        { context in try await self.perform(context) }
    }

    var contexts: [RunContext] { state.withLock { $0.contexts } }
    var callCount: Int { state.withLock { $0.contexts.count } }
    var heldCount: Int { state.withLock { $0.held.count } }
    /// Held runs whose task was cancelled (timeout or shutdown) while they were held.
    var cancelledWhileHeld: Int { state.withLock { $0.cancelledWhileHeld } }

    /// Releases the longest-held run, or the next run to hold if none is held yet.
    func release(_ release: Release = .succeed) {
        let waiter = state.withLock { state -> CheckedContinuation<Release, Never>? in
            guard !state.held.isEmpty else {
                state.earlyReleases.append(release)
                return nil
            }
            return state.held.removeFirst()
        }
        waiter?.resume(returning: release)
    }

    /// Releases every held run (test cleanup).
    func releaseAll() {
        let waiters = state.withLock { state in
            defer { state.held.removeAll() }
            return state.held
        }
        for waiter in waiters {
            waiter.resume(returning: .succeed)
        }
    }

    private func perform(_ context: RunContext) async throws -> RunOutcome {
        let step = state.withLock { state in
            state.contexts.append(context)
            return state.script.isEmpty ? state.fallback : state.script.removeFirst()
        }
        switch step {
        case .succeed:
            return .success
        case .fail(let message):
            throw Failure(description: message)
        case .stopSchedule(let reason):
            return .stopSchedule(reason: reason)
        case .holdUntilCancelled:
            await waitForCancellation()
            state.withLock { $0.cancelledWhileHeld += 1 }
            throw CancellationError()
        case .hold:
            let release = await waitForRelease()
            if Task.isCancelled {
                state.withLock { $0.cancelledWhileHeld += 1 }
            }
            switch release {
            case .succeed: return .success
            case .fail(let message): throw Failure(description: message)
            }
        }
    }

    private func waitForCancellation() async {
        let gate = AsyncStream<Never>.makeStream()
        await withTaskCancellationHandler {
            for await _ in gate.stream {}
        } onCancel: {
            gate.continuation.finish()
        }
    }

    private func waitForRelease() async -> Release {
        await withCheckedContinuation { continuation in
            let early = state.withLock { state -> Release? in
                guard !state.earlyReleases.isEmpty else {
                    state.held.append(continuation)
                    return nil
                }
                return state.earlyReleases.removeFirst()
            }
            if let early { continuation.resume(returning: early) }
        }
    }
}
