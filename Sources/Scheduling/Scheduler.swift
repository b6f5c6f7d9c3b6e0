import Foundation
import Logging
import Synchronization

/// Runs schedules on absolute deadlines over an injected clock.
///
/// One loop (`run()`) keeps a min-heap of deadlines and sleeps until the earliest, so idle
/// schedules cost nothing. Each run gets its own task, bounded by the schedule's timeout; the
/// loop never waits for a run, and every other method answers at once, without `await`.
///
/// Deadlines: the first run is at start + `firstRunDelay` (5 s) or at the `FirstRun.at` time;
/// later runs fall on the grid `anchor + k × interval` (k ≥ 1), the anchor being the start time, or
/// for a UTC time of day the first such time after the first run. A slow run never shifts later
/// deadlines; deadlines that pass while a run is going are folded into one run at the next one.
package final class Scheduler<C: Clock>: Sendable where C.Duration == Duration {
    /// Run launches per lock hold, so status calls stay quick while thousands of runs start.
    static var launchBatchSize: Int { 256 }

    let clock: C
    let wallClock: @Sendable () -> Date
    let logger: Logger
    let state: Mutex<SchedulerState<C.Instant>>
    let loopWake = WakeSignal()
    let runsDrained = WakeSignal()
    /// Sent each time the loop goes to sleep, so tests stepping virtual time wait for it instead
    /// of polling (see `Scheduler+Testing`).
    let loopParked = WakeSignal()

    /// - Parameters:
    ///   - clock: every wait (deadlines, timeouts, grace periods) is on this clock.
    ///   - wallClock: today's date; shown times and `HH:MM` anchors come from it. In tests derive it
    ///     from the test clock (a base date plus the time elapsed on the clock).
    package init(
        clock: C,
        configuration: SchedulerConfiguration = SchedulerConfiguration(),
        logger: Logger = Logger(label: "castbot.scheduling"),
        wallClock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.clock = clock
        self.wallClock = wallClock
        self.logger = logger
        self.state = Mutex(SchedulerState(configuration: configuration))
    }

    deinit {
        state.withLock { state in
            for continuation in state.subscribers.values {
                continuation.finish()
            }
        }
    }

    // MARK: Schedules

    /// Starts a schedule, replacing any schedule with the same key. Throws, changing nothing, if
    /// the settings are invalid or the scheduler is shut down.
    @discardableResult
    package func start(
        _ settings: ScheduleSettings, firstRun: FirstRun = .afterDelay, job: @escaping ScheduleJob
    ) throws(SchedulingError) -> ScheduleStatus {
        try withState { state, now throws(SchedulingError) in
            try state.install(settings, job: job, firstRun: firstRun, restoring: nil, now: now)
        }
    }

    /// Brings back a schedule saved in a snapshot, keeping its counters, last run and grid, with
    /// its first run at `firstRun` (see `FirstRun.resuming(_:)`).
    @discardableResult
    package func restore(
        _ saved: ScheduleStatus, firstRun: FirstRun, job: @escaping ScheduleJob
    ) throws(SchedulingError) -> ScheduleStatus {
        try withState { state, now throws(SchedulingError) in
            try state.install(saved.settings, job: job, firstRun: firstRun, restoring: saved, now: now)
        }
    }

    /// Takes on a status saved elsewhere (by another process sharing the schedules), publishing
    /// no event, so that taking it on is never written back: an active schedule runs next at its
    /// saved next run, an inactive one is stopped here too. A run going on here finishes
    /// unrecorded if the schedule was replaced.
    @discardableResult
    package func mirror(_ saved: ScheduleStatus, job: @escaping ScheduleJob) throws(SchedulingError) -> ScheduleStatus {
        try withState { state, now throws(SchedulingError) in
            try state.mirror(saved, job: job, now: now)
        }
    }

    /// Runs the deadline `slot` of an active schedule now, outside its timer: a run that another
    /// process started and could not finish. It goes the way of every run (timeout, events,
    /// history, failure count, auto-disable, stop by its run); the schedule's own next deadline
    /// stays planned (one that falls due while this run goes is run right after it). Returns
    /// false, starting nothing, when the schedule is unknown, inactive or running, every run
    /// slot is taken, or the scheduler is shut down.
    @discardableResult
    package func runSlot(_ key: ScheduleKey, at slot: Date) -> Bool {
        withState { state, now in state.launchSlot(key, at: slot, now: now, makeTask: makeRunTask) }
    }

    /// Stops a schedule. A run going on finishes and is recorded. Returns nil for an unknown key.
    @discardableResult
    package func stop(_ key: ScheduleKey, reason: String = "Stopped.") -> ScheduleStatus? {
        withState { state, now in state.stop(key, reason: reason, now: now) }
    }

    /// Forgets a schedule, active or not. Returns its last status, or nil for an unknown key.
    @discardableResult
    package func remove(_ key: ScheduleKey) -> ScheduleStatus? {
        withState { state, _ in state.remove(key) }
    }

    // MARK: Status

    package func status(_ key: ScheduleKey) -> ScheduleStatus? {
        state.withLock { $0.records[key]?.status }
    }

    /// Every known schedule, sorted by key.
    package func statuses() -> [ScheduleStatus] {
        state.withLock { state in state.records.values.map(\.status) }.sorted { $0.key < $1.key }
    }

    /// All schedules' settings and state, to be saved by the app and given back to `restore`.
    package func snapshot() -> SchedulerSnapshot {
        let (schedules, takenAt) = state.withLock { state in
            (state.records.values.map(\.status), wallClock())
        }
        return SchedulerSnapshot(takenAt: takenAt, schedules: schedules)
    }

    package func diagnostics() -> SchedulerDiagnostics {
        state.withLock { $0.diagnostics() }
    }

    // MARK: Events

    /// A stream of everything the scheduler does, from now on. Each call makes a new stream;
    /// all see the same events in the same order. Streams end at shutdown.
    package func events(
        bufferingPolicy: AsyncStream<SchedulerEvent>.Continuation.BufferingPolicy = .bufferingNewest(10_000)
    ) -> AsyncStream<SchedulerEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: SchedulerEvent.self, bufferingPolicy: bufferingPolicy)
        state.withLock { state in
            if state.isShutDown {
                continuation.finish()
            } else {
                state.subscribers[state.nextIdentifier()] = continuation
            }
        }
        return stream
    }

    // MARK: Locking

    /// Runs `body` under the lock with a fresh reading of both clocks, then carries out the
    /// effects it noted (logging, waking the loop, cancelling tasks) after releasing the lock.
    func withState<Result: Sendable, Failure: Error>(
        _ body: (inout SchedulerState<C.Instant>, TimePairing<C.Instant>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let (result, effects) = try state.withLock { state throws(Failure) in
            let now = TimePairing(instant: clock.now, date: wallClock())
            let result = try body(&state, now)
            return (result, state.takeEffects())
        }
        carryOut(effects)
        return result
    }

    private func carryOut(_ effects: SideEffects) {
        for task in effects.tasksToCancel {
            task.cancel()
        }
        if effects.wakeLoop { loopWake.signal() }
        if effects.runsDrained { runsDrained.signal() }
        for event in effects.events {
            log(event)
        }
    }
}
