import ExportFormat
import Foundation
import Testing
@testable import PlayerData
import CastBotTestSupport

/// Exports of the real CastBot files against what CastBot's JavaScript produces
/// (Expected/ is written by scripts/generate-expected-exports.mjs).
@Suite(.timeLimit(.minutes(1))) struct ExportFixtureTests {
    /// The fixed exportDate the generator uses: 2026-01-02T03:04:05.678Z.
    static let exportDate = Date(timeIntervalSince1970: 1_767_323_045.678)

    @Test func allExportIsTheFileUnchanged() throws {
        let bytes = try Fixtures.bytes(Fixtures.wholeFile)
        let file = try PlayerDataFile(bytes: bytes)
        let artifact = ExportBuilder.allExport(of: file, date: Self.exportDate, kind: .scheduled)
        #expect(artifact.bytes == bytes)
        #expect(artifact.filename == "playerdata-scheduled-ALL-2026-01-02T03-04-05-678Z.json")
        #expect(artifact.guildCount == 31)
        #expect(artifact.playerCount == 233)
        #expect(artifact.sha256 == SHA256Hex.digest(bytes))
        #expect(ExportBuilder.allExport(of: file, date: Self.exportDate, kind: .manual).filename
            == "playerdata-FULL-export-2026-01-02T03-04-05-678Z.json")
    }

    @Test func verifyReportsTheRealServerExportWithoutWarnings() throws {
        let report = try VerifyReport(bytes: try Fixtures.bytes(Fixtures.serverExport))
        #expect(report.kind == .serverExport(guildID: Fixtures.exportGuildID))
        #expect(report.warnings.isEmpty, "an export's envelope keys are not guilds: \(report.warnings)")
        #expect(!report.description.contains("warning"))
    }

    @Test func verifyStillWarnsOfAGuildThatIsNotAnObject() throws {
        let report = try VerifyReport(bytes: Array(#"{"123456789012345678": "oops", "environmentConfig": {}}"#.utf8))
        #expect(report.kind == .dataFile)
        #expect(report.warnings == [#"guild "123456789012345678" holds a string, not an object; it cannot be exported"#])
    }

    @Test(arguments: [Fixtures.wholeFile, Fixtures.devCrashRestore])
    func everyServerExportMatchesJavaScript(fixture: String) throws {
        let file = try PlayerDataFile(bytes: try Fixtures.bytes(fixture))
        let expected = try Self.expectedExports(for: fixture)
        #expect(file.guildIDs == expected.map(\.guildID))
        for (guildID, expectedBytes) in expected {
            let artifact = try ExportBuilder.serverExport(of: file, guildID: guildID, date: Self.exportDate, kind: .manual)
            #expect(artifact.bytes == expectedBytes, "guild \(guildID)")
            #expect(artifact.filename == "playerdata-export-\(guildID)-2026-01-02T03-04-05-678Z.json")
            #expect(artifact.guildCount == 1)
        }
    }

    @Test(arguments: [Fixtures.wholeFile, Fixtures.devCrashRestore])
    func minifiedFileIsReindentedLikeJavaScript(fixture: String) throws {
        let file = try PlayerDataFile(bytes: minified(try Fixtures.bytes(fixture)))
        #expect(!file.layoutMatchesStringify)
        for (guildID, expectedBytes) in try Self.expectedExports(for: fixture) {
            let artifact = try ExportBuilder.serverExport(of: file, guildID: guildID, date: Self.exportDate, kind: .scheduled)
            #expect(artifact.bytes == expectedBytes, "guild \(guildID)")
            #expect(artifact.filename.hasPrefix("playerdata-scheduled-\(guildID)-"))
        }
    }

    @Test func countsMatchTheFixture() throws {
        let file = try PlayerDataFile(bytes: try Fixtures.bytes(Fixtures.wholeFile))
        #expect(file.layoutMatchesStringify)
        #expect(file.keys.prefix(2) == ["/* Server ID */", "environmentConfig"])
        #expect(file.guildCount == 31)
        #expect(file.playerCount == 233)
        #expect(file.duplicateKeys.isEmpty)
        #expect(file.serverName(of: "1127596863885934652") == "LOSTVivor")
        #expect(file.playerCount(of: "environmentConfig") == 0)
        #expect(file.guild("/* Server ID */") == ArraySlice(Array("null")))
        #expect(file.guild("0000") == nil)
    }

    @Test func serverExportRefusesWhatIsNotAGuild() throws {
        let file = try PlayerDataFile(bytes: try Fixtures.bytes(Fixtures.wholeFile))
        #expect(throws: PlayerDataError.guildNotFound("123456789012345678")) {
            try ExportBuilder.serverExport(of: file, guildID: "123456789012345678", date: Self.exportDate, kind: .manual)
        }
        #expect(throws: PlayerDataError.notAGuild("environmentConfig")) {
            try ExportBuilder.serverExport(of: file, guildID: "environmentConfig", date: Self.exportDate, kind: .manual)
        }
    }

    static func expectedExports(for fixture: String) throws -> [(guildID: String, bytes: [UInt8])] {
        let folder = ExpectedExports.directory.appendingPathComponent(String(fixture.dropLast(".json".count)))
        let list = try String(contentsOf: folder.appendingPathComponent("guilds.txt"), encoding: .utf8)
        return try list.split(separator: "\n").map { id in
            (String(id), try [UInt8](Data(contentsOf: folder.appendingPathComponent("\(id).json"))))
        }
    }
}
