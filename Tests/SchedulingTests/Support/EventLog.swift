import Scheduling

/// Collects a scheduler's events and lets a test wait for the next one it cares about.
actor EventLog {
    private(set) var events: [SchedulerEvent] = []
    /// Indexes already returned by `next(where:)`; every index below `firstUnreturned` is one.
    private var returned = Set<Int>()
    private var firstUnreturned = 0
    private var finished = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Starts collecting from `stream` in a task of its own.
    static func collecting(_ stream: AsyncStream<SchedulerEvent>) -> (EventLog, Task<Void, Never>) {
        let log = EventLog()
        let task = Task {
            for await event in stream {
                await log.append(event)
            }
            await log.finish()
        }
        return (log, task)
    }

    /// The earliest event not returned before that matches, waiting for it if needed;
    /// nil if the stream ends first. Events of different schedules may interleave in any order.
    func next(where matches: @Sendable (SchedulerEvent) -> Bool) async -> SchedulerEvent? {
        while true {
            if let index = events.indices[firstUnreturned...].first(where: { !returned.contains($0) && matches(events[$0]) }) {
                returned.insert(index)
                while returned.remove(firstUnreturned) != nil {
                    firstUnreturned += 1
                }
                return events[index]
            }
            if finished || Task.isCancelled { return nil }
            // A test over its time limit is cancelled; stop waiting so that it can end.
            await withTaskCancellationHandler {
                await withCheckedContinuation { waiters.append($0) }
            } onCancel: {
                Task { await self.resumeWaiters() }
            }
        }
    }

    func count(where matches: (SchedulerEvent) -> Bool) -> Int {
        events.count(where: matches)
    }

    private func append(_ event: SchedulerEvent) {
        events.append(event)
        resumeWaiters()
    }

    private func finish() {
        finished = true
        resumeWaiters()
    }

    private func resumeWaiters() {
        let waiting = waiters
        waiters.removeAll()
        for waiter in waiting {
            waiter.resume()
        }
    }
}
