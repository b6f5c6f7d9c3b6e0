import Foundation
import HeapModule

/// Makes the task for one run; called under the lock (creating a task does not run it).
typealias RunTaskFactory = (_ runID: UInt64, _ job: @escaping ScheduleJob, _ context: RunContext) -> Task<Void, Never>

extension SchedulerState {
    /// Fires entries due at `now`, at most `limit` run launches per call so the lock is released
    /// between batches. Returns true if due entries remain.
    mutating func processDue(now: TimePairing<Instant>, limit: Int, makeTask: RunTaskFactory) -> Bool {
        loop.isParked = false
        loop.wakePending = false
        var launched = 0
        // Runs already waiting for a slot are older than anything due in the heap: they go first.
        while hasFreeSlot, let waiting = waitingForSlot.first {
            if launched >= limit { return true }
            waitingForSlot.removeFirst()
            if launchRun(waiting.key, token: waiting.token, now: now, makeTask: makeTask) { launched += 1 }
        }
        while let entry = heap.min, entry.instant <= now.instant {
            if launched >= limit { return true }
            heap.removeMin()
            switch entry.purpose {
            case .run(let key, let token):
                guard hasFreeSlot else {
                    // Kept out of the heap so timeouts behind it still fire while every slot is taken.
                    waitingForSlot.append((key, token))
                    continue
                }
                if launchRun(key, token: token, now: now, makeTask: makeTask) { launched += 1 }
            case .timeout(let runID):
                if inFlight[runID] == nil {
                    staleEntries = max(0, staleEntries - 1)
                } else {
                    settle(runID, .timedOut, now: now)
                }
            }
        }
        return false
    }

    /// Parks the loop: drops stale entries at the top and returns the deadline to sleep until.
    mutating func park() -> Instant? {
        while let entry = heap.min, !isValid(entry) {
            heap.removeMin()
            staleEntries = max(0, staleEntries - 1)
        }
        if staleEntries > Self.staleEntriesBeforeCompaction, staleEntries * 2 > heap.count {
            heap = .init(heap.unordered.filter(isValid))
            staleEntries = 0
        }
        loop.isParked = true
        loop.parkedUntil = heap.min?.instant
        loop.wakeUps += 1
        return loop.parkedUntil
    }

    /// Settles a run: records its result, then plans the next run, or stops the schedule.
    mutating func settle(_ runID: UInt64, _ ending: RunEnding, now: TimePairing<Instant>) {
        guard let run = inFlight.removeValue(forKey: runID) else {
            abandoned.remove(runID)  // an abandoned run's task has finally returned
            return
        }
        switch ending {
        case .timedOut:
            effects.tasksToCancel.append(run.task)
            abandoned.insert(runID)
        case .cancelled:
            effects.tasksToCancel.append(run.task)
            abandoned.insert(runID)
            staleEntries += 1  // its timeout entry
        case .returned, .threw:
            staleEntries += 1  // its timeout entry
        }
        if inFlight.isEmpty { effects.runsDrained = true }
        if !waitingForSlot.isEmpty { wakeLoop() }
        if case .returned(.doneElsewhere) = ending {
            settleDoneElsewhere(run, now: now)
            return
        }
        let result = Self.result(of: ending, timeout: run.timeout)

        guard var record = records[run.key], record.generation == run.generation else {
            publishRunEnd(run, result, consecutiveFailures: 0, now: now)
            return
        }
        record.runningRunID = nil
        record.status.runningSince = nil
        record.status.lastRun = RunRecord(
            number: run.number, scheduledAt: run.deadline.date, startedAt: run.startedAt,
            finishedAt: now.date, result: result)
        switch result.kind {
        case .succeeded: record.status.consecutiveFailures = 0
        case .failed, .timedOut:
            record.status.consecutiveFailures += 1
            record.status.failureCount += 1
        case .cancelled, .stoppedSchedule: break
        }
        publishRunEnd(run, result, consecutiveFailures: record.status.consecutiveFailures, now: now)

        if record.status.isActive {
            continueOrStop(&record, after: run, result: result, now: now)
        }
        records[run.key] = record
    }

    /// A run another replica claimed: undo its count and plan the next deadline, recording nothing.
    private mutating func settleDoneElsewhere(_ run: InFlightRun<Instant>, now: TimePairing<Instant>) {
        publish(run.key, run.info, at: now.date, .runDoneElsewhere(run: run.number))
        guard var record = records[run.key], record.generation == run.generation else { return }
        record.runningRunID = nil
        record.status.runningSince = nil
        record.status.runCount = max(0, run.number - 1)
        if record.status.isActive {
            planNext(&record, after: run, now: now)
        }
        records[run.key] = record
    }

    private var hasFreeSlot: Bool { inFlight.count < configuration.maxConcurrentRuns }

    /// Settles every run still going as cancelled (shutdown, or the loop itself cancelled).
    mutating func cancelAllRuns(now: TimePairing<Instant>) -> Int {
        let ids = inFlight.keys.sorted()
        for id in ids {
            settle(id, .cancelled, now: now)
        }
        return ids.count
    }

    private mutating func launchRun(
        _ key: ScheduleKey, token: UInt64, now: TimePairing<Instant>, makeTask: RunTaskFactory
    ) -> Bool {
        guard var record = records[key], record.pendingToken == token else {
            staleEntries = max(0, staleEntries - 1)
            return false
        }
        record.pendingToken = nil
        guard record.status.isActive, record.runningRunID == nil, !isShutDown, let deadline = record.next else {
            records[key] = record
            return false
        }
        let upcoming = record.deadline(after: deadline, notBefore: now).deadline
        record.next = nil
        record.status.nextRunAt = upcoming.date
        start(&record, deadline: deadline, nextRunAt: upcoming.date, outsideTimer: false, now: now, makeTask: makeTask)
        return true
    }

    /// Starts the run of `key` due at `slot` now, outside the schedule's timer (`Scheduler.runSlot`).
    mutating func launchSlot(_ key: ScheduleKey, at slot: Date, now: TimePairing<Instant>, makeTask: RunTaskFactory) -> Bool {
        guard var record = records[key], record.status.isActive, record.runningRunID == nil, !isShutDown, hasFreeSlot else {
            return false
        }
        let deadline = record.firstDeadline(instant: now.instant(of: slot), date: slot)
        start(&record, deadline: deadline, nextRunAt: record.next?.date, outsideTimer: true, now: now, makeTask: makeTask)
        return true
    }

    /// Starts `record`'s run due at `deadline` as a task of its own with its timeout, and notes it
    /// running; `nextRunAt` is what the run is told of the next one.
    private mutating func start(
        _ record: inout ScheduleRecord<Instant>, deadline: RunDeadline<Instant>, nextRunAt: Date?, outsideTimer: Bool,
        now: TimePairing<Instant>, makeTask: RunTaskFactory
    ) {
        let key = record.status.key
        let runID = nextIdentifier()
        let number = record.status.runCount + 1
        let context = RunContext(
            key: key, info: record.status.info, runNumber: number,
            scheduledAt: deadline.date, startedAt: now.date, nextRunAt: nextRunAt)
        let timeout = record.status.settings.runTimeout
        inFlight[runID] = InFlightRun(
            id: runID, key: key, generation: record.generation, info: record.status.info,
            number: number, deadline: deadline, startedInstant: now.instant, startedAt: now.date,
            timeout: timeout, outsideTimer: outsideTimer, task: makeTask(runID, record.job, context))
        push(.timeout(runID: runID), at: now.instant.advanced(by: timeout))
        record.runningRunID = runID
        record.status.runCount = number
        record.status.runningSince = now.date
        records[key] = record
        publish(key, record.status.info, at: now.date, .runStarted(run: number, scheduledAt: deadline.date))
    }

    private mutating func continueOrStop(
        _ record: inout ScheduleRecord<Instant>, after run: InFlightRun<Instant>, result: RunResult,
        now: TimePairing<Instant>
    ) {
        let key = run.key
        if result.kind == .stoppedSchedule {
            let reason = result.message ?? "stopped by its run"
            deactivate(&record, StopReason(kind: .stoppedByRun, message: reason), now: now)
            publish(key, run.info, at: now.date, .stoppedByRun(reason: reason))
            return
        }
        let failures = record.status.consecutiveFailures
        if failures >= configuration.maxConsecutiveFailures {
            let lastError = result.message ?? "unknown error"
            let message = "Auto-disabled after \(failures) failed runs in a row. Last error: \(lastError)"
            deactivate(&record, StopReason(kind: .autoDisabled, message: message), now: now)
            publish(key, run.info, at: now.date, .autoDisabled(lastError: lastError, failures: failures))
            return
        }
        planNext(&record, after: run, now: now)
    }

    /// Plans the deadline after `run`. A run started by `runSlot` leaves the planned deadline as
    /// it is; if that deadline fell due while the run went on (the schedule was busy then), it
    /// is queued again and runs at once.
    private mutating func planNext(_ record: inout ScheduleRecord<Instant>, after run: InFlightRun<Instant>, now: TimePairing<Instant>) {
        let key = run.key
        if run.outsideTimer, let planned = record.next {
            if record.pendingToken == nil {
                record.pendingToken = schedule(key, at: planned)
            }
            return
        }
        let (next, skipped) = record.deadline(after: run.deadline, notBefore: now)
        record.next = next
        record.pendingToken = schedule(key, at: next)
        record.status.nextRunAt = next.date
        if skipped > 0 {
            record.status.skippedRuns += skipped
            publish(key, run.info, at: now.date, .runsCoalesced(skipped: skipped, nextRunAt: next.date))
        }
    }

    private mutating func publishRunEnd(
        _ run: InFlightRun<Instant>, _ result: RunResult, consecutiveFailures: Int, now: TimePairing<Instant>
    ) {
        let kind: SchedulerEvent.Kind
        switch result.kind {
        case .succeeded:
            kind = .runSucceeded(run: run.number, duration: run.startedInstant.duration(to: now.instant))
        case .stoppedSchedule:
            kind = .runStoppedSchedule(run: run.number, duration: run.startedInstant.duration(to: now.instant))
        case .failed:
            kind = .runFailed(
                run: run.number, error: result.message ?? "unknown error", consecutiveFailures: consecutiveFailures)
        case .timedOut:
            kind = .runTimedOut(run: run.number, timeout: run.timeout, consecutiveFailures: consecutiveFailures)
        case .cancelled:
            kind = .runCancelled(run: run.number)
        }
        publish(run.key, run.info, at: now.date, kind)
    }

    private static func result(of ending: RunEnding, timeout: Duration) -> RunResult {
        switch ending {
        case .returned(.success), .returned(.doneElsewhere): .succeeded
        case .returned(.stopSchedule(let reason)): RunResult(kind: .stoppedSchedule, message: reason)
        case .threw(let message): RunResult(kind: .failed, message: message)
        case .timedOut: RunResult(kind: .timedOut, message: "timed out after \(DurationText.describe(timeout))")
        case .cancelled: RunResult(kind: .cancelled, message: "cancelled by shutdown")
        }
    }
}
