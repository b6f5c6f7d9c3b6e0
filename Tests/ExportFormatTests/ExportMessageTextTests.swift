import ExportFormat
import Foundation
import PlayerData
import Testing

/// The export message's text, written and read back by one type.
@Suite("Export message text, written and read back", .timeLimit(.minutes(1)))
struct ExportMessageTextTests {
    static let digest = String(repeating: "ab12", count: 16)

    @Test("Each checksum form the writer makes reads back as the digest written")
    func checksumRoundTrip() {
        let lines = [
            ExportChecksumText.line(Self.digest),
            ExportChecksumText.line(Self.digest, of: "the rebuilt playerdata-scheduled-ALL-2025-10-15T14-30-05-000Z.json"),
            ExportChecksumText.line(Self.digest.uppercased(), of: "the encrypted playerdata-scheduled-ALL-2025-10-15T14-30-05-000Z.json.enc"),
        ]
        for line in lines {
            let message = "📤 **Scheduled PlayerData Export**\n\n**Players**: 3\n\(line)\n**Next Export**: soon"
            #expect(ExportChecksumText.stated(in: message) == Self.digest, "\(line)")
        }
    }

    @Test("A message stating no well-formed checksum states none")
    func noChecksum() {
        for content in [nil, "no checksum here", "**SHA-256**: `abc`", "**SHA-256**: \(Self.digest)", "**SHA-256**: `\(String(repeating: "g", count: 64))`"] {
            #expect(ExportChecksumText.stated(in: content) == nil, "\(String(describing: content))")
        }
    }

    @Test("Every message the writer makes (plain, gzip, parts; manual and scheduled) parses back to what it states", arguments: [ExportKind.manual, .scheduled])
    func messageRoundTrip(kind: ExportKind) throws {
        let date = Date(timeIntervalSince1970: 1_760_538_600)
        let name = ExportFileName.all(date: date, kind: kind)
        var text: [UInt8] = []
        for index in 0..<40_000 { text += Array("{\"player\": \(index * 7919 % 100_003)}\n".utf8) }
        for limit in [10_000_000, 200_000, 50_000] {
            let plan = try ExportPackager(limits: ExportUploadLimits(fileLimit: limit)).plan(filename: name, bytes: text)
            let facts = ExportMessageFacts(
                kind: kind, typeLabel: "All Servers", guildCount: 12, playerCount: 345, exportedAt: date,
                nextRunAt: kind == .scheduled ? date.addingTimeInterval(3600) : nil)
            let first = ExportMessageText.parse(ExportMessageText.first(plan, facts))
            #expect(first.typeLabel == "All Servers" && first.guildCount == 12 && first.playerCount == 345)
            #expect(first.sha256 == plan.sha256)
            #expect(first.attached == plan.uploads.first?.filename)
            #expect(first.part?.number == (plan.uploads.count > 1 ? 1 : nil))
            if limit == 50_000 { #expect(plan.uploads.count > 1, "the smallest limit splits the export") }
            for upload in plan.uploads.dropFirst() {
                let part = ExportMessageText.parse(ExportMessageText.part(upload, of: plan, kind: kind))
                #expect(part.sha256 == plan.publishedSHA256)
                #expect(part.attached == upload.filename)
                #expect(part.part == ExportFileName.Part(number: try #require(upload.partNumber), count: plan.uploads.count))
            }
        }
    }
}
