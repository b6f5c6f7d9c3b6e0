import DiscordSandbox
import ExportFormat
import Foundation
import PlayerData
import Scheduling
import Testing

@testable import CastBot
import CastBotTestSupport

@Suite("Scheduled exports end to end through DiscordSandbox", .serialized, .timeLimit(.minutes(3)))
struct SandboxExportTests {
    @Test("The first export arrives 5 s after start with the exact bytes, the message and buttons; the webhook goes 5 s later")
    func firstExport() async throws {
        try await SandboxWorld.with { world in
            let fixture = try Fixtures.bytes(Fixtures.wholeFile)
            let harness = try await world.harness(dataFile: fixture)
            try await harness.features.exports.apply(ScheduleRequests.all(every: 60))

            await harness.advance(by: .milliseconds(4_900), step: .milliseconds(700))
            #expect(await world.messages().isEmpty)
            await harness.advance(by: .milliseconds(100))
            #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)

            let messages = await world.messages()
            let message = try #require(messages.first)
            #expect(messages.count == 1)
            let attachment = try #require(message.attachments.first)
            #expect(attachment.filename == "playerdata-scheduled-ALL-2025-10-15T14-30-05-000Z.json")
            #expect(attachment.bytes == fixture)
            #expect(message.content.contains("**SHA-256**: `\(SHA256Hex.digest(attachment.bytes))`"))
            #expect(message.content.hasPrefix("📤 **Scheduled PlayerData Export**"))
            #expect(message.content.contains("**Guilds Included**: 31"))
            #expect(message.customIDs == ["playerdata_export_status", "playerdata_export_schedule", "playerdata_restore"])
            guard case .webhook(_, let username) = message.author else {
                Issue.record("posted by the webhook")
                return
            }
            #expect(username == "PlayerData Export Scheduler")

            let execute = try #require(await world.requests("POST /webhooks/*/*").first)
            #expect(execute.query["wait"] == "true")
            #expect(execute.parts.contains { $0.name == "payload_json" })
            #expect(execute.parts.contains { $0.name == "files[0]" })
            let create = try #require(await world.requests("POST /channels/*/webhooks").first)
            #expect(create.auditLogReason?.removingPercentEncoding == "Scheduled playerData export")
            #expect(await world.sandbox.webhooks(inChannel: world.channelID).first?.auditLogReason == "Scheduled playerData export")

            #expect(await world.sandbox.webhooks(inChannel: world.channelID).count == 1)
            await harness.advance(by: .seconds(5))
            #expect(await eventually { await world.sandbox.webhooks(inChannel: world.channelID).isEmpty })
            await harness.stop()
        }
    }

    @Test("A delivery costs exactly two bot-token requests, the webhook's create and delete, with a leftover in the channel")
    func twoBotRequestsPerDelivery() async throws {
        try await SandboxWorld.with { world in
            _ = try await world.sandbox.addWebhook(
                channelID: world.channelID, name: "PlayerData Export Scheduler", applicationID: world.sandbox.configuration.applicationID)
            let harness = try await world.harness(dataFile: try Fixtures.bytes(Fixtures.wholeFile))
            try await harness.features.exports.apply(ScheduleRequests.server(every: 60))
            await harness.advance(by: .seconds(5))
            #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)
            await harness.advance(by: .seconds(5))
            #expect(await eventually { await world.sandbox.webhooks(inChannel: world.channelID).count == 1 }, "ours is deleted; the leftover waits for a start-up")
            let botRequests = await world.sandbox.recordedRequests().filter(\.hadBotAuth)
            #expect(botRequests.map { $0.route ?? "?" } == ["POST /channels/{channel_id}/webhooks", "DELETE /webhooks/{webhook_id}"])
            await harness.stop()
        }
    }

    @Test("A leftover webhook of a previous process is deleted at start-up; another application's is left alone")
    func startupSweep() async throws {
        try await SandboxWorld.with { world in
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let applicationID = world.sandbox.configuration.applicationID
            let before = try await ScheduledHarness(
                discord: world.client, directory: directory, dataFile: try Fixtures.bytes(Fixtures.wholeFile), applicationID: applicationID,
                clock: world.clock)
            await before.features.start()
            try await before.features.exports.apply(ScheduleRequests.server(every: 60, restartPolicy: .clear))
            await before.stop()
            // That process died between a create and its delete: its webhook is still there.
            let ours = try await world.sandbox.addWebhook(channelID: world.channelID, name: "PlayerData Export Scheduler", applicationID: applicationID)
            let theirs = try await world.sandbox.addWebhook(
                channelID: world.channelID, name: "PlayerData Export Scheduler", applicationID: "1300000000000000009")
            #expect(await world.requests("GET /channels/*/webhooks").isEmpty)

            // The next process starts (the sandbox makes ids on the real clock, so it starts after them).
            let after = try await ScheduledHarness(
                discord: world.client, directory: directory, startDate: Date().addingTimeInterval(1), applicationID: applicationID,
                clock: world.clock)
            await after.features.start()
            await after.work.delivery.waitForStartupSweep()
            #expect(await world.sandbox.webhooks(inChannel: world.channelID).map(\.id) == [theirs.id])
            let deletes = await world.requests("DELETE /webhooks/*")
            let sweeps = deletes.filter { $0.path.hasSuffix("/webhooks/\(ours.id)") }
            #expect(sweeps.count == 1)
            #expect(sweeps.first?.auditLogReason?.removingPercentEncoding == "Removing a leftover playerData export webhook")
            #expect(await world.requests("GET /channels/*/webhooks").count == 1, "one listing per scheduled channel, once")
            await after.stop()
        }
    }
}
