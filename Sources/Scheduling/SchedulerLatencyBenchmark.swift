import Foundation
import Logging
import Synchronization

/// Measures how late runs start on a real clock when many schedules are due, for `castbot bench`.
/// Lateness is the time from a run's deadline to the moment its job begins.
public enum SchedulerLatencyBenchmark {
    public struct Result: Sendable, CustomStringConvertible {
        public var schedules: Int
        /// How the first-run deadlines were spread (zero: all at the same instant).
        public var spread: Duration
        public var firedOnce: Bool
        public var median: Duration
        public var p99: Duration
        public var worst: Duration

        public var description: String {
            "\(schedules) schedules over \(DurationText.describe(spread)): lateness median "
                + "\(Self.milliseconds(median)), p99 \(Self.milliseconds(p99)), worst \(Self.milliseconds(worst))"
                + (firedOnce ? "" : " (some schedules did not fire exactly once)")
        }

        private static func milliseconds(_ duration: Duration) -> String {
            String(format: "%.3f ms", DurationText.timeInterval(duration) * 1_000)
        }
    }

    /// Starts `schedules` one-hour schedules whose first runs fall evenly over `spread`,
    /// beginning `lead` from now, and waits until each has run once.
    public static func run(
        schedules: Int = 10_000, spread: Duration = .seconds(1), lead: Duration = .seconds(1)
    ) async throws -> Result {
        let count = max(1, schedules)
        let scheduler = Scheduler(
            clock: ContinuousClock(),
            logger: Logger(label: "castbot.scheduling.benchmark", factory: { _ in SwiftLogNoOpLogHandler() }))
        let recorder = LatencyRecorder(expected: count)
        let loop = Task { await scheduler.run() }
        defer { loop.cancel() }

        let firstDeadline = Date().addingTimeInterval(DurationText.timeInterval(lead))
        let step = DurationText.timeInterval(spread) / Double(count)
        let interval = try ScheduleInterval(minutes: 60)
        let info = ScheduleInfo(kind: "benchmark", channelID: "none", setByUserID: "none", typeLabel: "Benchmark")
        for index in 0..<count {
            let settings = ScheduleSettings(key: ScheduleKey("bench-\(index)"), cadence: .every(interval), info: info)
            try scheduler.start(settings, firstRun: .at(firstDeadline.addingTimeInterval(step * Double(index)))) { context in
                recorder.record(Date().timeIntervalSince(context.scheduledAt), key: context.key)
                return .success
            }
        }
        let giveUpAt = ContinuousClock.now.advanced(by: lead + spread + .seconds(60))
        await recorder.waitUntilComplete(orUntil: giveUpAt)

        let latencies = recorder.latencies.sorted()
        guard !latencies.isEmpty else {
            return Result(schedules: count, spread: spread, firedOnce: false, median: .zero, p99: .zero, worst: .zero)
        }
        func percentile(_ fraction: Double) -> Duration {
            let index = min(latencies.count - 1, Int((Double(latencies.count - 1) * fraction).rounded()))
            return .seconds(max(0, latencies[index]))
        }
        return Result(
            schedules: count, spread: spread, firedOnce: recorder.firedOnce,
            median: percentile(0.5), p99: percentile(0.99), worst: percentile(1))
    }
}

/// Collects run lateness from many run tasks and wakes the benchmark when all have run.
private final class LatencyRecorder: Sendable {
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
