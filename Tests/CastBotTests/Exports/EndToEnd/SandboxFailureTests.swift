import DiscordSandbox
import Foundation
import Scheduling
import Testing

@testable import CastBot
import CastBotTestSupport

/// the failure rows in docs/OPERATIONS.md ("When a scheduled run fails"), injected in DiscordSandbox and met by the real HTTP client.
@Suite("Export failures end to end through DiscordSandbox", .serialized, .timeLimit(.minutes(3)))
struct SandboxFailureTests {
    static func start(_ world: SandboxWorld, every minutes: Int = 60) async throws -> ScheduledHarness {
        let harness = try await world.harness(dataFile: try Fixtures.bytes(Fixtures.wholeFile))
        try await harness.features.exports.apply(ScheduleRequests.server(every: minutes))
        await harness.advance(by: .seconds(5))
        return harness
    }

    static var scope: ExportScope { .guild(Fixtures.guildID) }

    @Test("10003: the channel is gone; the schedule stops and the admin gets a DM")
    func unknownChannel() async throws {
        try await SandboxWorld.with { world in
            await world.sandbox.removeChannel(world.channelID)
            let harness = try await Self.start(world)
            #expect(await harness.event { $0.isStoppedByRun } != nil)
            #expect(await harness.features.exports.status(for: Self.scope)?.isActive == false)
            #expect(await eventually { await world.directMessages().count == 1 })
            #expect(await world.directMessages().first?.content.contains("10003") == true)
            await harness.stop()
        }
    }

    @Test("50013: the bot may not manage webhooks; the schedule stops and the admin gets a DM")
    func missingPermissions() async throws {
        try await SandboxWorld.with { world in
            try await world.sandbox.setBotPermissions([.viewChannel, .sendMessages, .attachFiles], inChannel: world.channelID)
            let harness = try await Self.start(world)
            #expect(await harness.event { $0.isStoppedByRun } != nil)
            let reason = await harness.features.exports.status(for: Self.scope)?.stopReason?.message ?? ""
            #expect(reason.contains("50013"))
            #expect(await eventually { await world.directMessages().count == 1 })
            #expect(await world.directMessages().first?.content.contains("Manage Webhooks") == true)
            #expect(await world.messages().isEmpty)
            await harness.stop()
        }
    }

    @Test("10015 once: the webhook is recreated and the export delivered")
    func unknownWebhookOnce() async throws {
        try await SandboxWorld.with { world in
            await world.sandbox.injectFault(try .error("POST /webhooks/*/*", status: 404, code: 10015, message: "Unknown Webhook", count: 1))
            let harness = try await Self.start(world)
            #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)
            #expect(await world.requests("POST /channels/*/webhooks").count == 2)
            #expect(await world.messages().count == 1)
            await harness.advance(by: .seconds(5))
            #expect(await eventually { await world.sandbox.webhooks(inChannel: world.channelID).isEmpty })
            await harness.stop()
        }
    }

    @Test("30007 once: ours are swept and the creation retried; the export is delivered")
    func tooManyWebhooksOnce() async throws {
        try await SandboxWorld.with { world in
            await world.sandbox.injectFault(
                try .error("POST /channels/*/webhooks", status: 400, code: 30007, message: "Maximum number of webhooks reached (15)", count: 1))
            let harness = try await Self.start(world)
            #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)
            #expect(await world.requests("GET /channels/*/webhooks").count == 1, "swept (only then) before retrying")
            #expect(await world.messages().count == 1)
            await harness.stop()
        }
    }

    @Test("30007 with 15 webhooks of other apps: nothing of ours to sweep; the run fails and is counted")
    func channelFullOfOthers() async throws {
        try await SandboxWorld.with { world in
            for index in 0..<15 {
                try await world.sandbox.addWebhook(channelID: world.channelID, name: "Other \(index)", applicationID: "1300000000000000009")
            }
            let harness = try await Self.start(world)
            #expect(await harness.event { $0.isRunEnd }?.isRunFailure == true)
            let status = try #require(await harness.features.exports.status(for: Self.scope))
            #expect(status.isActive)
            #expect(status.consecutiveFailures == 1)
            #expect(status.lastRun?.result.message?.contains("30007") == true || status.lastRun?.result.message?.contains("Maximum") == true)
            #expect(await world.sandbox.webhooks(inChannel: world.channelID).count == 15)
            await harness.stop()
        }
    }

    @Test("429: the client waits retry_after on the clock and the export still arrives")
    func rateLimited() async throws {
        try await SandboxWorld.with { world in
            await world.sandbox.injectFault(try .rateLimited("POST /channels/*/webhooks", retryAfter: 2))
            let harness = try await Self.start(world)
            #expect(await harness.advance(until: { await world.messages().count == 1 }, step: .milliseconds(500), limit: .seconds(30)))
            #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)
            #expect(await world.requests("POST /channels/*/webhooks").map(\.status) == [429, 200])
            await harness.stop()
        }
    }

    @Test("500 on every try: each run fails without repeating the POST; five in a row turn the schedule off with a DM")
    func serverErrorsAutoDisable() async throws {
        try await SandboxWorld.with { world in
            await world.sandbox.injectFault(
                try .error("POST /channels/*/webhooks", status: 500, code: 0, message: "500: Internal Server Error", count: nil))
            let harness = try await Self.start(world, every: 1)
            #expect(await harness.advance(until: { harness.count { $0.isAutoDisabled } == 1 }, step: .seconds(2), limit: .seconds(900)))
            #expect(harness.count { $0.isRunFailure } == 5)
            #expect(
                await world.requests("POST /channels/*/webhooks").count == 5,
                "one try per run: a POST answered 500 may have been carried out, so it is never repeated")
            #expect(await harness.features.exports.status(for: Self.scope)?.stopReason?.kind == .autoDisabled)
            #expect(await eventually { await world.directMessages().count == 1 })
            let dm = await world.directMessages().first?.content ?? ""
            #expect(dm.contains("failed 5 times in a row"))
            #expect(dm.contains("500"))
            #expect(await world.messages().isEmpty)
            await harness.stop()
        }
    }
}
