import CastBot
import DiscordREST
import DiscordSandbox
import Foundation
import Logging
import PlayerData
import Scheduling

/// Work the load bench keeps running, round after round, while it measures interactions.
protocol LoadBenchBackgroundWork: Sendable {
    /// Shown in the report.
    var name: String { get }
    /// One round; returns the bytes it delivered.
    func runRound() async throws -> Int
}

/// The scheduled "All servers" export, run exactly as the scheduler runs it
/// (`ScheduledExportRunner`): load and validate the data file, build the export, gzip and split
/// it to Discord's upload limit, post it through a temporary webhook to the sandbox's channel,
/// record it in the state file.
struct ScheduledAllExportWork: LoadBenchBackgroundWork {
    let runner: ScheduledExportRunner
    let info: ScheduleInfo
    let name: String

    init(bot: BenchBot, logger: Logger) async throws {
        let clock = ContinuousClock()
        let work = ScheduledWorkContext(
            engine: Scheduler(clock: clock, logger: logger), discord: bot.discord,
            dataStore: PlayerDataStore(directory: bot.dataDirectory),
            stateStore: try await ServiceStateStore.open(directory: bot.dataDirectory, logger: logger),
            applicationID: bot.configuration.applicationID, clock: clock, now: { Date() }, logger: logger)
        runner = ScheduledExportRunner(work: work)
        info = ScheduleInfo(
            kind: ExportScheduleKind.all, channelID: bot.world.channel.id, setByUserID: bot.world.admin.id, typeLabel: "All servers")
        name = "scheduled all export of \(bot.dataDirectory)/playerData.json, delivered to the sandbox"
    }

    func runRound() async throws -> Int {
        let now = Date()
        let context = RunContext(
            key: ScheduleKey(ExportScope.allKey), info: info, runNumber: 1, scheduledAt: now, startedAt: now, nextRunAt: nil)
        guard case .success = try await runner.run(.all, context) else {
            throw LoadBenchError("the export run stopped its schedule")
        }
        return 0
    }
}

struct LoadBenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
