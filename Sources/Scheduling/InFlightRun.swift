import Foundation

/// A run that has started and not yet been settled. Its task is the only task a schedule has.
struct InFlightRun<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    let id: UInt64
    let key: ScheduleKey
    /// Which incarnation of the key started the run; a replaced schedule's run does not touch the new one.
    let generation: UInt64
    let info: ScheduleInfo
    let number: Int
    let deadline: RunDeadline<Instant>
    let startedInstant: Instant
    let startedAt: Date
    let timeout: Duration
    /// Started by `runSlot` rather than by the schedule's timer: the planned next deadline stays.
    let outsideTimer: Bool
    let task: Task<Void, Never>
}
