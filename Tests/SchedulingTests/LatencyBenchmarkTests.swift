import Foundation
import Scheduling
import Testing

/// Real-clock figures, only when asked for (`CASTBOT_BENCH=1`); speed itself is never asserted.
@Suite("Latency benchmark", .serialized, .enabled(if: ProcessInfo.processInfo.environment["CASTBOT_BENCH"] == "1"), .timeLimit(.minutes(1)))
struct LatencyBenchmarkTests {
    @Test("10,000 schedules on a real clock each fire once", arguments: [Duration.zero, .seconds(1), .seconds(5)])
    func tenThousandSchedules(spread: Duration) async throws {
        let result = try await SchedulerLatencyBenchmark.run(schedules: 10_000, spread: spread)
        print(result)
        #expect(result.firedOnce)
    }
}
