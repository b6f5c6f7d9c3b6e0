import Foundation

/// The scheduler's record of one schedule: its public status plus what the loop needs.
struct ScheduleRecord<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    var status: ScheduleStatus
    let generation: UInt64
    let job: ScheduleJob
    /// Interval grids are laid on the scheduler's clock from this instant so they never drift;
    /// grids through a UTC time of day (nil here) are laid in wall time from `status.gridAnchor`.
    let clockAnchor: Instant?
    /// The next run's deadline while waiting for it.
    var next: RunDeadline<Instant>?
    /// Identifies the heap entry for `next`; any other entry for this key is stale.
    var pendingToken: UInt64?
    var runningRunID: UInt64?

    private var interval: Duration { status.cadence.interval.duration }

    /// The first deadline, at `instant`/`date`, placed on the grid. A saved next run is a grid
    /// point kept to the millisecond, so it may fall a fraction of one short of its point: a
    /// millisecond of slack keeps it on that point rather than the one before (which would count
    /// the next deadline as skipped).
    func firstDeadline(instant: Instant, date: Date) -> RunDeadline<Instant> {
        let offset = offset(instant: instant, date: date)
        return RunDeadline(
            instant: instant, date: date,
            gridIndex: Grid.indexAfter(offset + .milliseconds(1), interval: interval) - 1
        )
    }

    /// The deadline after `current` that is not before `now`. Deadlines passed while a run was
    /// going are skipped (`skipped` counts them): they coalesce into that one next run.
    func deadline(
        after current: RunDeadline<Instant>, notBefore now: TimePairing<Instant>
    ) -> (deadline: RunDeadline<Instant>, skipped: Int) {
        let earliest = current.gridIndex + 1
        let due = Grid.indexAtOrAfter(offset(instant: now.instant, date: now.date), interval: interval)
        let index = max(earliest, due)
        return (point(index, pairing: now), Int(clamping: index - earliest))
    }

    private func offset(instant: Instant, date: Date) -> Duration {
        if let clockAnchor {
            return clockAnchor.duration(to: instant)
        }
        return .seconds(date.timeIntervalSince(status.gridAnchor))
    }

    private func point(_ index: Int64, pairing: TimePairing<Instant>) -> RunDeadline<Instant> {
        let step = interval * index
        if let clockAnchor {
            let instant = clockAnchor.advanced(by: step)
            return RunDeadline(instant: instant, date: pairing.date(of: instant), gridIndex: index)
        }
        let date = status.gridAnchor.addingTimeInterval(DurationText.timeInterval(step))
        return RunDeadline(instant: pairing.instant(of: date), date: date, gridIndex: index)
    }
}
