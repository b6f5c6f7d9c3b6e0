import ExportFormat
import Foundation
import Testing
@testable import PlayerData
import CastBotTestSupport

/// What the shared snapshot answers equals what the loaded file answers, byte for byte.
@Suite(.timeLimit(.minutes(1))) struct SnapshotExportTests {
    static let date = Date(timeIntervalSince1970: 1_767_323_045.678)

    @Test(arguments: [Fixtures.wholeFile, Fixtures.devCrashRestore])
    func serverExportsAreTheLoadedFilesBytes(fixture: String) async throws {
        let path = try Fixtures.path(fixture)
        let file = try PlayerDataFile(bytes: try Fixtures.bytes(fixture))
        let snapshot = try await PlayerDataSnapshots(path: path).snapshot()
        #expect(snapshot.guildIDs == file.guildIDs)
        #expect(!file.guildIDs.isEmpty)
        for guildID in file.guildIDs {
            let shared = try await snapshot.serverExport(guildID: guildID, date: Self.date, kind: .scheduled)
            let loaded = try ExportBuilder.serverExport(of: file, guildID: guildID, date: Self.date, kind: .scheduled)
            #expect(shared.bytes == loaded.bytes, "guild \(guildID)")
            #expect(shared.filename == loaded.filename)
            #expect(shared.playerCount == loaded.playerCount)
            #expect(shared.guildCount == 1 && shared.guildID == guildID)
        }
    }

    @Test(arguments: [Fixtures.wholeFile, Fixtures.devCrashRestore])
    func estimatesAreTheLoadedFiles(fixture: String) async throws {
        let path = try Fixtures.path(fixture)
        let file = try PlayerDataFile(bytes: try Fixtures.bytes(fixture))
        let snapshot = try await PlayerDataSnapshots(path: path).snapshot()
        #expect(snapshot.guildCount == file.guildCount)
        #expect(snapshot.byteCount == file.byteCount)
        #expect(snapshot.playerCount == file.playerCount)
        var namedGuilds = 0
        for key in file.keys {
            #expect(snapshot.playerCount(of: key) == file.playerCount(of: key), "\(key)")
            let name = try await snapshot.serverName(of: key)
            #expect(name == file.serverName(of: key), "\(key)")
            if name != nil { namedGuilds += 1 }
        }
        #expect(namedGuilds > 0, "the fixture has server names to compare")
        #expect(snapshot.playerCount(of: "123456789012345678") == nil)
    }

    @Test func allExportIsTheWholeFile() async throws {
        let path = try Fixtures.path(Fixtures.wholeFile)
        let file = try PlayerDataFile(bytes: try Fixtures.bytes(Fixtures.wholeFile))
        let shared = try await PlayerDataSnapshots(path: path).allExport(date: Self.date, kind: .manual)
        let loaded = ExportBuilder.allExport(of: file, date: Self.date, kind: .manual)
        #expect(shared.bytes == loaded.bytes)
        #expect(shared.filename == loaded.filename)
        #expect(shared.guildCount == 31 && shared.playerCount == 233)
        #expect(shared.guildCount == loaded.guildCount && shared.playerCount == loaded.playerCount)
        #expect(shared.guildID == nil)
    }

    @Test func errorsAreTheLoadersErrors() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = "\(folder.path)/playerData.json"
        let snapshots = PlayerDataSnapshots(path: path)
        await #expect(throws: PlayerDataError.dataFileMissing(path: path)) { try await snapshots.snapshot() }

        let text = #"{"/* Server ID */": "x", "123456789012345678": [1, 2], "223456789012345678": {"players": {"a": {}}}}"#
        try folder.write(Array(text.utf8), to: "playerData.json")
        let snapshot = try await snapshots.snapshot()
        await #expect(throws: PlayerDataError.guildNotFound("323456789012345678")) {
            try await snapshot.serverExport(guildID: "323456789012345678", date: Self.date, kind: .manual)
        }
        await #expect(throws: PlayerDataError.notAGuild("/* Server ID */")) {
            try await snapshot.serverExport(guildID: "/* Server ID */", date: Self.date, kind: .manual)
        }
        await #expect(throws: PlayerDataError.guildDataNotAnObject(guildID: "123456789012345678", found: "an array")) {
            try await snapshot.serverExport(guildID: "123456789012345678", date: Self.date, kind: .manual)
        }
        let loaded = try await PlayerDataStore(directory: folder.path).load()
        #expect(throws: PlayerDataError.guildDataNotAnObject(guildID: "123456789012345678", found: "an array")) {
            try ExportBuilder.serverExport(of: loaded, guildID: "123456789012345678", date: Self.date, kind: .manual)
        }
        #expect(snapshot.playerCount == 1)

        // Rewritten, so a new file identity; a truncated file is the loader's invalidDataFile.
        try folder.write(Array(text.utf8.dropLast(3)), to: "playerData.json")
        do {
            _ = try await snapshots.snapshot()
            Issue.record("a truncated file was accepted")
        } catch {
            guard case .invalidDataFile(let reported, _) = error else {
                Issue.record("expected invalidDataFile, got \(error)")
                return
            }
            #expect(reported == path)
            #expect(error.description.contains("truncated"), "\(error)")
        }
    }
}
