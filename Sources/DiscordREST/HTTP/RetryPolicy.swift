/// Exponential backoff with jitter for retrying 5xx answers and connection failures.
struct RetryPolicy: Sendable {
    let maxRetries: Int
    let baseDelay: Duration
    let maxDelay: Duration
    /// A random number in 0...1; injected so tests can pin it.
    let random: @Sendable () -> Double

    /// Delay before retry number `retry` (1-based): base · 2^(retry-1), capped, times 0.5-1.0.
    func delay(beforeRetry retry: Int) -> Duration {
        var delay = baseDelay
        for _ in 1..<max(1, retry) where delay < maxDelay {
            delay *= 2
        }
        let capped = min(delay, maxDelay)
        let jitter = 0.5 + 0.5 * min(1, max(0, random()))
        return capped * jitter
    }
}
