import Foundation
import Testing
@testable import PlayerData
import CastBotTestSupport

/// A writer killed between creating its temporary file and renaming it leaves the file behind;
/// the next writer clears those of dead processes and nothing else.
@Suite(.timeLimit(.minutes(1))) struct StaleTemporaryTests {
    /// Above Linux's largest pid (2^22), so no process has it.
    static let deadPID = "999999999"

    @Test func theNextSaveClearsTemporariesOfDeadWritersOnly() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let original = try Fixtures.bytes(Fixtures.wholeFile)
        try folder.write(original, to: "playerData.json")
        try FileManager.default.createDirectory(atPath: "\(folder.path)/backups", withIntermediateDirectories: true)
        let stale = [
            ".playerData.json.tmp-\(Self.deadPID)-12345",
            ".playerData.json.backup.tmp-\(Self.deadPID)-1",
            "backups/.guild-974318870057848842-2026-11-29T22-04-25-554Z.json.tmp-\(Self.deadPID)-42",
        ]
        let kept = [
            ".playerData.json.tmp-\(getpid())-7",  // a live process's write in progress
            "notes.tmp-\(Self.deadPID)-1",  // not a name the store makes
            ".playerData.json.tmp-\(Self.deadPID)-x",
        ]
        for name in stale + kept { try folder.write([1, 2, 3], to: name) }

        let outcome = try await PlayerDataStore(directory: folder.path).save(original)
        guard case .saved = outcome else {
            Issue.record("the save was refused: \(outcome)")
            return
        }
        for name in stale { #expect(!folder.exists(name), "\(name) should be gone") }
        for name in kept { #expect(folder.exists(name), "\(name) should stay") }
        #expect(try folder.read("playerData.json") == original)
    }

    @Test(arguments: [
        (".playerData.json.tmp-123-456", Int32(123)),
        (".a.tmp-1.tmp-77-0", 77),
        ("playerData.json.tmp-123-456", nil),
        (".playerData.json.tmp-123", nil),
        (".playerData.json.tmp--5-1", nil),
        (".playerData.json.tmp-0-1", nil),
        (".playerData.json", nil),
    ] as [(String, Int32?)])
    func onlyTheStoresOwnNamesAreRecognised(name: String, pid: Int32?) {
        #expect(DurableFile.writerProcess(ofTemporary: name) == pid)
    }
}
