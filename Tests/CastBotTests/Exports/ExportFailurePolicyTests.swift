import DiscordModels
import DiscordREST
import Foundation
import Scheduling
import Testing

@testable import CastBot
import CastBotTestSupport

/// Each row of the failure table in docs/OPERATIONS.md ("When a scheduled run fails"), against the recording fake.
@Suite("Export failure policy", .timeLimit(.minutes(3)))
struct ExportFailurePolicyTests {
    typealias Fake = RecordingDiscordClient

    /// Starts an hourly export of the fixture guild and lets its first run end.
    static func firstRun(_ discord: Fake, dataFile: [UInt8]? = nil) async throws -> (ScheduledHarness, SchedulerEvent?) {
        let harness = try await ScheduledHarness(discord: discord, dataFile: dataFile ?? (try Fixtures.bytes(Fixtures.wholeFile)))
        try await harness.features.exports.apply(ScheduleRequests.server(every: 60))
        await harness.advance(by: .seconds(5))
        let ended = await harness.event { $0.isRunEnd }
        return (harness, ended)
    }

    static var key: ScheduleKey { ExportScope.guild(Fixtures.guildID).scheduleKey }

    @Test("Data file with invalid JSON: the run fails and is counted; nothing is sent")
    func invalidDataFile() async throws {
        let discord = Fake()
        let (harness, ended) = try await Self.firstRun(discord, dataFile: Array("{\"broken\": ".utf8))
        #expect(ended?.isRunFailure == true)
        let status = try #require(await harness.features.exports.status(for: .guild(Fixtures.guildID)))
        #expect(status.isActive)
        #expect(status.consecutiveFailures == 1)
        #expect(status.lastRun?.result.message?.contains("not valid JSON") == true)
        #expect(discord.requests.isEmpty)
        await harness.stop()
    }

    @Test("Data file missing: the run fails and is counted")
    func missingDataFile() async throws {
        let discord = Fake()
        let harness = try await ScheduledHarness(discord: discord, dataFile: nil)
        try await harness.features.exports.apply(ScheduleRequests.server(every: 60))
        await harness.advance(by: .seconds(5))
        #expect(await harness.event { $0.isRunEnd }?.isRunFailure == true)
        #expect(await harness.features.exports.status(for: .guild(Fixtures.guildID))?.failureCount == 1)
        await harness.stop()
    }

    @Test(
        "Unknown channel, missing access or permissions: the schedule stops and the admin gets a DM",
        arguments: [
            (Fake.createWebhook, 404, DiscordJSONErrorCode.unknownChannel, "10003"),
            (Fake.createWebhook, 403, DiscordJSONErrorCode.missingAccess, "50001"),
            (Fake.executeWebhook, 403, DiscordJSONErrorCode.missingPermissions, "50013"),
        ])
    func stoppingFailures(template: String, status: Int, code: DiscordJSONErrorCode, number: String) async throws {
        let discord = Fake()
        discord.fail(template, with: Fake.error(status, code, "refused", route: template))
        let (harness, _) = try await Self.firstRun(discord)
        let stopped = await harness.event { $0.isStoppedByRun }
        #expect(stopped != nil)
        let schedule = try #require(await harness.features.exports.status(for: .guild(Fixtures.guildID)))
        #expect(!schedule.isActive)
        #expect(schedule.stopReason?.kind == .stoppedByRun)
        #expect(schedule.stopReason?.message.contains(number) == true)
        #expect(schedule.failureCount == 0, "a stop is not a counted failure")

        #expect(await discord.waitUntil { $0.directMessages.count == 1 })
        let dm = try #require(discord.directMessages.first)
        #expect(dm.userID == ScheduledHarness.adminID)
        #expect(dm.content.contains("stopped"))
        #expect(dm.content.contains(number))
        #expect(dm.content.contains("<#\(ScheduledHarness.channelID)>"))
        #expect(discord.messages.isEmpty)

        // No further runs: an hour later nothing new happens.
        await harness.advance(by: .seconds(3_700), step: .seconds(60))
        #expect(harness.count { $0.isRunEnd } == 1)
        #expect(await harness.features.exports.statusText(for: .guild(Fixtures.guildID)).contains("Stopped"))
        await harness.stop()
    }

    @Test("Unknown webhook on execute: the webhook is recreated once and the export delivered")
    func unknownWebhookRecreatedOnce() async throws {
        let discord = Fake()
        discord.fail(Fake.executeWebhook, with: Fake.error(404, .unknownWebhook, "Unknown Webhook", route: Fake.executeWebhook))
        let (harness, ended) = try await Self.firstRun(discord)
        #expect(ended?.isRunSuccess == true)
        #expect(discord.requests(Fake.createWebhook).count == 2)
        #expect(discord.requests(Fake.executeWebhook).count == 2)
        #expect(discord.messages.count == 1)
        await harness.advance(by: .seconds(5))
        #expect(await discord.waitUntil { $0.webhooks(inChannel: ScheduledHarness.channelID).isEmpty }, "both webhooks cleaned up")
        await harness.stop()
    }

    @Test("Unknown webhook twice in a row: no third try; the run fails and is counted")
    func unknownWebhookTwice() async throws {
        let discord = Fake()
        discord.fail(Fake.executeWebhook, with: Fake.error(404, .unknownWebhook, "Unknown Webhook", route: Fake.executeWebhook), times: 2)
        let (harness, ended) = try await Self.firstRun(discord)
        #expect(ended?.isRunFailure == true)
        #expect(discord.requests(Fake.executeWebhook).count == 2)
        #expect(await harness.features.exports.status(for: .guild(Fixtures.guildID))?.consecutiveFailures == 1)
        await harness.stop()
    }

    @Test("Too many webhooks: ours are swept and the creation retried once")
    func tooManyWebhooks() async throws {
        let discord = Fake()
        discord.fail(Fake.createWebhook, with: Fake.error(400, .maximumWebhooksReached, "Maximum number of webhooks reached (15)", route: Fake.createWebhook))
        let (harness, ended) = try await Self.firstRun(discord)
        #expect(ended?.isRunSuccess == true)
        #expect(discord.requests.map(\.template).prefix(4) == [Fake.createWebhook, Fake.listWebhooks, Fake.createWebhook, Fake.executeWebhook])
        #expect(discord.messages.count == 1)
        await harness.stop()
    }

    @Test("Too many webhooks even after the sweep: the run fails and is counted")
    func tooManyWebhooksTwice() async throws {
        let discord = Fake()
        discord.fail(
            Fake.createWebhook, with: Fake.error(400, .maximumWebhooksReached, "Maximum number of webhooks reached (15)", route: Fake.createWebhook),
            times: 2)
        let (harness, ended) = try await Self.firstRun(discord)
        #expect(ended?.isRunFailure == true)
        #expect(discord.requests(Fake.createWebhook).count == 2)
        await harness.stop()
    }

    @Test("5xx after the client's retries: the run fails, is counted, and the schedule goes on")
    func serverError() async throws {
        let discord = Fake()
        discord.fail(Fake.executeWebhook, with: Fake.error(502, .general, "Bad Gateway", route: Fake.executeWebhook))
        let (harness, ended) = try await Self.firstRun(discord)
        #expect(ended?.isRunFailure == true)
        let status = try #require(await harness.features.exports.status(for: .guild(Fixtures.guildID)))
        #expect(status.isActive)
        #expect(status.consecutiveFailures == 1)
        #expect(discord.messages.isEmpty, "no export is reported delivered without Discord's message")
        #expect(await harness.features.work.stateStore.current().lastExports.isEmpty)
        await harness.advance(by: .seconds(5))
        #expect(await discord.waitUntil { $0.webhooks(inChannel: ScheduledHarness.channelID).isEmpty }, "the webhook is cleaned up after a failure too")

        // The next run succeeds and resets the count.
        await harness.advance(by: .seconds(3_600), step: .seconds(60))
        #expect(await harness.events(1) { $0.isRunSuccess })
        #expect(harness.count { $0.isRunSuccess } == 1)
        #expect(await harness.features.exports.status(for: .guild(Fixtures.guildID))?.consecutiveFailures == 0)
        await harness.stop()
    }

    @Test("Five failed runs in a row: the schedule turns itself off and the admin's DM carries the last error")
    func autoDisable() async throws {
        let discord = Fake()
        discord.fail(Fake.createWebhook, with: Fake.error(503, .general, "Service Unavailable", route: Fake.createWebhook), times: nil)
        let (harness, _) = try await Self.firstRun(discord)
        for run in 2...5 {
            await harness.advance(by: .seconds(3_600), step: .seconds(120))
            #expect(await harness.events(run) { $0.isRunEnd })
            #expect(harness.count { $0.isRunEnd } == run)
        }
        let disabled = await harness.event { $0.isAutoDisabled }
        #expect(disabled != nil)
        let status = try #require(await harness.features.exports.status(for: .guild(Fixtures.guildID)))
        #expect(!status.isActive)
        #expect(status.stopReason?.kind == .autoDisabled)
        #expect(await discord.waitUntil { $0.directMessages.count == 1 })
        let dm = try #require(discord.directMessages.first)
        #expect(dm.userID == ScheduledHarness.adminID)
        #expect(dm.content.contains("failed 5 times in a row"))
        #expect(dm.content.contains("Discord answered 503"))
        await harness.stop()
    }

    @Test("A DM that cannot be sent is only logged; the schedule still stops")
    func dmFailure() async throws {
        let discord = Fake()
        discord.fail(Fake.createWebhook, with: Fake.error(404, .unknownChannel, "Unknown Channel", route: Fake.createWebhook))
        discord.fail(Fake.createDM, with: Fake.error(403, .cannotSendMessagesToThisUser, "Cannot send messages to this user", route: Fake.createDM))
        let (harness, _) = try await Self.firstRun(discord)
        #expect(await harness.event { $0.isStoppedByRun } != nil)
        #expect(await discord.waitUntil { $0.requests(Fake.createDM).count == 1 })
        #expect(discord.directMessages.isEmpty)
        #expect(await harness.features.exports.status(for: .guild(Fixtures.guildID))?.isActive == false)
        await harness.stop()
    }
}
