@testable import CastBot
import Clocks
import DiscordREST
import DiscordSandbox
import Foundation
import Logging
import PlayerData
import Scheduling
import CastBotTestSupport

/// Scheduled exports delivered end to end: the real scheduler, export runs and webhook delivery
/// (`ScheduledHarness`) with the real REST client talking HTTP to a DiscordSandbox on loopback.
/// The scheduler, the client's backoff and the sandbox's fault delays share one test clock;
/// only the HTTP exchanges (and the client's per-request timeout) take real time.
///
/// Two schedules post to two channels of the sandbox's demo guild: A exports one guild of the
/// real data file, B another.
struct FaultHarness {
    static let guildA = "1127596863885934652"
    static let guildB = "1331657596087566398"
    static let channelA = ScheduledHarness.channelID
    static let channelB = "1200000000000000004"
    static let keyA = ExportScope.guild(guildA).scheduleKey
    static let keyB = ExportScope.guild(guildB).scheduleKey

    let clock: TestClock<Duration>
    let sandbox: DiscordSandbox
    let scheduled: ScheduledHarness
    let port: Int

    /// Runs `body` against a fresh harness and always shuts it down.
    static func with(
        requestTimeout: Duration = .seconds(30), maxRetries: Int = 2, _ body: (FaultHarness) async throws -> Void
    ) async throws {
        let clock = TestClock<Duration>()
        let quiet = Logger(label: "castbot-fault-tests", factory: { _ in SwiftLogNoOpLogHandler() })
        let sandbox = DiscordSandbox(clock: clock, logger: quiet)
        let baseURL = try await sandbox.start()
        let directory = try TemporaryDirectory()
        do {
            let world = try await sandbox.seedDemoWorld()
            try await sandbox.addChannel(id: channelB, guildID: world.guild.id, name: "exports-b")
            var settings = HTTPDiscordClientConfiguration()
            settings.baseURL = baseURL.absoluteString
            settings.requestTimeout = requestTimeout
            settings.maxRetries = maxRetries
            let client = HTTPDiscordClient(
                token: DiscordREST.DiscordToken(sandbox.configuration.botToken), configuration: settings, clock: clock, logger: quiet,
                random: { 0 })
            let scheduled = try await ScheduledHarness(
                discord: client, directory: directory, dataFile: try Fixtures.bytes(Fixtures.wholeFile), clock: clock)
            let harness = FaultHarness(clock: clock, sandbox: sandbox, scheduled: scheduled, port: baseURL.port ?? 0)
            do {
                try await body(harness)
            } catch {
                await harness.tearDown(directory)
                throw error
            }
            await harness.tearDown(directory)
        } catch {
            await sandbox.stop()
            directory.remove()
            throw error
        }
    }

    /// Shuts the service down before Discord: shutdown deletes the webhooks still pending
    /// cleanup, and against a stopped sandbox each deletion would fail and back off.
    private func tearDown(_ directory: TemporaryDirectory) async {
        await scheduled.stop()
        await sandbox.stop()
        directory.remove()
    }

    /// Starts the export schedule of `guildID` posting to `channelID` (first run 5 s from now).
    func schedule(guild guildID: String, channel channelID: String, everyMinutes minutes: Int = 60) async throws {
        _ = try await scheduled.features.exports.apply(
            ExportScheduleRequest(
                scope: .guild(guildID), guildID: ScheduledHarness.guildID, channelID: channelID,
                setByUserID: ScheduledHarness.adminID, intervalMinutes: minutes))
    }

    func status(_ key: ScheduleKey) -> ScheduleStatus? {
        scheduled.scheduler.status(key)
    }

    /// What the service recorded as delivered for the schedule (nil: nothing yet).
    func lastExport(_ key: ScheduleKey) async -> LastExportRecord? {
        await scheduled.work.stateStore.current().lastExports[key.rawValue]
    }

    /// Whether every schedule in `keys` has recorded a delivered export.
    func delivered(_ keys: ScheduleKey...) async -> Bool {
        for key in keys where await lastExport(key) == nil {
            return false
        }
        return true
    }

    /// Messages the sandbox holds in `channelID` that carry an export file.
    func exportMessages(in channelID: String) async -> [SandboxMessage] {
        await sandbox.messages(inChannel: channelID).filter { !$0.attachments.isEmpty }
    }

    func runsEnded(_ key: ScheduleKey) -> Int {
        scheduled.count { $0.key == key && $0.isRunEnd }
    }

    func requests(_ route: String) async throws -> Int {
        try await sandbox.recordedRequests(matching: route).count
    }

    /// Moves virtual time on until `condition` holds, letting real HTTP exchanges finish in between.
    func advance(until condition: () async -> Bool, step: Duration = .seconds(1), limit: Duration = .seconds(300)) async -> Bool {
        await scheduled.advance(until: condition, step: step, limit: limit)
    }
}
