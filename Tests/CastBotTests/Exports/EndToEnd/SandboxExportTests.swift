import DiscordSandbox
import ExportFormat
import Foundation
import PlayerData
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

    @Test("A leftover webhook of this application is swept; another application's is left alone")
    func sweep() async throws {
        try await SandboxWorld.with { world in
            let ours = try await world.sandbox.addWebhook(
                channelID: world.channelID, name: "PlayerData Export Scheduler", applicationID: world.sandbox.configuration.applicationID)
            let theirs = try await world.sandbox.addWebhook(
                channelID: world.channelID, name: "PlayerData Export Scheduler", applicationID: "1300000000000000009")
            let harness = try await world.harness(dataFile: try Fixtures.bytes(Fixtures.wholeFile))
            try await harness.features.exports.apply(ScheduleRequests.server(every: 60))
            await harness.advance(by: .seconds(5))
            #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)
            await harness.advance(by: .seconds(5))
            #expect(await eventually { await world.sandbox.webhooks(inChannel: world.channelID).map(\.id) == [theirs.id] })
            #expect(await world.requests("DELETE /webhooks/*").contains { $0.path.hasSuffix("/webhooks/\(ours.id)") })
            await harness.stop()
        }
    }
}
