import ExportFormat
import Testing

@testable import CastBot

/// The checksum line an export message states, written and read back by one type.
@Suite("Export message checksum, written and read back", .timeLimit(.minutes(1)))
struct ExportChecksumTextTests {
    static let digest = String(repeating: "ab12", count: 16)

    @Test("Each form the writer makes reads back as the digest written")
    func roundTrip() {
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
}
