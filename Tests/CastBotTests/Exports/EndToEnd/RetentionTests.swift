import DiscordModels
import DiscordREST
import DiscordSandbox
import ExportFormat
import Foundation
import Scheduling
import Testing

@testable import CastBot
import CastBotTestSupport

/// "Keep the last N exports": older exports this schedule posted are deleted after a delivery,
/// and nobody else's messages ever are.
@Suite("Export retention through DiscordSandbox", .serialized, .timeLimit(.minutes(3)))
struct RetentionTests {
    static let fullPermissions: SandboxPermissions = SandboxPermissions.typicalBot.union(.manageMessages)

    static func request(keepLast: Int?) -> ExportScheduleRequest {
        var request = ScheduleRequests.server(every: 1)
        request.keepLast = keepLast
        return request
    }

    /// Advances until `count` runs have succeeded (each run posts, verifies and applies retention
    /// before its success is reported).
    /// Runs are due 5 s after the schedule is set, then every minute: jump to the run, then step
    /// until it has finished (it talks to the sandbox over real HTTP).
    static func succeeded(_ count: Int, _ harness: ScheduledHarness) async -> Bool {
        let done = harness.count { $0.isRunSuccess }
        guard done < count else { return true }
        for run in (done + 1)...count {
            await harness.advance(by: run == 1 ? .seconds(5) : .seconds(55))
            guard await harness.advance(until: { harness.count { $0.isRunSuccess } >= run }) else { return false }
        }
        return true
    }

    /// The filenames of this schedule's export messages left in the channel, oldest first.
    static func ourExports(_ world: SandboxWorld) async -> [String] {
        await world.messages().compactMap { message in
            guard case .webhook(_, let name) = message.author, name == "PlayerData Export Scheduler",
                message.applicationID == world.sandbox.configuration.applicationID
            else { return nil }
            return message.attachments.first?.filename
        }
    }

    @Test("Keeps exactly the newest N of ours; a person's and other webhooks' messages, even with our name and filenames, stay")
    func keepsNewest() async throws {
        try await SandboxWorld.with { world in
            try await world.sandbox.setBotPermissions(Self.fullPermissions, inChannel: world.channelID)
            let person = try await world.sandbox.postUserMessage(
                channelID: world.channelID, userID: ScheduledHarness.adminID, content: "playerdata-scheduled-\(Fixtures.guildID)-x.json")
            // Another application's webhook with the same name, posting a file named like ours.
            let impostor = try await world.sandbox.addWebhook(
                channelID: world.channelID, name: "PlayerData Export Scheduler", applicationID: "1300000000000000009")
            let lookalike = "playerdata-scheduled-\(Fixtures.guildID)-2020-01-01T00-00-00-000Z.json"
            let theirs = try await world.client.executeWebhook(
                webhookID: try #require(Snowflake(impostor.id)), token: impostor.token, payload: MessagePayload(content: "not ours"),
                files: [DiscordFile(filename: lookalike, contentType: "application/json", data: Data("{}".utf8))])
            // A webhook without an application, named like ours.
            let plain = try await world.sandbox.addWebhook(channelID: world.channelID, name: "PlayerData Export Scheduler", applicationID: nil)
            let plainMessage = try await world.client.executeWebhook(
                webhookID: try #require(Snowflake(plain.id)), token: plain.token, payload: MessagePayload(content: "manual"),
                files: [DiscordFile(filename: lookalike, contentType: "application/json", data: Data("{}".utf8))])

            let harness = try await world.harness(dataFile: try Fixtures.bytes(Fixtures.wholeFile))
            try await harness.features.exports.apply(Self.request(keepLast: 2))
            var posted: Set<String> = []
            for run in 1...4 {
                #expect(await Self.succeeded(run, harness))
                posted.formUnion(await Self.ourExports(world))
            }
            #expect(harness.count { $0.isRunSuccess } == 4)
            #expect(posted.count == 4)

            let ours = await Self.ourExports(world)
            #expect(ours == Array(posted.sorted().suffix(2)), "the newest two")
            let ids = await world.messages().map(\.id)
            #expect(ids.contains(person.id))
            #expect(ids.contains(theirs.id.rawValue))
            #expect(ids.contains(plainMessage.id.rawValue))
            #expect(await world.requests("DELETE /channels/*/messages/*").map(\.status) == [204, 204])
            await harness.stop()
        }
    }

    @Test("A split export's part messages go with it")
    func splitExports() async throws {
        try await SandboxWorld.with { world in
            try await world.sandbox.setBotPermissions(Self.fullPermissions, inChannel: world.channelID)
            let packager = ExportPackager(limits: ExportUploadLimits(fileLimit: 1_024))
            let harness = try await world.harness(dataFile: try Fixtures.bytes(Fixtures.wholeFile), packager: packager)
            try await harness.features.exports.apply(Self.request(keepLast: 1))
            #expect(await Self.succeeded(1, harness))
            let perExport = await world.messages().count
            #expect(perExport >= 2)
            #expect(await Self.succeeded(3, harness))
            let left = await world.messages()
            #expect(left.count == perExport, "one whole export, all its parts")
            let names = Set(left.compactMap { $0.attachments.first?.filename.components(separatedBy: ".json").first })
            #expect(names.count == 1)
            await harness.stop()
        }
    }

    @Test("Without Manage Messages deleting is refused, logged and counted; the run succeeds and the schedule goes on")
    func refusedAtRunTime() async throws {
        try await SandboxWorld.with { world in
            let probe = VerifiedDeliveryTests.MetricsProbe()
            let harness = try await world.harness(dataFile: try Fixtures.bytes(Fixtures.wholeFile), metrics: probe.metrics)
            try await harness.features.exports.apply(Self.request(keepLast: 1))
            #expect(await Self.succeeded(2, harness))
            #expect(await Self.ourExports(world).count == 2)
            #expect(await world.requests("DELETE /channels/*/messages/*").map(\.status) == [403])
            #expect(probe.text().contains("castbot_export_retention_total{result=\"refused\"} 1"))
            #expect(await harness.features.exports.status(for: .guild(Fixtures.guildID))?.isActive == true)
            await harness.stop()
        }
    }

    @Test("Without a limit nothing is read or deleted")
    func keepAll() async throws {
        try await SandboxWorld.with { world in
            try await world.sandbox.setBotPermissions(Self.fullPermissions, inChannel: world.channelID)
            let harness = try await world.harness(dataFile: try Fixtures.bytes(Fixtures.wholeFile))
            try await harness.features.exports.apply(Self.request(keepLast: nil))
            #expect(await Self.succeeded(2, harness))
            #expect(await Self.ourExports(world).count == 2)
            #expect(await world.requests("DELETE /channels/*/messages/*").isEmpty)
            #expect(await world.requests("GET /channels/*/messages").isEmpty)
            await harness.stop()
        }
    }

    @Test("Upload names map to their export: plain, gzipped, encrypted and parts; anything else is not an export")
    func names() {
        let prefix = "playerdata-scheduled-1200000000000000001-"
        let export = "playerdata-scheduled-1200000000000000001-2025-10-15T14-30-05-000Z.json"
        for upload in [export, export + ".gz", export + ".gz.part02of12", export + ".enc", export + ".gz.enc.part1of2"] {
            #expect(ExportMessageIdentity.exportName(fromUpload: upload, prefix: prefix) == export, "\(upload)")
        }
        let other = "playerdata-scheduled-12000000000000000012-2025-10-15T14-30-05-000Z.json"
        for upload in [other, export + ".gz.partXof2", "playerdata-scheduled-1200000000000000001-2025-10-15T14-30-05-000Z.txt",
                       "playerdata-export-1200000000000000001-2025-10-15T14-30-05-000Z.json"] {
            #expect(ExportMessageIdentity.exportName(fromUpload: upload, prefix: prefix) == nil, "\(upload)")
        }
    }

    @Test("Settings saved before retention existed still decode (keep all); a limit round-trips")
    func storedSettings() throws {
        let old = #"{"channelID":"1200000000000000002","guildID":"1","intervalMinutes":60,"restartPolicy":"clear","scope":"guild:1","setByUserID":"3"}"#
        let decoded = try StateFileCoding.decoder().decode(ExportScheduleRequest.self, from: Data(old.utf8))
        #expect(decoded.keepLast == nil)
        #expect(decoded.intervalMinutes == 60)
        let limited = Self.request(keepLast: 30)
        let again = try StateFileCoding.decoder().decode(
            ExportScheduleRequest.self, from: try StateFileCoding.compactEncoder().encode(limited))
        #expect(again == limited)
    }
}
