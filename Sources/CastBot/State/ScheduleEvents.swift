import DiscordModels
import DiscordREST
import Logging
import Scheduling

/// Follows the scheduler's events: tells admins by DM when their schedule stops on its own
/// (a run asked to stop, or too many failures), saves the state after every change, and keeps
/// the active-schedules gauge current.
///
/// It subscribes when created, so create it before starting schedules; `run()` consumes the
/// events until the scheduler shuts down.
final class ScheduleEventMonitor: Sendable {
    private let events: AsyncStream<SchedulerEvent>
    private let work: ScheduledWorkContext
    private let notifier: AdminNotifier

    init(work: ScheduledWorkContext) {
        self.work = work
        events = work.engine.events(bufferingPolicy: .bufferingNewest(10_000))
        notifier = AdminNotifier(discord: work.discord, logger: work.logger)
    }

    func run() async {
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

/// Tells the admin who set a schedule, by DM, that it stopped on its own. A DM that cannot be
/// delivered (DMs closed, user gone) is only logged: nothing else depends on it.
struct AdminNotifier: Sendable {
    let discord: any DiscordClient
    let logger: Logger

    /// Returns whether the DM was delivered.
    @discardableResult
    func notify(userID: String, content: String) async -> Bool {
        guard let user = DiscordModels.Snowflake(userID) else {
            logger.warning("not sending a DM: the admin's user id is not a Discord id", metadata: ["user": "\(userID.prefix(40))"])
            return false
        }
        do {
            let channel = try await discord.createDM(recipientID: user)
            _ = try await discord.createMessage(
                channelID: channel.id, payload: MessagePayload(content: String(content.prefix(2000)), allowedMentions: AllowedMentions.none))
            return true
        } catch {
            logger.warning("could not DM the admin about a stopped schedule", metadata: ["user": "\(userID)", "error": "\(error)"])
            return false
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
