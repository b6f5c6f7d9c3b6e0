import DiscordSandbox
import ExportFormat
import Foundation
import PlayerData
import Testing

@testable import CastBot

@Suite("A large export end to end: gzip parts within 10 MiB", .serialized, .timeLimit(.minutes(3)))
struct LargeExportTests {
    /// One guild of about 16 MB whose players hold random base64 text, so gzip cannot shrink it
    /// below 10 MiB.
    static func largeDataFile(guildID: String) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var text = "{\n  \"\(guildID)\": {\n    \"serverName\": \"Big Guild\",\n    \"players\": {\n"
        let players = 2_000
        for index in 0..<players {
            let words = (0..<768).map { _ in generator.next() as UInt64 }
            let blob = words.withUnsafeBytes { Data($0) }.base64EncodedString()
            text += "      \"\(index)\": {\n        \"blob\": \"\(blob)\"\n      }\(index == players - 1 ? "" : ",")\n"
        }
        text += "    }\n  }\n}"
        return Array(text.utf8)
    }

    @Test("A ~16 MB guild arrives as gzip parts of at most 10 MiB, one per request, that rebuild the exact export")
    func parts() async throws {
        var configuration = SandboxConfiguration()
        configuration.maxRequestBodySize = 10_485_760
        try await SandboxWorld.with(configuration) { world in
            let guildID = ScheduledHarness.guildID
            let data = Self.largeDataFile(guildID: guildID)
            #expect(data.count > 15_000_000)
            let harness = try await world.harness(dataFile: data)
            try await harness.features.exports.apply(ScheduleRequests.server(every: 1440, guildID: guildID))
            await harness.advance(by: .seconds(5))
            #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)

            let file = try PlayerDataFile(bytes: data)
            let expected = try ExportBuilder.serverExport(of: file, guildID: guildID, date: harness.date(.seconds(5)), kind: .scheduled)
            let messages = await world.messages()
            #expect(messages.count >= 2)
            let attachments = messages.flatMap(\.attachments)
            #expect(attachments.count == messages.count, "one part per message")
            #expect(attachments.allSatisfy { $0.size <= 10_485_760 })
            let count = attachments.count
            #expect(attachments.map(\.filename) == (1...count).map { "\(expected.filename).gz.part\($0)of\(count)" })

            let rebuilt = try Gzip.decompress(attachments.flatMap(\.bytes))
            #expect(rebuilt == expected.bytes)
            let first = try #require(messages.first?.content)
            #expect(first.contains("**SHA-256**: `\(SHA256Hex.digest(rebuilt))`"))
            #expect(first.contains("cat \(expected.filename).gz.part*of\(count) > \(expected.filename).gz && gunzip \(expected.filename).gz"))
            #expect(first.contains("⚠️ **Size warning**"))
            #expect(messages.dropFirst().allSatisfy { $0.content.contains("part") && $0.customIDs.isEmpty })
            #expect(messages.first?.customIDs == ["playerdata_export_status", "playerdata_export_schedule", "playerdata_restore"])
            let executes = await world.requests("POST /webhooks/*/*")
            #expect(executes.allSatisfy { $0.body.count <= 10_485_760 && $0.status == 200 })
            await harness.stop()
        }
    }
}
