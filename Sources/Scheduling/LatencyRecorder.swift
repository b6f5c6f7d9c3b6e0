import Foundation
import Synchronization

/// Collects run lateness from many run tasks and wakes the benchmark when all have run.
final class LatencyRecorder: Sendable {
    private struct State {
        var latencies: [TimeInterval] = []
        var keys = Set<ScheduleKey>()
        var duplicate = false
    }

    private let expected: Int
    private let state = Mutex(State())
    private let complete = WakeSignal()

    init(expected: Int) {
        self.expected = expected
    }

    var latencies: [TimeInterval] { state.withLock { $0.latencies } }
    var firedOnce: Bool { state.withLock { !$0.duplicate && $0.keys.count == expected } }

    func record(_ latency: TimeInterval, key: ScheduleKey) {
        let done = state.withLock { state in
            state.latencies.append(latency)
            state.duplicate = state.duplicate || !state.keys.insert(key).inserted
            return state.latencies.count >= expected
        }
        if done { complete.signal() }
    }

    func waitUntilComplete(orUntil deadline: ContinuousClock.Instant) async {
        let clock = ContinuousClock()
        while state.withLock({ $0.latencies.count < expected }), !Task.isCancelled, clock.now < deadline {
            await complete.wait(until: deadline, on: clock)
        }
    }
}
