import CastBot
import Foundation
import Scheduling
import Logging

/// Measures how late runs start on a real clock when many schedules are due, for `castbot-bench`.
/// Lateness is the time from a run's deadline to the moment its job begins.
public enum SchedulerLatencyBenchmark {
    public struct Result: Sendable, CustomStringConvertible {
        public var schedules: Int
        /// How the first-run deadlines were spread (zero: all at the same instant).
        public var spread: Duration
        public var firedOnce: Bool
        public var best: Duration
        public var median: Duration
        public var p99: Duration
        public var worst: Duration

        public var description: String {
            "\(schedules) schedules over \(DurationText.describe(spread)): lateness best \(Self.milliseconds(best)), median "
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
            return Result(schedules: count, spread: spread, firedOnce: false, best: .zero, median: .zero, p99: .zero, worst: .zero)
        }
        func percentile(_ fraction: Double) -> Duration {
            let index = min(latencies.count - 1, Int((Double(latencies.count - 1) * fraction).rounded()))
            return .seconds(max(0, latencies[index]))
        }
        return Result(
            schedules: count, spread: spread, firedOnce: recorder.firedOnce, best: percentile(0),
            median: percentile(0.5), p99: percentile(0.99), worst: percentile(1))
    }
}
