import Foundation
import Logging

extension Scheduler {
    /// The scheduler's one loop: fires due runs and timeouts, then sleeps until the earliest
    /// deadline or until a schedule changes. Returns when its task is cancelled, after settling
    /// the runs still going as cancelled. A second concurrent call returns at once.
    package func run() async {
        let claimed = withState { state, _ in
            guard !state.loop.isRunning else { return false }
            state.loop.isRunning = true
            return true
        }
        guard claimed else {
            logger.error("Scheduler loop is already running; ignoring a second run()")
            return
        }
        logger.info("Scheduler loop started")
        while !Task.isCancelled {
            while withState({ state, now in
                state.processDue(now: now, limit: Self.launchBatchSize, makeTask: makeRunTask)
            }) {}
            let wakeAt = withState { state, _ in state.park() }
            loopParked.signal()
            await loopWake.wait(until: wakeAt, on: clock)
        }
        let cancelled = withState { state, now in
            state.loop.isRunning = false
            state.loop.isParked = false
            return state.cancelAllRuns(now: now)
        }
        logger.info("Scheduler loop stopped", metadata: ["cancelled_runs": "\(cancelled)"])
    }

    /// Stops starting runs and waits up to `gracePeriod` (on the scheduler's clock) for the runs
    /// going to finish, then cancels the rest and ends the event streams. Schedules keep their
    /// state for `snapshot()`; nothing new can be started afterwards.
    @discardableResult
    package func shutdown(gracePeriod: Duration) async -> ShutdownReport {
        let (inFlight, deadline) = withState { state, now in
            state.isShutDown = true
            state.wakeLoop()
            return (state.inFlight.count, now.instant.advanced(by: max(.zero, gracePeriod)))
        }
        logger.info("Scheduler shutting down", metadata: ["runs_in_flight": "\(inFlight)"])
        while withState({ state, _ in state.inFlight.count }) > 0, clock.now < deadline, !Task.isCancelled {
            await runsDrained.wait(until: deadline, on: clock)
        }
        let cancelled = withState { state, now in
            let cancelled = state.cancelAllRuns(now: now)
            for continuation in state.subscribers.values {
                continuation.finish()
            }
            state.subscribers.removeAll()
            return cancelled
        }
        return ShutdownReport(runsInFlight: inFlight, finished: inFlight - cancelled, cancelled: cancelled)
    }

    /// Starts one run's task. It reports back through `settle`; the timeout is a heap entry.
    func makeRunTask(_ runID: UInt64, _ job: @escaping ScheduleJob, _ context: RunContext) -> Task<Void, Never> {
        Task {
            let ending: RunEnding
            do {
                ending = .returned(try await job(context))
            } catch {
                ending = .threw(Self.describe(error))
            }
            withState { state, now in state.settle(runID, ending, now: now) }
        }
    }

    static func describe(_ error: any Error) -> String {
        if let localized = error as? any LocalizedError, let text = localized.errorDescription {
            return text
        }
        return String(describing: error)
    }
}
