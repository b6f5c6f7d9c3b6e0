/// Samples a growing request count at a fixed period and reports the most requests seen in any
/// one-second window (to within one period), e.g. of the sandbox's request log.
public struct RequestRateSampler: Sendable {
    private var samples: [(at: Duration, count: Int)] = []

    public init() {}

    public mutating func record(count: Int, at elapsed: Duration) {
        samples.append((elapsed, count))
    }

    /// The largest increase of the count between two samples at most `window` apart.
    public func maximum(over window: Duration = .seconds(1)) -> Int {
        var best = 0
        var start = 0
        for end in samples.indices {
            while samples[end].at - samples[start].at > window { start += 1 }
            best = max(best, samples[end].count - samples[start].count)
        }
        return best
    }
}
