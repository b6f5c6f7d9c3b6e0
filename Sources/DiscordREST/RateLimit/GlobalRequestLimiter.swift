/// Discord's global limit: at most N requests per second across all routes (interaction routes
/// excepted). Keeps the start times of the last N requests.
struct GlobalRequestLimiter: Sendable {
    let requestsPerSecond: Int
    private var recent: [Duration] = []

    init(requestsPerSecond: Int) {
        self.requestsPerSecond = max(1, requestsPerSecond)
    }

    /// When the next request may start.
    func nextSlot(at now: Duration) -> Duration {
        guard recent.count >= requestsPerSecond else { return now }
        return max(now, recent[recent.count - requestsPerSecond] + .seconds(1))
    }

    mutating func record(at now: Duration) {
        recent.append(now)
        if recent.count > requestsPerSecond {
            recent.removeFirst(recent.count - requestsPerSecond)
        }
    }
}
