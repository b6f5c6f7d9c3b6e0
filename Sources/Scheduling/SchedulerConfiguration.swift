/// Engine-wide settings.
package struct SchedulerConfiguration: Hashable, Sendable {
    /// How long after start a schedule first runs (`FirstRun.afterDelay`).
    package var firstRunDelay: Duration
    /// Failed runs in a row that switch a schedule off.
    package var maxConsecutiveFailures: Int
    /// Runs going at once. Runs that fall due while this many are going wait, in deadline order,
    /// for one to finish; their timeout starts when they start. This bounds memory and tasks when
    /// thousands of schedules are due together (they are paced by Discord's rate limit anyway).
    package var maxConcurrentRuns: Int

    package init(firstRunDelay: Duration = .seconds(5), maxConsecutiveFailures: Int = 5, maxConcurrentRuns: Int = 32) {
        self.firstRunDelay = max(.zero, firstRunDelay)
        self.maxConsecutiveFailures = max(1, maxConsecutiveFailures)
        self.maxConcurrentRuns = max(1, maxConcurrentRuns)
    }
}
