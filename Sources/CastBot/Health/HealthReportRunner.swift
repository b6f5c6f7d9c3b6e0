import Logging
import DiscordModels
import DiscordREST
import Foundation
import Scheduling

/// One run of the health monitor: gather the report and post it through the same temporary
/// webhook path as exports, with the same failure rules.
struct HealthReportRunner: Sendable {
    let work: ScheduledWorkContext
    /// When the service started, for uptime.
    let startedAt: Date

    var job: ScheduleJob {
        let runner = self
        return { context in try await runner.run(context) }
    }

    func run(_ context: RunContext) async throws -> RunOutcome {
        let channelText = context.info.channelID
        guard let channelID = DiscordModels.Snowflake(channelText) else {
            return .stopSchedule(reason: ScheduledRunError.invalidChannelID(channelText).description)
        }
        let report = await HealthReport.gather(work: work, startedAt: startedAt, now: context.startedAt)
        let message = HealthReportComposer.message(report, nextRunAt: context.nextRunAt)
        do {
            _ = try await work.delivery.deliver([message], to: channelID)
        } catch let error as DiscordHTTPError {
            if let reason = ScheduleStoppingFailure.reason(for: error, channelID: channelText) {
                return .stopSchedule(reason: reason)
            }
            throw ScheduledRunError.discord(error)
        }
        work.logger.info("health report delivered", metadata: ["channel": "\(channelText)", "run": "\(context.runNumber)"])
        return .success
    }
}
