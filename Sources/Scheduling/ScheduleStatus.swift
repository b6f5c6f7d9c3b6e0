import Foundation

/// Everything known about one schedule. Also the unit of a snapshot: it is Codable, and
/// `Scheduler.restore(_:firstRun:job:)` takes it back.
public struct ScheduleStatus: Hashable, Sendable, Codable {
    public var settings: ScheduleSettings
    public var isActive: Bool
    public var startedAt: Date
    /// The point the run grid is laid from: the start time, or the first `HH:MM` after the first run.
    public var gridAnchor: Date
    /// When the next run is due; nil once stopped.
    public var nextRunAt: Date?
    /// When the run now going started; nil when none is.
    public var runningSince: Date?
    public var lastRun: RunRecord?
    /// Runs started, including one still going.
    public var runCount: Int
    /// Runs that failed or timed out, ever.
    public var failureCount: Int
    /// Failed or timed-out runs since the last success; reaching the limit auto-disables.
    public var consecutiveFailures: Int
    /// Deadlines passed while a run was still going, folded into the next run.
    public var skippedRuns: Int
    public var stoppedAt: Date?
    public var stopReason: StopReason?

    public init(
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

    public var key: ScheduleKey { settings.key }
    public var info: ScheduleInfo { settings.info }
    public var cadence: ScheduleCadence { settings.cadence }
    public var isRunning: Bool { runningSince != nil }
}

extension ScheduleStatus {
    /// The grid point (`gridAnchor + k × interval`, whole milliseconds) that a run due at
    /// `scheduledAt` stands for: the latest one not after it, with a second of slack.
    ///
    /// Processes sharing a schedule name a run by it. Each lays the grid on its own clock, so
    /// their deadlines for the same run can differ by a little; a catch-up run placed at "now"
    /// after a restart falls in the slot it makes up for. Both name the same slot.
    public func slot(of scheduledAt: Date) -> Date {
        let anchor = Int64((gridAnchor.timeIntervalSince1970 * 1_000).rounded())
        let due = Int64((scheduledAt.timeIntervalSince1970 * 1_000).rounded()) + 1_000
        let interval = max(1, cadence.interval.milliseconds)
        let offset = due - anchor
        let index = offset >= 0 ? offset / interval : -((-offset + interval - 1) / interval)
        return Date(timeIntervalSince1970: Double(anchor + index * interval) / 1_000)
    }
}
