@testable import CastBot
import Synchronization

/// Records follow-ups and lets a test wait until a given number has been sent.
final class RecordingFollowUpSender: FollowUpSender {
    private typealias Waiter = (count: Int, continuation: CheckedContinuation<[FollowUpMessage], Never>)

    private struct State {
        var sent: [FollowUpMessage] = []
        var nextWaiterID = 0
        var waiters: [Int: Waiter] = [:]
    }

    private let state = Mutex(State())
    private let events: EventLog?

    /// - Parameter events: when given, each follow-up is also recorded there as `follow-up`.
    init(events: EventLog? = nil) {
        self.events = events
    }

    func send(_ followUp: FollowUpMessage) async throws {
        events?.record("follow-up")
        let (due, sent) = state.withLock { state in
            state.sent.append(followUp)
            let count = state.sent.count
            let due = state.waiters.filter { $0.value.count <= count }
            for id in due.keys { state.waiters[id] = nil }
            return (due.values.map(\.continuation), state.sent)
        }
        for continuation in due { continuation.resume(returning: sent) }
    }

    var sent: [FollowUpMessage] { state.withLock { $0.sent } }

    /// Returns once at least `count` follow-ups were sent, or with what was sent so far if the
    /// waiting task is cancelled (e.g. by a test time limit).
    func waitForFollowUps(count: Int) async -> [FollowUpMessage] {
        let id = state.withLock { state in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: [FollowUpMessage]? = state.withLock { state in
                    if state.sent.count >= count || Task.isCancelled { return state.sent }
                    state.waiters[id] = (count, continuation)
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let (waiter, sent) = state.withLock { ($0.waiters.removeValue(forKey: id), $0.sent) }
            waiter?.continuation.resume(returning: sent)
        }
    }
}
