import Foundation
import Testing
@testable import PlayerData
import CastBotTestSupport

/// Every failed save or import leaves the data folder exactly as it was.
@Suite(.timeLimit(.minutes(1))) struct FailureLeavesFilesUnchangedTests {
    static let date = Date(timeIntervalSince1970: 1_775_000_000)

    static let badImports: [(name: String, bytes: [UInt8], fragment: String)] = [
        ("truncated", Array("{\"exportVersion\": \"1.0\", \"data\": {".utf8), "truncated"),
        ("not JSON", Array("exportVersion=1.0".utf8), "line 1, column 1"),
        ("wrong version", Array(#"{"exportVersion":"2.0","dataType":"playerData","guildId":"974318870057848842","data":{}}"#.utf8), "only \"1.0\""),
        ("wrong type", Array(#"{"exportVersion":"1.0","dataType":"safariData","guildId":"974318870057848842","data":{}}"#.utf8), "dataType"),
        ("bad guild id", Array(#"{"exportVersion":"1.0","dataType":"playerData","guildId":"12345","data":{}}"#.utf8), "17 to 20 digits"),
        ("numeric guild id", Array(#"{"exportVersion":"1.0","dataType":"playerData","guildId":974318870057848842,"data":{}}"#.utf8), "17 to 20 digits"),
        ("data not object", Array(#"{"exportVersion":"1.0","dataType":"playerData","guildId":"974318870057848842","data":[]}"#.utf8), "data is an array"),
        ("no data", Array(#"{"exportVersion":"1.0","dataType":"playerData","guildId":"974318870057848842"}"#.utf8), "data is missing"),
        ("deep", Array(("{\"exportVersion\":\"1.0\",\"data\":" + String(repeating: "[", count: 100_000)).utf8), "nested more than 512"),
    ]

    @Test func badImportsChangeNothing() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let original = try Fixtures.bytes(Fixtures.wholeFile)
        try folder.write(original, to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)
        for bad in Self.badImports {
            do {
                let plan = try await store.planImport(bad.bytes)
                Issue.record("\(bad.name) was accepted: \(plan)")
            } catch {
                #expect(error.description.contains(bad.fragment), "\(bad.name): \(error)")
            }
        }
        #expect(try folder.read("playerData.json") == original)
        #expect(try folder.contents() == ["playerData.json"])
    }

    @Test func invalidSavesChangeNothing() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let original = try Fixtures.bytes(Fixtures.wholeFile)
        try folder.write(original, to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)
        let truncated = Array(original.prefix(original.count / 2))
        for bad in [truncated, Array("[]".utf8), Array("{\"a\": NaN}".utf8), []] {
            await #expect(throws: PlayerDataError.self) { try await store.save(bad, force: true) }
        }
        #expect(try folder.read("playerData.json") == original)
        #expect(try folder.contents() == ["playerData.json"])
    }

    @Test func aGuardedImportChangesNothing() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let original = try Fixtures.bytes(Fixtures.wholeFile)
        try folder.write(original, to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)
        // Importing the wiped file as a whole file would drop 14 guilds.
        let plan = try await store.planImport(try Fixtures.bytes(Fixtures.wiped))
        #expect(plan.action == .replaceFile)
        #expect(plan.guildsBefore == 31 && plan.guildsAfter == 17)
        await #expect {
            try await store.apply(plan, date: Self.date)
        } throws: { error in
            guard case PlayerDataError.saveRejected(let rejection) = error else { return false }
            return rejection.rejectedPath.hasSuffix("playerData.json.REJECTED")
        }
        #expect(try folder.read("playerData.json") == original)
        #expect(!folder.exists("backups"), "a refused import writes no backup")
        #expect(!folder.exists("playerData.json.backup"))
    }

    @Test func aMissingDataFileIsReported() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = PlayerDataStore(directory: folder.path)
        await #expect(throws: PlayerDataError.dataFileMissing(path: "\(folder.path)/playerData.json")) {
            try await store.load()
        }
        #expect(try await store.loadIfPresent() == nil)
    }

    @Test func anInvalidDataFileIsReportedWithItsPosition() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(Array("{\n  \"1\": {\n    'x': 1\n  }\n}".utf8), to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)
        do {
            _ = try await store.load()
            Issue.record("an invalid file loaded")
        } catch {
            #expect(error.position?.line == 3)
            #expect(error.position?.column == 5)
            #expect(error.description.contains("single quote"))
        }
    }
}
