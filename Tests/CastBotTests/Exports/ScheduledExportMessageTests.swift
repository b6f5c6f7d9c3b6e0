import DiscordModels
import DiscordREST
import ExportFormat
import Foundation
import PlayerData
import Scheduling
import Testing

@testable import CastBot
import CastBotTestSupport

@Suite("Scheduled export: message, file and webhook lifecycle", .timeLimit(.minutes(2)))
struct ScheduledExportMessageTests {
    @Test("The first export comes 5 s after start, in the seed's format with players, SHA-256 and buttons")
    func allExportMessage() async throws {
        let discord = RecordingDiscordClient()
        let fixture = try Fixtures.bytes(Fixtures.wholeFile)
        let harness = try await ScheduledHarness(discord: discord, dataFile: fixture)
        let file = try PlayerDataFile(bytes: fixture)

        let confirmation = try await harness.features.exports.apply(ScheduleRequests.all(every: 1440))
        #expect(confirmation.isScheduled)
        await harness.advance(by: .milliseconds(4_900), step: .milliseconds(700))
        #expect(discord.messages.isEmpty, "nothing before 5 seconds")
        await harness.advance(by: .milliseconds(100))
        #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)

        let message = try #require(discord.messages.first)
        #expect(discord.messages.count == 1)
        let exportTime = harness.date(.seconds(5))
        let unix = Int(exportTime.timeIntervalSince1970)
        let filename = "playerdata-scheduled-ALL-2025-10-15T14-30-05-000Z.json"
        let expected = """
            📤 **Scheduled PlayerData Export**

            **Export Time**: <t:\(unix):f>
            **Export Type**: All Servers
            **Guilds Included**: \(file.guildCount)
            **Players**: \(file.playerCount)
            **File Size**: \(ByteSizeText.describe(fixture.count))
            **SHA-256**: `\(SHA256Hex.digest(fixture))`
            **Next Export**: <t:\(unix - 5 + 86_400):R>

            💾 Attached: \(filename)
            """
        #expect(message.payload.content == expected)
        // What restore reads back from the message is what was written.
        #expect(ExportChecksumText.stated(in: message.payload.content) == SHA256Hex.digest(fixture))
        #expect(file.guildCount == 31)
        let buttons = (message.payload.components ?? []).flatMap(\.children)
        #expect(buttons.compactMap { if case .button(let b) = $0 { b.customID } else { nil } } == ["playerdata_export_status", "playerdata_export_schedule", "playerdata_restore"])
        #expect(buttons.compactMap { if case .button(let b) = $0 { b.label } else { nil } } == ["View Live", "Adjust Schedule", "Restore…"])
        #expect(message.payload.allowedMentions == AllowedMentions.none)
        #expect(message.files.map(\.filename) == [filename])
        #expect(message.files.first?.contentType == "application/json")
        #expect(message.files.first?.data == Data(fixture), "the whole file, content unchanged")

        let execute = try #require(discord.requests(RecordingDiscordClient.executeWebhook).first)
        #expect(execute.request.query.contains(.init("wait", "true")))
        #expect(execute.request.auth == .none)
        guard case .multipart(let payloadJSON, let files) = execute.request.body else {
            Issue.record("execute must be multipart")
            return
        }
        #expect(payloadJSON != nil)
        #expect(files.count == 1)
        await harness.stop()
    }

    @Test("The temporary webhook is named, reasoned and deleted 5 s after, without the run waiting; a delivery is exactly create + delete, leftovers untouched")
    func webhookLifecycle() async throws {
        let discord = RecordingDiscordClient()
        discord.addWebhook(channelID: ScheduledHarness.channelID, name: TemporaryWebhookName.value, applicationID: RecordingDiscordClient.applicationID)
        discord.addWebhook(channelID: ScheduledHarness.channelID, name: TemporaryWebhookName.value, applicationID: Snowflake("1300000000000000009"))
        discord.addWebhook(channelID: ScheduledHarness.channelID, name: "Other hook", applicationID: RecordingDiscordClient.applicationID)
        let harness = try await ScheduledHarness(discord: discord, dataFile: try Fixtures.bytes(Fixtures.wholeFile))

        try await harness.features.exports.apply(ScheduleRequests.server(every: 60))
        await harness.advance(by: .seconds(5))
        #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)

        #expect(discord.requests.map(\.template) == [RecordingDiscordClient.createWebhook, RecordingDiscordClient.executeWebhook],
            "no listing on the way: leftovers are swept at start-up, not before a delivery")
        #expect(discord.requests.allSatisfy { $0.request.priority == .export })
        let create = try #require(discord.requests(RecordingDiscordClient.createWebhook).first)
        #expect(create.request.auditLogReason == "Scheduled playerData export")
        #expect(try create.request.jsonBodyName() == "PlayerData Export Scheduler")
        #expect(discord.webhooks(inChannel: ScheduledHarness.channelID).map(\.name) == [
            TemporaryWebhookName.value, TemporaryWebhookName.value, "Other hook", TemporaryWebhookName.value,
        ], "the delivery leaves the other webhooks alone; the new one lives until cleanup")

        await harness.advance(by: .milliseconds(4_900), step: .milliseconds(700))
        #expect(discord.requests(RecordingDiscordClient.deleteWebhook).isEmpty, "still there before 5 s")
        await harness.advance(by: .milliseconds(100))
        #expect(await discord.waitUntil { $0.requests(RecordingDiscordClient.deleteWebhook).count == 1 })
        #expect(discord.webhooks(inChannel: ScheduledHarness.channelID).count == 3)
        #expect(discord.requests(RecordingDiscordClient.deleteWebhook).last?.request.auditLogReason == "Cleanup after scheduled export")
        let botTokenRequests = discord.requests.filter { $0.request.auth == .bot }
        #expect(botTokenRequests.map(\.template) == [RecordingDiscordClient.createWebhook, RecordingDiscordClient.deleteWebhook])
        await harness.stop()
    }

    @Test("A server export follows the v1.0 format: header, the guild's data, the scheduled filename")
    func serverExport() async throws {
        let discord = RecordingDiscordClient()
        let fixture = try Fixtures.bytes(Fixtures.wholeFile)
        let harness = try await ScheduledHarness(discord: discord, dataFile: fixture)
        try await harness.features.exports.apply(ScheduleRequests.server(every: 360))
        await harness.advance(by: .seconds(5))
        #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)

        let file = try PlayerDataFile(bytes: fixture)
        let expected = try ExportBuilder.serverExport(of: file, guildID: Fixtures.guildID, date: harness.date(.seconds(5)), kind: .scheduled)
        let message = try #require(discord.messages.first)
        #expect(message.files.first?.filename == "playerdata-scheduled-\(Fixtures.guildID)-2025-10-15T14-30-05-000Z.json")
        #expect(message.files.first?.data == Data(expected.bytes))
        let content = try #require(message.payload.content)
        #expect(content.contains("**Export Type**: Current Server"))
        #expect(content.contains("**Guilds Included**: 1"))
        #expect(content.contains("**Players**: \(expected.playerCount)"))
        #expect(content.contains("**SHA-256**: `\(expected.sha256)`"))
        #expect(content.contains("**Next Export**: <t:\(Int(harness.date(.seconds(360 * 60)).timeIntervalSince1970)):R>"))
        await harness.stop()
    }

    @Test("The WIPED file after the whole file warns of a sharp drop; an unchanged file does not")
    func dropWarning() async throws {
        let discord = RecordingDiscordClient()
        let harness = try await ScheduledHarness(discord: discord, dataFile: try Fixtures.bytes(Fixtures.wholeFile))
        try await harness.features.exports.apply(ScheduleRequests.all(every: 60))
        await harness.advance(by: .seconds(5))
        #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)
        #expect(discord.messages.first?.payload.content?.contains("⚠️") == false)

        // The next hour's export sees the same data: no warning.
        await harness.advance(by: .seconds(3_600), step: .seconds(60))
        #expect(await harness.events(2) { $0.isRunSuccess })
        #expect(harness.count { $0.isRunSuccess } == 2)
        #expect(discord.messages.last?.payload.content?.contains("Sharp drop") == false)

        try harness.directory.write(try Fixtures.bytes(Fixtures.wiped), to: "playerData.json")
        await harness.advance(by: .seconds(3_600), step: .seconds(60))
        #expect(await harness.events(3) { $0.isRunSuccess })
        #expect(harness.count { $0.isRunSuccess } == 3)
        let content = try #require(discord.messages.last?.payload.content)
        #expect(content.contains("⚠️ **Sharp drop since the last export**"))
        #expect(content.contains("guilds fell from 31 to 17"))
        #expect(content.contains("size fell from 367.2 KB to 13.5 KB"))
        #expect(content.contains("**Guilds Included**: 17"))
        await harness.stop()
    }
}

extension DiscordRequest {
    func jsonBodyName() throws -> String? {
        try jsonBody()["name"] as? String
    }
}
