/// Counts describing the engine itself, for metrics and tests.
package struct SchedulerDiagnostics: Hashable, Sendable {
    /// Schedules known, active or not.
    package var schedules: Int
    package var activeSchedules: Int
    /// Runs going now; each has exactly one task. Idle schedules have none.
    package var runningRuns: Int
    /// Runs due but waiting for a free slot (`SchedulerConfiguration.maxConcurrentRuns`).
    package var runsWaitingForSlot: Int
    /// Runs given up on (timed out, or cancelled at shutdown) whose task has not returned yet:
    /// work that ignores cancellation shows up here.
    package var abandonedRuns: Int
    /// Entries in the deadline heap, including stale ones not yet discarded.
    package var pendingDeadlines: Int
    /// Whether `run()` is looping.
    package var loopRunning: Bool
    /// Times the loop woke up (deadline reached or state changed).
    package var loopWakeUps: Int

    package init(
        schedules: Int, activeSchedules: Int, runningRuns: Int, runsWaitingForSlot: Int = 0, abandonedRuns: Int,
        pendingDeadlines: Int, loopRunning: Bool, loopWakeUps: Int
    ) {
        self.schedules = schedules
        self.activeSchedules = activeSchedules
        self.runningRuns = runningRuns
        self.runsWaitingForSlot = runsWaitingForSlot
        self.abandonedRuns = abandonedRuns
        self.pendingDeadlines = pendingDeadlines
        self.loopRunning = loopRunning
        self.loopWakeUps = loopWakeUps
    }
}
