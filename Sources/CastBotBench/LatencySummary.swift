import CastBot
import Foundation

/// Median, 99th percentile and maximum of a set of latencies (nearest-rank percentiles).
public struct LatencySummary: Sendable, CustomStringConvertible {
    public let count: Int
    public let p50: Duration
    public let p99: Duration
    public let max: Duration

    public init(_ samples: [Duration]) {
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

    public var description: String {
        "p50 \(Self.milliseconds(p50)), p99 \(Self.milliseconds(p99)), max \(Self.milliseconds(max)) (n=\(count))"
    }

    public static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
        return String(format: "%.3f ms", value)
    }
}
