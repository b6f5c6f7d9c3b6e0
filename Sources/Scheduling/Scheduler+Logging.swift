import Foundation
import Logging

extension Scheduler {
    func log(_ event: SchedulerEvent) {
        var metadata: Logger.Metadata = ["schedule": "\(event.key)", "kind": "\(event.info.kind)"]
        switch event.kind {
        case .scheduled(let firstRunAt):
            metadata["firstRunAt"] = "\(firstRunAt.ISO8601Format())"
            logger.info("Schedule started", metadata: metadata)
        case .replaced:
            logger.info("Schedule replaced", metadata: metadata)
        case .stopped(let reason):
            metadata["reason"] = "\(reason)"
            logger.info("Schedule stopped", metadata: metadata)
        case .runStarted(let run, _):
            metadata["run"] = "\(run)"
            logger.debug("Run started", metadata: metadata)
        case .runSucceeded(let run, let duration):
            metadata["run"] = "\(run)"
            metadata["duration"] = "\(duration)"
            logger.debug("Run finished", metadata: metadata)
        case .runFailed(let run, let error, let failures):
            metadata["run"] = "\(run)"
            metadata["error"] = "\(error)"
            metadata["consecutiveFailures"] = "\(failures)"
            logger.warning("Run failed", metadata: metadata)
        case .runTimedOut(let run, let timeout, let failures):
            metadata["run"] = "\(run)"
            metadata["timeout"] = "\(timeout)"
            metadata["consecutiveFailures"] = "\(failures)"
            logger.warning("Run timed out and was cancelled", metadata: metadata)
        case .runCancelled(let run):
            metadata["run"] = "\(run)"
            logger.notice("Run cancelled by shutdown", metadata: metadata)
        case .runsCoalesced(let skipped, let nextRunAt):
            metadata["skipped"] = "\(skipped)"
            metadata["nextRunAt"] = "\(nextRunAt.ISO8601Format())"
            logger.notice("Deadlines passed during a long run were folded into the next run", metadata: metadata)
        case .autoDisabled(let lastError, let failures):
            metadata["lastError"] = "\(lastError)"
            metadata["failures"] = "\(failures)"
            logger.error("Schedule auto-disabled after repeated failures", metadata: metadata)
        case .stoppedByRun(let reason):
            metadata["reason"] = "\(reason)"
            logger.warning("Schedule stopped by its run", metadata: metadata)
        }
    }
}
