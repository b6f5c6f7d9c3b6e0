import Scheduling
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

    init(expected: Int) {
        self.expected = expected
    }

    var latencies: [TimeInterval] { state.withLock { $0.latencies } }
    var firedOnce: Bool { state.withLock { !$0.duplicate && $0.keys.count == expected } }

    func record(_ latency: TimeInterval, key: ScheduleKey) {
        state.withLock { state in
            state.latencies.append(latency)
            state.duplicate = state.duplicate || !state.keys.insert(key).inserted
        }
    }

    /// Polls every few milliseconds: lateness is measured per run, so how soon the benchmark
    /// notices the last one does not change a figure.
    func waitUntilComplete(orUntil deadline: ContinuousClock.Instant) async {
        let clock = ContinuousClock()
        while state.withLock({ $0.latencies.count < expected }), !Task.isCancelled, clock.now < deadline {
            try? await clock.sleep(for: .milliseconds(5))
        }
    }
}
