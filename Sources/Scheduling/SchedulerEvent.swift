import Foundation

/// Something the scheduler did, for logs, metrics and messages to admins.
package struct SchedulerEvent: Hashable, Sendable {
    package enum Kind: Hashable, Sendable {
        /// A schedule was started or restored.
        case scheduled(firstRunAt: Date)
        /// The schedule with this key was replaced by a new one (which gets its own `scheduled`).
        case replaced
        /// Stopped on request.
        case stopped(reason: String)
        case runStarted(run: Int, scheduledAt: Date)
        case runSucceeded(run: Int, duration: Duration)
        /// The run finished by asking to stop its schedule for good (`stoppedByRun` follows).
        case runStoppedSchedule(run: Int, duration: Duration)
        case runFailed(run: Int, error: String, consecutiveFailures: Int)
        case runTimedOut(run: Int, timeout: Duration, consecutiveFailures: Int)
        /// Cancelled by shutdown; not counted as a failure.
        case runCancelled(run: Int)
        /// The run was another process's to do (its job said so); nothing was done here or counted.
        case runDoneElsewhere(run: Int)
        /// Deadlines that passed while a run was going were folded into the next run.
        case runsCoalesced(skipped: Int, nextRunAt: Date)
        /// Too many failed runs in a row; the schedule is off. Tell whoever set it.
        case autoDisabled(lastError: String, failures: Int)
        /// A run asked to stop its schedule for good. Tell whoever set it.
        case stoppedByRun(reason: String)
    }

    package let key: ScheduleKey
    package let info: ScheduleInfo
    /// Wall-clock time of the event.
    package let at: Date
    package let kind: Kind

    package init(key: ScheduleKey, info: ScheduleInfo, at: Date, kind: Kind) {
        self.key = key
        self.info = info
        self.at = at
        self.kind = kind
    }
}
