import Foundation
import Testing
@testable import PlayerData
import CastBotTestSupport

@Suite(.timeLimit(.minutes(1))) struct ImportFixtureTests {
    static let guildID = "974318870057848842"
    static let date = Date(timeIntervalSince1970: 1_775_000_000.123)

    /// The real export's `data` value, located by hand rather than by the code under test.
    static func fixtureDataBytes() throws -> [UInt8] {
        let bytes = try Fixtures.bytes(Fixtures.serverExport)
        let marker = Array("\n  \"data\": ".utf8)
        let start = try #require(bytes.indices.first { bytes[$0...].starts(with: marker) }) + marker.count
        #expect(bytes.suffix(2) == [0x0A, UInt8(ascii: "}")])
        return Array(bytes[start..<(bytes.count - 2)])
    }

    @Test func importedGuildExportsBackUnchanged() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let original = try Fixtures.bytes(Fixtures.wholeFile)
        try folder.write(original, to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)

        let plan = try await store.planImport(try Fixtures.bytes(Fixtures.serverExport))
        #expect(plan.action == .replaceGuild)
        #expect(plan.guildID == Self.guildID)
        #expect(plan.guildName == "Servivorg S14 - FINAL FANTASY")
        #expect(plan.playersAfter == 119)
        #expect(plan.guildsBefore == 31 && plan.guildsAfter == 31)
        #expect(plan.bytesBefore == original.count)
        #expect(try folder.read("playerData.json") == original, "planning changes nothing")

        let result = try await store.apply(plan, date: Self.date)
        let saved = try await store.load()
        #expect(saved.bytes.count == plan.bytesAfter)
        #expect(result.save.backupPath == "\(folder.path)/playerData.json.backup")
        #expect(try folder.read("playerData.json.backup") == original)

        let export = try ExportBuilder.serverExport(of: saved, guildID: Self.guildID, date: Self.date, kind: .manual)
        let exported = try PlayerDataFile(bytes: export.bytes)
        #expect(Array(try #require(exported.guild("data"))) == (try Self.fixtureDataBytes()))
        #expect(Array(try #require(saved.guild(Self.guildID))) == (try Self.fixtureDataBytes()))
    }

    @Test func replacingAGuildKeepsEveryOtherByte() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let original = try Fixtures.bytes(Fixtures.wholeFile)
        try folder.write(original, to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)
        let before = try PlayerDataFile(bytes: original)
        let oldValue = try #require(before.guild(Self.guildID))

        _ = try await store.apply(try await store.planImport(try Fixtures.bytes(Fixtures.serverExport)), date: Self.date)
        let after = try folder.read("playerData.json")
        let newValue = try Self.fixtureDataBytes()
        #expect(Array(after[..<oldValue.startIndex]) == Array(original[..<oldValue.startIndex]))
        #expect(Array(after[(oldValue.startIndex + newValue.count)...]) == Array(original[oldValue.endIndex...]))
        #expect(try PlayerDataFile(bytes: after).guildIDs == before.guildIDs)
    }

    @Test func replacedGuildIsBackedUpAsAnImportableExport() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let original = try Fixtures.bytes(Fixtures.wholeFile)
        try folder.write(original, to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)

        let result = try await store.apply(try await store.planImport(try Fixtures.bytes(Fixtures.serverExport)), date: Self.date)
        let backupPath = try #require(result.backupPath)
        #expect(backupPath == "\(folder.path)/backups/guild-\(Self.guildID)-2026-03-31T23-33-20-123Z.json")
        let backup = try [UInt8](Data(contentsOf: URL(fileURLWithPath: backupPath)))
        let expected = try ExportBuilder.serverExport(
            of: try PlayerDataFile(bytes: original), guildID: Self.guildID, date: Self.date, kind: .manual)
        #expect(backup == expected.bytes)

        // Restoring the backup gives the original file back, byte for byte.
        _ = try await store.apply(try await store.planImport(backup), date: Self.date)
        #expect(try folder.read("playerData.json") == original)
        #expect(try folder.contents(of: "backups").count == 2, "a second backup never overwrites the first")
    }

    @Test func addingAGuildAppendsItAtTheEnd() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // The wiped file is the one fixture without this guild.
        let original = try Fixtures.bytes(Fixtures.wiped)
        try folder.write(original, to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)
        let plan = try await store.planImport(try Fixtures.bytes(Fixtures.serverExport))
        #expect(plan.action == .addGuild)
        #expect(plan.playersBefore == 0 && plan.playersAfter == 119)
        #expect(plan.guildsAfter == plan.guildsBefore + 1)

        let result = try await store.apply(plan, date: Self.date)
        #expect(result.backupPath == nil)
        let saved = try await store.load()
        #expect(saved.guildIDs.last == Self.guildID)
        #expect(saved.layoutMatchesStringify)
        #expect(saved.bytes.starts(with: original.dropLast(2)), "everything before the closing brace is kept")
        #expect(Array(try #require(saved.guild(Self.guildID))) == (try Self.fixtureDataBytes()))
    }

    @Test func importIntoAnEmptyFolderCreatesTheFile() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = PlayerDataStore(directory: folder.path)
        let result = try await store.apply(try await store.planImport(try Fixtures.bytes(Fixtures.serverExport)), date: Self.date)
        #expect(result.save.backupPath == nil)
        let saved = try await store.load()
        #expect(saved.guildIDs == [Self.guildID])
        #expect(saved.layoutMatchesStringify)
    }

    @Test func aDifferentGuildNeedsAnExplicitTarget() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let original = try Fixtures.bytes(Fixtures.wholeFile)
        try folder.write(original, to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)
        let other = "1127596863885934652"
        let export = try Fixtures.bytes(Fixtures.serverExport)

        await #expect(throws: PlayerDataError.guildMismatch(exportGuild: Self.guildID, target: other)) {
            try await store.planImport(export, targetGuild: other)
        }
        let plan = try await store.planImport(export, targetGuild: other, allowDifferentGuild: true)
        #expect(plan.guildID == other && plan.sourceGuildID == Self.guildID)
        #expect(plan.action == .replaceGuild)
        _ = try await store.apply(plan, date: Self.date)
        #expect(Array(try #require(try await store.load().guild(other))) == (try Self.fixtureDataBytes()))
    }

    @Test func oneGuildCanBeTakenFromAWholeFile() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(try Fixtures.bytes(Fixtures.devCrashRestore), to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)
        let whole = try Fixtures.bytes(Fixtures.wholeFile)
        let source = try PlayerDataFile(bytes: whole)
        let guild = "1127596863885934652"

        let plan = try await store.planImport(whole, targetGuild: guild)
        _ = try await store.apply(plan, date: Self.date)
        #expect(try await store.load().guild(guild) == source.guild(guild))
    }

    @Test func aPlanIsNotAppliedToAFileThatChanged() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(try Fixtures.bytes(Fixtures.wholeFile), to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)
        let plan = try await store.planImport(try Fixtures.bytes(Fixtures.serverExport))
        let changed = try Fixtures.bytes(Fixtures.devCrashRestore)
        try folder.write(changed, to: "playerData.json")

        await #expect(throws: PlayerDataError.dataFileChanged(path: "\(folder.path)/playerData.json")) {
            try await store.apply(plan, date: Self.date)
        }
        #expect(try folder.read("playerData.json") == changed)
        #expect(!folder.exists("backups"))
    }
}
