import Foundation
import Logging

extension Scheduler {
    func log(_ event: SchedulerEvent) {
        let level = Self.logLevel(of: event.kind)
        // Metadata is built only for events the logger keeps: thousands of runs stay cheap.
        guard logger.logLevel <= level else { return }
        var metadata: Logger.Metadata = ["schedule": "\(event.key)", "kind": "\(event.info.kind)"]
        let message: Logger.Message
        switch event.kind {
        case .scheduled(let firstRunAt):
            metadata["first_run_at"] = "\(firstRunAt.ISO8601Format())"
            message = "Schedule started"
        case .replaced:
            message = "Schedule replaced"
        case .stopped(let reason):
            metadata["reason"] = "\(reason)"
            message = "Schedule stopped"
        case .runStarted(let run, _):
            metadata["run"] = "\(run)"
            message = "Run started"
        case .runSucceeded(let run, let duration):
            metadata["run"] = "\(run)"
            metadata["duration"] = "\(duration)"
            message = "Run finished"
        case .runStoppedSchedule(let run, let duration):
            metadata["run"] = "\(run)"
            metadata["duration"] = "\(duration)"
            message = "Run finished and stopped its schedule"
        case .runFailed(let run, let error, let failures):
            metadata["run"] = "\(run)"
            metadata["error"] = "\(error)"
            metadata["consecutive_failures"] = "\(failures)"
            message = "Run failed"
        case .runTimedOut(let run, let timeout, let failures):
            metadata["run"] = "\(run)"
            metadata["timeout"] = "\(timeout)"
            metadata["consecutive_failures"] = "\(failures)"
            message = "Run timed out and was cancelled"
        case .runCancelled(let run):
            metadata["run"] = "\(run)"
            message = "Run cancelled by shutdown"
        case .runDoneElsewhere(let run):
            metadata["run"] = "\(run)"
            message = "Run left to another process"
        case .runsCoalesced(let skipped, let nextRunAt):
            metadata["skipped"] = "\(skipped)"
            metadata["next_run_at"] = "\(nextRunAt.ISO8601Format())"
            message = "Deadlines passed during a long run were folded into the next run"
        case .autoDisabled(let lastError, let failures):
            metadata["last_error"] = "\(lastError)"
            metadata["failures"] = "\(failures)"
            message = "Schedule auto-disabled after repeated failures"
        case .stoppedByRun(let reason):
            metadata["reason"] = "\(reason)"
            message = "Schedule stopped by its run"
        }
        logger.log(level: level, message, metadata: metadata)
    }

    private static func logLevel(of kind: SchedulerEvent.Kind) -> Logger.Level {
        switch kind {
        case .replaced, .stopped: .info
        // The app logs the schedules people set, and restores in one summary: 100,000 schedules
        // restored at startup would otherwise be 100,000 lines.
        case .scheduled, .runStarted, .runSucceeded, .runDoneElsewhere: .debug
        case .runCancelled, .runsCoalesced, .runStoppedSchedule: .notice
        case .runFailed, .runTimedOut, .stoppedByRun: .warning
        case .autoDisabled: .error
        }
    }
}
