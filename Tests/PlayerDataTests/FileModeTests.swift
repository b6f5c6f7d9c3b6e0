import CastBotTestSupport
import Foundation
import Testing
@testable import PlayerData

/// What docs/OPERATIONS.md (*The data folder*) says about file modes: files holding player data
/// are created readable by their owner only (0600, narrowed further by the umask), a save keeps
/// the mode of the file it replaces, and the lock files follow the umask.
@Suite("File modes of the data folder and of exports", .timeLimit(.minutes(1)))
struct FileModeTests {
    @Test("a new data file, a refused save's .REJECTED and the .backup are owner-only; the folder and the lock file follow the umask")
    func dataFolder() async throws {
        let umask = try FileModes.currentUmask()
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = PlayerDataStore(directory: folder.path + "/data")
        _ = try await store.save(try Fixtures.bytes(Fixtures.wholeFile))
        #expect(try FileModes.mode(store.directory) == 0o755 & ~umask)
        #expect(try FileModes.mode(store.dataPath) == 0o600 & ~umask)
        #expect(try FileModes.mode("\(store.directory)/.playerData.json.lock") == 0o644 & ~umask)

        _ = try await store.save(try Fixtures.bytes(Fixtures.wiped))
        #expect(folder.exists("data/playerData.json.REJECTED"))
        #expect(try FileModes.mode(store.rejectedPath) == 0o600 & ~umask)

        _ = try await store.save(try Fixtures.bytes(Fixtures.wiped), force: true)
        #expect(try FileModes.mode(store.backupPath) == 0o600 & ~umask)
        #expect(try FileModes.mode(store.dataPath) == 0o600 & ~umask)
    }

    @Test("a save keeps the mode the operator gave the data file")
    func replacedFileKeepsItsMode() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(try Fixtures.bytes(Fixtures.wholeFile), to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)
        #expect(chmod(store.dataPath, 0o640) == 0)
        _ = try await store.save(try Fixtures.bytes(Fixtures.wholeFile) + Array("\n".utf8), force: true)
        #expect(try FileModes.mode(store.dataPath) == 0o640)
    }

    @Test("exports written to new files are owner-only: the whole-file export, a copy, and a file that must be new")
    func exports() throws {
        let umask = try FileModes.currentUmask()
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(try Fixtures.bytes(Fixtures.wholeFile), to: "playerData.json")
        _ = try DataFileExporter.writeAllExport(
            dataFileAt: "\(folder.path)/playerData.json", to: "\(folder.path)/all.json", date: Date(), kind: .manual)
        #expect(try FileModes.mode("\(folder.path)/all.json") == 0o600 & ~umask)
        try DurableFile.writeCopy(Array("{}".utf8), to: "\(folder.path)/copy.json")
        #expect(try FileModes.mode("\(folder.path)/copy.json") == 0o600 & ~umask)
        #expect(try DurableFile.writeNew(Array("{}".utf8), to: "\(folder.path)/new.json"))
        #expect(try FileModes.mode("\(folder.path)/new.json") == 0o600 & ~umask)
    }

    @Test("writeNew never replaces an existing file and leaves no temporary behind")
    func writeNewRefusesExisting() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(Array("old".utf8), to: "export.json")
        #expect(try DurableFile.writeNew(Array("new".utf8), to: "\(folder.path)/export.json") == false)
        #expect(try folder.read("export.json") == Array("old".utf8))
        #expect(try folder.contents() == ["export.json"])
    }
}
