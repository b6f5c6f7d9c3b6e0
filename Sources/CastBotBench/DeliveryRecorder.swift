import CastBot
import Foundation
import Synchronization

/// Collects the outcome of many scheduled deliveries from their run tasks.
final class DeliveryRecorder: Sendable {
    private struct State {
        var lateness: [Duration] = []
        var delivered = 0
        var failed = 0
        var failureSamples: [String] = []
    }

    let expected: Int
    private let state = Mutex(State())

    init(expected: Int) {
        self.expected = expected
    }

    func started(lateness: TimeInterval) {
        state.withLock { $0.lateness.append(.microseconds(Int64((lateness * 1_000_000).rounded()))) }
    }

    func finished(failure: String?) {
        state.withLock { state in
            guard let failure else {
                state.delivered += 1
                return
            }
            state.failed += 1
            if state.failureSamples.count < 5 { state.failureSamples.append(failure) }
        }
    }

    var isComplete: Bool { state.withLock { $0.delivered + $0.failed >= expected } }
    var lateness: [Duration] { state.withLock { $0.lateness } }
    var counts: (delivered: Int, failed: Int, samples: [String]) {
        state.withLock { ($0.delivered, $0.failed, $0.failureSamples) }
    }
}
