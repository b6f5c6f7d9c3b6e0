import Foundation

extension SchedulerState {
    /// How far ahead a first run may be placed.
    static var maxFirstRunLead: TimeInterval { 366 * 86_400 }
    /// How far from now a restored schedule's dates may be.
    static var maxSavedDateDistance: TimeInterval { 100 * 366 * 86_400 }

    /// Takes on a view of a schedule saved elsewhere without publishing events, so that
    /// adopting a change never writes it back: an active status is
    /// installed with its first run at its saved next run; an inactive one replaces the record.
    mutating func mirror(_ saved: ScheduleStatus, job: @escaping ScheduleJob, now: TimePairing<Instant>) throws(SchedulingError) -> ScheduleStatus {
        if saved.isActive {
            return try install(saved.settings, job: job, firstRun: .resuming(saved), restoring: saved, now: now, quietly: true)
        }
        guard !isShutDown else { throw .shutDown }
        if let old = records[saved.key] {
            discardPending(of: old)
            var record = old
            record.pendingToken = nil
            record.next = nil
            record.status = saved
            records[saved.key] = record
        } else {
            records[saved.key] = ScheduleRecord(status: saved, generation: nextIdentifier(), job: job, clockAnchor: nil)
        }
        return saved
    }

    /// Starts (or restores) a schedule, replacing any schedule with the same key.
    mutating func install(
        _ settings: ScheduleSettings, job: @escaping ScheduleJob, firstRun: FirstRun,
        restoring saved: ScheduleStatus?, now: TimePairing<Instant>, quietly: Bool = false
    ) throws(SchedulingError) -> ScheduleStatus {
        guard !isShutDown else { throw .shutDown }
        try settings.validate()
        if let saved { try Self.validate(saved, now: now) }
        let first = try firstRunPoint(firstRun, now: now)

        if let old = records[settings.key] {
            discardPending(of: old)
            if old.status.isActive, !quietly {
                publish(old.status.key, old.status.info, at: now.date, .replaced)
            }
        }

        let (gridAnchor, clockAnchor) = Self.anchors(of: settings.cadence, saved: saved, firstRunAt: first.date, now: now)
        var status = saved ?? ScheduleStatus(
            settings: settings, isActive: true, startedAt: now.date, gridAnchor: gridAnchor)
        status.settings = settings
        status.isActive = true
        status.gridAnchor = gridAnchor
        status.runningSince = nil
        status.stoppedAt = nil
        status.stopReason = nil

        var record = ScheduleRecord(
            status: status, generation: nextIdentifier(), job: job, clockAnchor: clockAnchor)
        let deadline = record.firstDeadline(instant: first.instant, date: first.date)
        record.next = deadline
        record.status.nextRunAt = deadline.date
        record.pendingToken = schedule(settings.key, at: deadline)
        records[settings.key] = record
        if !quietly {
            publish(settings.key, settings.info, at: now.date, .scheduled(firstRunAt: deadline.date))
        }
        return record.status
    }

    /// Stops an active schedule; its record stays so that status can say why.
    mutating func stop(_ key: ScheduleKey, reason: String, now: TimePairing<Instant>) -> ScheduleStatus? {
        guard var record = records[key] else { return nil }
        if record.status.isActive {
            deactivate(&record, StopReason(kind: .stopped, message: reason), now: now)
            records[key] = record
            publish(key, record.status.info, at: now.date, .stopped(reason: reason))
        }
        return record.status
    }

    /// Forgets a schedule entirely (a run still going finishes unrecorded).
    mutating func remove(_ key: ScheduleKey) -> ScheduleStatus? {
        guard let record = records.removeValue(forKey: key) else { return nil }
        discardPending(of: record)
        return record.status
    }

    mutating func deactivate(_ record: inout ScheduleRecord<Instant>, _ reason: StopReason, now: TimePairing<Instant>) {
        discardPending(of: record)
        record.pendingToken = nil
        record.next = nil
        record.status.isActive = false
        record.status.nextRunAt = nil
        record.status.stoppedAt = now.date
        record.status.stopReason = reason
    }

    /// Where a schedule's grid is laid from. An interval grid starts at the start (or the saved
    /// start) and lives on the clock; a time-of-day grid starts at the first such time after the
    /// first run and lives in wall time. A restored schedule keeps its grid if its cadence is unchanged.
    private static func anchors(
        of cadence: ScheduleCadence, saved: ScheduleStatus?, firstRunAt: Date, now: TimePairing<Instant>
    ) -> (gridAnchor: Date, clockAnchor: Instant?) {
        guard let time = cadence.anchoredAt else {
            let anchor = saved?.gridAnchor ?? now.date
            return (anchor, now.instant(of: anchor))
        }
        if let saved, saved.cadence == cadence {
            return (saved.gridAnchor, nil)
        }
        return (time.firstOccurrence(after: firstRunAt), nil)
    }

    private mutating func discardPending(of record: ScheduleRecord<Instant>) {
        if record.pendingToken != nil {
            staleEntries += 1
        }
    }

    private func firstRunPoint(_ firstRun: FirstRun, now: TimePairing<Instant>) throws(SchedulingError) -> (instant: Instant, date: Date) {
        switch firstRun {
        case .afterDelay:
            let instant = now.instant.advanced(by: configuration.firstRunDelay)
            return (instant, now.date(of: instant))
        case .at(let date):
            guard date.timeIntervalSince(now.date) <= Self.maxFirstRunLead else {
                throw .firstRunTooFarAhead(date)
            }
            if date <= now.date {
                return (now.instant, now.date)
            }
            return (now.instant(of: date), date)
        }
    }

    private static func validate(_ saved: ScheduleStatus, now: TimePairing<Instant>) throws(SchedulingError) {
        let dates = [saved.startedAt, saved.gridAnchor] + [saved.nextRunAt].compactMap { $0 }
        for date in dates where !(abs(date.timeIntervalSince(now.date)) <= maxSavedDateDistance) {
            throw .savedDateOutOfRange(date)
        }
        if saved.runCount < 0 || saved.failureCount < 0 || saved.consecutiveFailures < 0 || saved.skippedRuns < 0 {
            throw .savedCountNegative
        }
    }
}
