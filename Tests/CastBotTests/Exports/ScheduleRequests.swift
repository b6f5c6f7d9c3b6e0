@testable import CastBot
import Scheduling
import CastBotTestSupport

/// Requests as the modal would send them, for the harness's guild, channel and admin.
enum ScheduleRequests {
    static func server(
        every minutes: Int = 1440, guildID: String = Fixtures.guildID, restartPolicy: RestartPolicy = .clear, dailyAt: String? = nil
    ) -> ExportScheduleRequest {
        ExportScheduleRequest(
            scope: .guild(guildID), guildID: guildID, channelID: ScheduledHarness.channelID, setByUserID: ScheduledHarness.adminID,
            intervalMinutes: minutes, dailyAt: dailyAt, restartPolicy: restartPolicy)
    }

    static func all(every minutes: Int = 1440, restartPolicy: RestartPolicy = .clear) -> ExportScheduleRequest {
        ExportScheduleRequest(
            scope: .all, guildID: ScheduledHarness.guildID, channelID: ScheduledHarness.channelID,
            setByUserID: ScheduledHarness.adminID, intervalMinutes: minutes, restartPolicy: restartPolicy)
    }
}
