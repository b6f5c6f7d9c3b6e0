import Foundation

/// Everything known about one schedule. Also the unit of a snapshot: it is Codable, and
/// `Scheduler.restore(_:firstRun:job:)` takes it back.
package struct ScheduleStatus: Hashable, Sendable, Codable {
    package var settings: ScheduleSettings
    package var isActive: Bool
    package var startedAt: Date
    /// The point the run grid is laid from: the start time, or the first `HH:MM` after the first run.
    package var gridAnchor: Date
    /// When the next run is due; nil once stopped.
    package var nextRunAt: Date?
    /// When the run now going started; nil when none is.
    package var runningSince: Date?
    package var lastRun: RunRecord?
    /// Runs started, including one still going.
    package var runCount: Int
    /// Runs that failed or timed out, ever.
    package var failureCount: Int
    /// Failed or timed-out runs since the last success; reaching the limit auto-disables.
    package var consecutiveFailures: Int
    /// Deadlines passed while a run was still going, folded into the next run.
    package var skippedRuns: Int
    package var stoppedAt: Date?
    package var stopReason: StopReason?

    package init(
        settings: ScheduleSettings, isActive: Bool, startedAt: Date, gridAnchor: Date,
        nextRunAt: Date? = nil, runningSince: Date? = nil, lastRun: RunRecord? = nil,
        runCount: Int = 0, failureCount: Int = 0, consecutiveFailures: Int = 0, skippedRuns: Int = 0,
        stoppedAt: Date? = nil, stopReason: StopReason? = nil
    ) {
        self.settings = settings
        self.isActive = isActive
        self.startedAt = startedAt
        self.gridAnchor = gridAnchor
        self.nextRunAt = nextRunAt
        self.runningSince = runningSince
        self.lastRun = lastRun
        self.runCount = runCount
        self.failureCount = failureCount
        self.consecutiveFailures = consecutiveFailures
        self.skippedRuns = skippedRuns
        self.stoppedAt = stoppedAt
        self.stopReason = stopReason
    }

    package var key: ScheduleKey { settings.key }
    package var info: ScheduleInfo { settings.info }
    package var cadence: ScheduleCadence { settings.cadence }
    package var isRunning: Bool { runningSince != nil }
}

extension ScheduleStatus {
    /// The grid point (`gridAnchor + k × interval`, whole milliseconds) that a run due at
    /// `scheduledAt` stands for: the latest one not after it, with a second of slack.
    ///
    /// Processes sharing a schedule name a run by it. Each lays the grid on its own clock, so
    /// their deadlines for the same run can differ by a little; a catch-up run placed at "now"
    /// after a restart falls in the slot it makes up for. Both name the same slot.
    package func slot(of scheduledAt: Date) -> Date {
        let anchor = Int64((gridAnchor.timeIntervalSince1970 * 1_000).rounded())
        let due = Int64((scheduledAt.timeIntervalSince1970 * 1_000).rounded()) + 1_000
        let interval = max(1, cadence.interval.milliseconds)
        let offset = due - anchor
        let index = offset >= 0 ? offset / interval : -((-offset + interval - 1) / interval)
        return Date(timeIntervalSince1970: Double(anchor + index * interval) / 1_000)
    }
}
