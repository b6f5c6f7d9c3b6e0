import DiscordModels
import Logging
import Scheduling

/// Follows the scheduler's events: writes each schedule's row when it changes (with the run that
/// ended), queues a DM to the admin when a schedule stops on its own (a run asked to stop, or too
/// many failures). (The active-schedules gauge is read from the scheduler at each `/metrics`
/// scrape: counting here, at every event, would cost a pass over every schedule per event.)
///
/// The stream is unbounded: events are never dropped, however many runs end at once. A stop
/// notice goes to the durable outbox in the same transaction as the schedule's row, and
/// `AdminNoticeOutbox` sends it (with retries), so a burst of stops or a restart loses no DM.
///
/// It subscribes when created, so create it before starting schedules; `run()` consumes the
/// events until the scheduler shuts down.
final class ScheduleEventMonitor: Sendable {
    private let events: AsyncStream<SchedulerEvent>
    private let engine: any ScheduleEngine
    private let stateStore: ServiceStateStore
    private let logger: Logger

    /// Subscribes to `engine`'s events now, before any schedule starts.
    init(engine: any ScheduleEngine, stateStore: ServiceStateStore, logger: Logger) {
        self.engine = engine
        self.stateStore = stateStore
        self.logger = logger
        events = engine.events(bufferingPolicy: .unbounded)
    }

    func run() async {
        for await event in events {
            await handle(event)
        }
    }

    func handle(_ event: SchedulerEvent) async {
        let key = event.key
        let status = engine.status(key)
        var notice: (userID: String, content: String)?
        var finishedRun: RunHistoryEntry?
        switch event.kind {
        case .runStarted, .replaced, .runsCoalesced, .runDoneElsewhere:
            // Nothing to save that the run's end (or the new schedule's event) does not save; a run
            // another replica claimed is that replica's to record.
            return
        case .runSucceeded(let run, _), .runStoppedSchedule(let run, _), .runCancelled(let run):
            finishedRun = historyEntry(event, run: run, message: nil, last: status?.lastRun)
        case .runFailed(let run, let error, _):
            finishedRun = historyEntry(event, run: run, message: error, last: status?.lastRun)
        case .runTimedOut(let run, _, _):
            finishedRun = historyEntry(event, run: run, message: nil, last: status?.lastRun)
        case .stoppedByRun(let reason):
            logger.warning("schedule stopped by its run", metadata: ["schedule": "\(key)", "reason": "\(reason)"])
            notice = (event.info.setByUserID, ScheduleStopNotice.stoppedByRun(event.info, reason: reason))
        case .autoDisabled(let lastError, let failures):
            logger.error(
                "schedule auto-disabled", metadata: ["schedule": "\(key)", "failures": "\(failures)", "last_error": "\(lastError)"])
            notice = (event.info.setByUserID, ScheduleStopNotice.autoDisabled(event.info, lastError: lastError, failures: failures))
        case .scheduled, .stopped:
            break
        }
        await stateStore.recordScheduleChange(status, key: key, at: event.at, finishedRun: finishedRun, notice: notice)
    }

    /// The run's times come from the schedule's last run when it is this run (it always is,
    /// unless the schedule was replaced meanwhile).
    private func historyEntry(_ event: SchedulerEvent, run: Int, message: String?, last: RunRecord?) -> RunHistoryEntry {
        let record = last?.number == run ? last : nil
        return RunHistoryEntry(
            scheduleKey: event.key, run: run, scheduledAt: record?.scheduledAt, startedAt: record?.startedAt,
            finishedAt: record?.finishedAt ?? event.at, result: record?.result.kind ?? Self.resultKind(event.kind),
            message: record?.result.message ?? message)
    }

    private static func resultKind(_ kind: SchedulerEvent.Kind) -> RunResult.Kind {
        switch kind {
        case .runSucceeded: .succeeded
        case .runStoppedSchedule: .stoppedSchedule
        case .runTimedOut: .timedOut
        case .runCancelled: .cancelled
        default: .failed
        }
    }
}

/// The DM an admin gets when a schedule they set stops on its own.
enum ScheduleStopNotice {
    static func stoppedByRun(_ info: ScheduleInfo, reason: String) -> String {
        [
            "⚠️ **\(title(info)) stopped**",
            "",
            "\(subject(info)) was stopped because it cannot succeed as it is:",
            reason,
            "",
            "Fix this, then set it again with \(howToReschedule(info)).",
        ].joined(separator: "\n")
    }

    static func autoDisabled(_ info: ScheduleInfo, lastError: String, failures: Int) -> String {
        [
            "⚠️ **\(title(info)) turned off**",
            "",
            "\(subject(info)) failed \(failures) times in a row and was turned off.",
            "**Last error**: \(lastError)",
            "",
            "Once the problem is fixed, set it again with \(howToReschedule(info)).",
        ].joined(separator: "\n")
    }

    private static func title(_ info: ScheduleInfo) -> String {
        info.kind == ExportScheduleKind.health ? "Scheduled health report" : "Scheduled PlayerData export"
    }

    private static func subject(_ info: ScheduleInfo) -> String {
        let place = info.guildID.map { " (set in server \($0))" } ?? ""
        if info.kind == ExportScheduleKind.health {
            return "The health report to <#\(info.channelID)>\(place)"
        }
        return "The \(info.typeLabel) export to <#\(info.channelID)>\(place)"
    }

    private static func howToReschedule(_ info: ScheduleInfo) -> String {
        info.kind == ExportScheduleKind.health ? "/menu → Health Monitor" : "/menu → Schedule Export"
    }
}
