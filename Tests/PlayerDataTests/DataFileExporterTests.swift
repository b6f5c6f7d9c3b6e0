import ExportFormat
import Foundation
import Testing
@testable import PlayerData
import CastBotTestSupport

/// Exports made straight from disk equal the ones built from the loaded file.
@Suite(.timeLimit(.minutes(1))) struct DataFileExporterTests {
    static let date = Date(timeIntervalSince1970: 1_767_323_045.678)

    @Test(arguments: [Fixtures.wholeFile, Fixtures.devCrashRestore])
    func serverExportsMatchTheInMemoryBuilder(fixture: String) throws {
        let path = try Fixtures.path(fixture)
        let file = try PlayerDataFile(bytes: try Fixtures.bytes(fixture))
        for guildID in file.guildIDs {
            let fromDisk = try DataFileExporter.serverExport(dataFileAt: path, guildID: guildID, date: Self.date, kind: .scheduled)
            let inMemory = try ExportBuilder.serverExport(of: file, guildID: guildID, date: Self.date, kind: .scheduled)
            #expect(fromDisk.bytes == inMemory.bytes, "guild \(guildID)")
            #expect(fromDisk.filename == inMemory.filename)
            #expect(fromDisk.playerCount == inMemory.playerCount)
        }
    }

    @Test func serverExportErrorsAreTheBuilders() throws {
        let path = try Fixtures.path(Fixtures.wholeFile)
        #expect(throws: PlayerDataError.guildNotFound("123456789012345678")) {
            try DataFileExporter.serverExport(dataFileAt: path, guildID: "123456789012345678", date: Self.date, kind: .manual)
        }
        #expect(throws: PlayerDataError.notAGuild("/* Server ID */")) {
            try DataFileExporter.serverExport(dataFileAt: path, guildID: "/* Server ID */", date: Self.date, kind: .manual)
        }
    }

    @Test func allExportCopiesTheFileAndCounts() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try Fixtures.path(Fixtures.wholeFile)
        try folder.write(Array("old content".utf8), to: "all.json")
        let written = try DataFileExporter.writeAllExport(dataFileAt: path, to: "\(folder.path)/all.json", date: Self.date, kind: .manual)
        #expect(try folder.read("all.json") == (try Fixtures.bytes(Fixtures.wholeFile)))
        #expect(written == DataFileExporter.WrittenExport(path: "\(folder.path)/all.json", byteCount: 376_047, guildCount: 31, playerCount: 233))
        #expect(try folder.contents() == ["all.json"], "no temporary file left")
    }

    @Test func anInvalidFileProducesNoExport() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        var bytes = try Fixtures.bytes(Fixtures.wholeFile)
        bytes.removeLast(10)
        try folder.write(bytes, to: "playerData.json")
        do {
            _ = try DataFileExporter.writeAllExport(
                dataFileAt: "\(folder.path)/playerData.json", to: "\(folder.path)/all.json", date: Self.date, kind: .manual)
            Issue.record("a truncated file was exported")
        } catch {
            #expect(error.description.contains("truncated"), "\(error)")
        }
        #expect(try folder.contents() == ["playerData.json"], "neither the export nor its temporary file exists")
    }

    @Test func aMissingDataFileIsReported() throws {
        #expect(throws: PlayerDataError.self) {
            try DataFileExporter.serverExport(dataFileAt: "/nonexistent/playerData.json", guildID: "1", date: Self.date, kind: .manual)
        }
    }
}
