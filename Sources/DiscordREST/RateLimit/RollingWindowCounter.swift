/// Counts events in a sliding time window (the invalid-request guard's 10 minutes).
struct RollingWindowCounter: Sendable {
    let window: Duration
    private var times: [Duration] = []
    private var start = 0

    init(window: Duration) {
        self.window = window
    }

    mutating func record(at now: Duration) {
        times.append(now)
    }

    mutating func count(at now: Duration) -> Int {
        while start < times.count, times[start] <= now - window {
            start += 1
        }
        // Drop the expired prefix once it dominates, so memory stays proportional to the window.
        if start > 1024, start * 2 > times.count {
            times.removeFirst(start)
            start = 0
        }
        return times.count - start
    }
}
