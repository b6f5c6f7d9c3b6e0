/// An entry of the loop's min-heap. Entries are never removed early: a stopped or replaced
/// schedule, or a run that finished before its timeout, leaves a stale entry that is skipped.
struct PendingDeadline<Instant: InstantProtocol>: Comparable, Sendable {
    enum Purpose: Sendable {
        /// The schedule's next run; valid while the schedule still holds `token`.
        case run(ScheduleKey, token: UInt64)
        /// The run's timeout; valid while the run is still going.
        case timeout(runID: UInt64)
    }

    let instant: Instant
    /// Unique and increasing: breaks ties so equal deadlines fire in the order they were set.
    let sequence: UInt64
    let purpose: Purpose

    static func < (lhs: PendingDeadline, rhs: PendingDeadline) -> Bool {
        lhs.instant == rhs.instant ? lhs.sequence < rhs.sequence : lhs.instant < rhs.instant
    }

    static func == (lhs: PendingDeadline, rhs: PendingDeadline) -> Bool {
        lhs.sequence == rhs.sequence
    }
}
