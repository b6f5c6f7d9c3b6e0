import CastBot
import Foundation

/// Median, 99th percentile and maximum of a set of latencies (nearest-rank percentiles).
package struct LatencySummary: Sendable, CustomStringConvertible {
    package let count: Int
    package let p50: Duration
    package let p99: Duration
    package let max: Duration

    package init(_ samples: [Duration]) {
        let sorted = samples.sorted()
        count = sorted.count
        func rank(_ fraction: Double) -> Duration {
            guard !sorted.isEmpty else { return .zero }
            let index = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.min(Swift.max(index, 0), sorted.count - 1)]
        }
        p50 = rank(0.5)
        p99 = rank(0.99)
        max = sorted.last ?? .zero
    }

    package var description: String {
        "p50 \(Self.milliseconds(p50)), p99 \(Self.milliseconds(p99)), max \(Self.milliseconds(max)) (n=\(count))"
    }

    package static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
        return String(format: "%.3f ms", value)
    }
}
