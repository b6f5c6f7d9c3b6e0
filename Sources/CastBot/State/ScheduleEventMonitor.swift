import Logging
import Scheduling

/// Follows the scheduler's events: tells admins by DM when their schedule stops on its own
/// (a run asked to stop, or too many failures), saves the state after every change, and keeps
/// the active-schedules gauge current.
///
/// It subscribes when created, so create it before starting schedules; `run()` consumes the
/// events until the scheduler shuts down.
public final class ScheduleEventMonitor: Sendable {
    private let events: AsyncStream<SchedulerEvent>
    private let work: ScheduledWorkContext
    private let notifier: AdminNotifier

    public init(work: ScheduledWorkContext) {
        self.work = work
        events = work.engine.events(bufferingPolicy: .bufferingNewest(10_000))
        notifier = AdminNotifier(discord: work.discord, logger: work.logger)
    }

    public func run() async {
        for await event in events {
            await handle(event)
        }
    }

    func handle(_ event: SchedulerEvent) async {
        switch event.kind {
        case .runStarted:
            return
        case .stoppedByRun(let reason):
            work.logger.warning("schedule stopped by its run", metadata: ["schedule": "\(event.key)", "reason": "\(reason)"])
            await notifier.notify(userID: event.info.setByUserID, content: ScheduleStopNotice.stoppedByRun(event.info, reason: reason))
        case .autoDisabled(let lastError, let failures):
            work.logger.error(
                "schedule auto-disabled", metadata: ["schedule": "\(event.key)", "failures": "\(failures)", "last_error": "\(lastError)"])
            await notifier.notify(
                userID: event.info.setByUserID,
                content: ScheduleStopNotice.autoDisabled(event.info, lastError: lastError, failures: failures))
        default:
            break
        }
        work.metrics.activeSchedules(work.engine.diagnostics().activeSchedules)
        await work.stateStore.save()
    }
}
