import ExportFormat
import Foundation
import PlayerData
import Testing

/// Export file names are written and read back by one type: every name it writes reads back as
/// what it was written for.
@Suite("Export file names, written and read back", .timeLimit(.minutes(1)))
struct ExportFileNameTests {
    static let date = Date(timeIntervalSince1970: 1_760_538_600.123)
    static let guild = "974318870057848842"

    @Test("Every scope, kind, packaging and part reads back as written", arguments: [ExportKind.manual, .scheduled])
    func roundTrip(kind: ExportKind) throws {
        let names: [(String, ExportFileName.Scope)] = [
            (ExportFileName.server(guildID: Self.guild, date: Self.date, kind: kind), .guild(Self.guild)),
            (ExportFileName.all(date: Self.date, kind: kind), .all),
        ]
        for (exportName, scope) in names {
            #expect(exportName.hasPrefix(ExportFileName.prefix(scope, kind: kind)))
            for suffix in ["", ".gz", ".enc", ".gz.enc"] {
                let joined = exportName + suffix
                for (number, count) in [(0, 0), (1, 3), (3, 3), (7, 12)] {
                    let file = count == 0 ? joined : ExportFileName.part(joined, number, of: count)
                    let read = try #require(ExportFileName(file), "\(file)")
                    #expect(read.scope == scope)
                    #expect(read.scheduled == (kind == .scheduled))
                    #expect(read.exportName == exportName)
                    #expect(read.joinedName == joined)
                    #expect(read.gzipped == suffix.contains(".gz"))
                    #expect(read.encrypted == suffix.contains(".enc"))
                    #expect(read.part?.number == (count == 0 ? nil : number))
                    #expect(read.part?.count == (count == 0 ? nil : count))
                }
            }
        }
    }

    @Test("Part numbers are zero-padded so a shell glob lists them in order")
    func partPadding() {
        #expect(ExportFileName.part("e.json.gz", 2, of: 12) == "e.json.gz.part02of12")
        #expect(ExportFileName.part("e.json.gz", 12, of: 12) == "e.json.gz.part12of12")
        #expect(ExportFileName.parsePart("e.json.gz.part02of12")?.number == 2)
        #expect(ExportFileName.parsePart("e.json.gz.part13of12") == nil)
    }

    @Test("Names that are not exports read as nothing")
    func notExports() {
        for name in [
            "playerData.json", "playerdata-export-123-2025-10-15T14-30-00-000Z.json",
            "playerdata-export-974318870057848842-2025-10-15T14-30-00-000Z.txt",
            "playerdata-scheduled-ALL-2025-10-15T14-30-00-000Z.json.zip", "notes-974318870057848842-2025-10-15T14-30-00-000Z.json",
        ] {
            #expect(ExportFileName(name) == nil, "\(name)")
        }
    }
}
