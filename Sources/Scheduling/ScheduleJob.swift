import Foundation

/// The work one run does. It runs in its own task; throwing counts the run as failed.
/// It should return promptly once its task is cancelled (timeout or shutdown).
package typealias ScheduleJob = @Sendable (RunContext) async throws -> RunOutcome

/// How a run that did not throw ended.
package enum RunOutcome: Hashable, Sendable {
    /// The run did its work.
    case success
    /// The run cannot ever succeed (e.g. the channel is gone): stop the schedule for good.
    case stopSchedule(reason: String)
    /// The run is another process's to do (for example a replica that claimed it first): nothing
    /// is recorded here (no run, no failure count); the schedule moves on to its next deadline.
    case doneElsewhere
}

/// What a run is told about itself.
package struct RunContext: Sendable {
    package let key: ScheduleKey
    package let info: ScheduleInfo
    /// 1 for the schedule's first run.
    package let runNumber: Int
    /// The deadline this run was due at.
    package let scheduledAt: Date
    package let startedAt: Date
    /// When the next run is due if this one finishes in time (for "next export" lines).
    package let nextRunAt: Date?

    package init(
        key: ScheduleKey, info: ScheduleInfo, runNumber: Int,
        scheduledAt: Date, startedAt: Date, nextRunAt: Date?
    ) {
        self.key = key
        self.info = info
        self.runNumber = runNumber
        self.scheduledAt = scheduledAt
        self.startedAt = startedAt
        self.nextRunAt = nextRunAt
    }
}
