/// Counts describing the engine itself, for metrics and tests.
public struct SchedulerDiagnostics: Hashable, Sendable {
    /// Schedules known, active or not.
    public var schedules: Int
    public var activeSchedules: Int
    /// Runs going now; each has exactly one task. Idle schedules have none.
    public var runningRuns: Int
    /// Runs due but waiting for a free slot (`SchedulerConfiguration.maxConcurrentRuns`).
    public var runsWaitingForSlot: Int
    /// Runs given up on (timed out, or cancelled at shutdown) whose task has not returned yet:
    /// work that ignores cancellation shows up here.
    public var abandonedRuns: Int
    /// Entries in the deadline heap, including stale ones not yet discarded.
    public var pendingDeadlines: Int
    /// Whether `run()` is looping.
    public var loopRunning: Bool
    /// Times the loop woke up (deadline reached or state changed).
    public var loopWakeUps: Int

    public init(
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
