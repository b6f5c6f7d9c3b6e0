import CastBotTestSupport
import DiscordREST
import DiscordSandbox
import ExportEncryption
import ExportFormat
import Foundation
import PlayerData
import Testing

@testable import CastBot

@Suite("An encrypted ~100 MB export end to end: sealed, split, posted, downloaded, decrypted", .serialized, .timeLimit(.minutes(6)))
struct EncryptedExportEndToEndTests {
    /// One guild of about 100 MB whose players hold random base64 text (gzip keeps about 3/4 of it),
    /// written as bytes directly: building it as a String would take longer than the export.
    static func hundredMegabyteDataFile(guildID: String) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes = Array("{\n  \"\(guildID)\": {\n    \"serverName\": \"Encrypted Guild\",\n    \"players\": {\n".utf8)
        let players = 12_400
        bytes.reserveCapacity(players * 8_300)
        for index in 0..<players {
            let words = (0..<768).map { _ in generator.next() as UInt64 }
            let blob = words.withUnsafeBytes { Data($0) }.base64EncodedString()
            bytes += Array("      \"\(index)\": {\n        \"blob\": \"".utf8)
            bytes += Array(blob.utf8)
            bytes += Array("\"\n      }\(index == players - 1 ? "" : ",")\n".utf8)
        }
        bytes += Array("    }\n  }\n}".utf8)
        return bytes
    }

    @Test("The scheduled delivery path posts ciphertext parts within 10 MiB; the downloaded parts decrypt byte-identical with either of two keys")
    func hundredMegabytes() async throws {
        let alice = ExportSecretKey.generate()
        let bob = ExportSecretKey.generate()
        var configuration = SandboxConfiguration()
        configuration.maxRequestBodySize = 10_485_760
        try await SandboxWorld.with(configuration) { world in
            let guildID = ScheduledHarness.guildID
            let data = Self.hundredMegabyteDataFile(guildID: guildID)
            #expect(data.count > 100_000_000)
            let packager = ExportPackager(sealer: try ExportSealer(recipients: [alice.publicKey, bob.publicKey]))
            let harness = try await world.harness(dataFile: data, packager: packager)
            try await harness.features.exports.apply(ScheduleRequests.server(every: 1440, guildID: guildID))
            await harness.advance(by: .seconds(5))
            #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)

            let expected = try ExportBuilder.serverExport(
                of: PlayerDataFile(bytes: data), guildID: guildID, date: harness.date(.seconds(5)), kind: .scheduled)
            let messages = await world.messages()
            let attachments = messages.flatMap(\.attachments)
            let count = attachments.count
            #expect(count >= 8 && count == messages.count, "one part per message")
            #expect(attachments.map(\.filename) == (1...count).map { index in
                let padded = String(repeating: "0", count: String(count).count - String(index).count) + String(index)
                return "\(expected.filename).gz.enc.part\(padded)of\(count)"
            })
            let executes = await world.requests("POST /webhooks/*/*")
            #expect(executes.allSatisfy { $0.body.count <= 10_485_760 && $0.status == 200 })

            // Download what Discord stored, as an operator would, and decrypt it.
            let folder = try TemporaryDirectory()
            defer { folder.remove() }
            var paths: [String] = []
            for attachment in attachments {
                let downloaded = try await world.client.download(from: await world.sandbox.signedURL(for: attachment), maxBytes: 10_485_760)
                try folder.write(Array(downloaded), to: attachment.filename)
                paths.append("\(folder.path)/\(attachment.filename)")
            }
            let sealedSHA256 = SHA256Hex.digest(attachments.flatMap(\.bytes))
            let first = try #require(messages.first?.content)
            #expect(first.contains("**SHA-256** of the encrypted \(expected.filename).gz.enc: `\(sealedSHA256)`"))
            #expect(!messages.contains { $0.content.contains(expected.sha256) }, "no message shows the plaintext's checksum")
            #expect(first.contains("🔒 for key ids `\(alice.keyID)`, `\(bob.keyID)`"))
            #expect(await harness.work.stateStore.current().lastExports.values.first?.sha256 == sealedSHA256)

            for key in [alice, bob] {
                try folder.write(Array(key.fileText(createdAt: Date()).utf8), to: "\(key.keyID).key")
                let decoded = try ExportFileDecoder.decode(parts: paths, keyFiles: ["\(folder.path)/\(key.keyID).key"])
                #expect(decoded.json == expected.bytes)
                #expect(decoded.originalFilename == expected.filename)
            }
            await harness.stop()
        }
    }
}
