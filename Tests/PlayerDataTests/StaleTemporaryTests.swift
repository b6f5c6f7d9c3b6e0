import Foundation
import Testing
@testable import PlayerData
import CastBotTestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A writer killed between creating its temporary file and renaming it leaves the file behind;
/// the next writer clears those nobody holds locked, whatever pid their name carries, and nothing else.
@Suite(.timeLimit(.minutes(1))) struct StaleTemporaryTests {
    /// Above Linux's largest pid (2^22), so no process has it.
    static let deadPID = "999999999"

    @Test func theNextSaveClearsUnlockedTemporariesOnly() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let original = try Fixtures.bytes(Fixtures.wholeFile)
        try folder.write(original, to: "playerData.json")
        try FileManager.default.createDirectory(atPath: "\(folder.path)/backups", withIntermediateDirectories: true)
        let stale = [
            ".playerData.json.tmp-\(Self.deadPID)-12345",
            ".playerData.json.backup.tmp-\(Self.deadPID)-1",
            "backups/.guild-974318870057848842-2026-11-29T22-04-25-554Z.json.tmp-\(Self.deadPID)-42",
            // Our own (live) pid, as pid 1 is in a container on every start, but nobody's lock.
            ".playerData.json.tmp-\(getpid())-7",
            ".playerData.json.tmp-1-8",
        ]
        let live = ".playerData.json.tmp-\(Self.deadPID)-99"  // a write in progress: locked
        let kept = [
            live,
            "notes.tmp-\(Self.deadPID)-1",  // not a name the store makes
            ".playerData.json.tmp-\(Self.deadPID)-x",
        ]
        for name in stale + kept { try folder.write([1, 2, 3], to: name) }
        let writer = open("\(folder.path)/\(live)", O_WRONLY | O_CLOEXEC)
        defer { close(writer) }
        #expect(flock(writer, LOCK_EX | LOCK_NB) == 0)

        let outcome = try await PlayerDataStore(directory: folder.path).save(original)
        guard case .saved = outcome else {
            Issue.record("the save was refused: \(outcome)")
            return
        }
        for name in stale { #expect(!folder.exists(name), "\(name) should be gone") }
        for name in kept { #expect(folder.exists(name), "\(name) should stay") }
        #expect(try folder.read(live) == [1, 2, 3])
        #expect(try folder.read("playerData.json") == original)
    }

    @Test func aWritersTemporaryIsLockedUntilItIsClosed() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let (fd, temporary) = try DurableFile.createTemporary(for: "\(folder.path)/playerData.json", mode: 0o644)
        #expect(DurableFile.removeStaleTemporaries(in: folder.path) == 0)
        #expect(FileManager.default.fileExists(atPath: temporary))
        close(fd)
        #expect(DurableFile.removeStaleTemporaries(in: folder.path) == 1)
        #expect(try folder.contents() == [])
    }

    @Test func aWriterWhoseTemporaryWasClearedBeforeItLockedStartsOver() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = "\(folder.path)/.playerData.json.tmp-1-2"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        defer { close(fd) }
        #expect(fd >= 0)
        // Still named: the writer keeps it, locked.
        #expect(DurableFile.lockTemporary(fd, at: path))
        #expect(DurableFile.removeStaleTemporaries(in: folder.path) == 0)
        // A cleanup that found it unlocked and removed it first: the writer must not use it.
        #expect(unlink(path) == 0)
        #expect(!DurableFile.lockTemporary(fd, at: path))
    }

    @Test func writesLeaveNoTemporaries() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try DurableFile.writeAtomically([1, 2, 3], to: "\(folder.path)/a.json")
        try DurableFile.snapshot("\(folder.path)/a.json", to: "\(folder.path)/a.json.backup")
        #expect(try folder.contents() == ["a.json", "a.json.backup"])
        #expect(try folder.read("a.json.backup") == [1, 2, 3])
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
