import Foundation
import Testing
@testable import PlayerData
import CastBotTestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One scan per state of the file, shared by every caller; a snapshot keeps answering for the
/// file it validated, and notices when that file is rewritten under it.
@Suite(.timeLimit(.minutes(1))) struct SnapshotSharingTests {
    static let date = Date(timeIntervalSince1970: 1_767_323_045.678)
    static let guildID = Fixtures.guildID

    @Test func callersShareOneScanWhileTheFileIsUnchanged() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(try Fixtures.bytes(Fixtures.wholeFile), to: "playerData.json")
        let snapshots = PlayerDataSnapshots(path: "\(folder.path)/playerData.json")
        let first = try await snapshots.snapshot()
        let second = try await snapshots.snapshot()
        #expect(first === second)
        #expect(await snapshots.scanCount == 1)
    }

    @Test func concurrentCallersAfterAChangeWaitForOneScan() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(try Fixtures.bytes(Fixtures.devCrashRestore), to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)
        let snapshots = PlayerDataSnapshots(store: store)
        let before = try await snapshots.snapshot()
        _ = try await store.save(try Fixtures.bytes(Fixtures.wholeFile))

        let seen = try await withThrowingTaskGroup(of: ObjectIdentifier.self) { group in
            for _ in 0..<64 {
                group.addTask { ObjectIdentifier(try await snapshots.snapshot()) }
            }
            return try await group.reduce(into: Set<ObjectIdentifier>()) { $0.insert($1) }
        }
        #expect(seen.count == 1, "every caller got the same snapshot")
        #expect(!seen.contains(ObjectIdentifier(before)))
        #expect(await snapshots.scanCount == 2, "one scan for the old file, one for the new")
    }

    @Test func aSnapshotKeepsReadingTheFileItValidatedAfterARename() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let old = try PlayerDataFile(bytes: try Fixtures.bytes(Fixtures.devCrashRestore))
        let new = try PlayerDataFile(bytes: try Fixtures.bytes(Fixtures.wholeFile))
        try folder.write(old.bytes, to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path)
        let snapshots = PlayerDataSnapshots(store: store)
        let before = try await snapshots.snapshot()
        _ = try await store.save(new)

        let oldExport = try ExportBuilder.serverExport(of: old, guildID: Self.guildID, date: Self.date, kind: .manual)
        let newExport = try ExportBuilder.serverExport(of: new, guildID: Self.guildID, date: Self.date, kind: .manual)
        #expect(oldExport.bytes != newExport.bytes, "the guild differs between the two files")
        let fromBefore = try await before.serverExport(guildID: Self.guildID, date: Self.date, kind: .manual)
        #expect(fromBefore.bytes == oldExport.bytes)
        #expect(try await before.allExport(date: Self.date, kind: .manual).bytes == old.bytes)
        let fromNow = try await snapshots.serverExport(guildID: Self.guildID, date: Self.date, kind: .manual)
        #expect(fromNow.bytes == newExport.bytes)
    }

    @Test(arguments: [true, false])
    func aRewriteInPlaceIsDetected(changingSize: Bool) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let bytes = try Fixtures.bytes(Fixtures.wholeFile)
        try folder.write(bytes, to: "playerData.json")
        let path = "\(folder.path)/playerData.json"
        let snapshots = PlayerDataSnapshots(path: path)
        let snapshot = try await snapshots.snapshot()

        // The same inode written in place. Either way the guild's bytes still parse, so only the
        // file's identity can tell: a longer file, or the same bytes with another mtime.
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        #expect(fd >= 0)
        defer { close(fd) }
        let tail: [UInt8] = changingSize ? Array("\n".utf8) : [bytes[bytes.count - 1]]
        let offset = changingSize ? bytes.count : bytes.count - 1
        #expect(tail.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(offset)) } == tail.count)
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 123), timespec(tv_sec: 1_000_000_000, tv_nsec: 123)]
        #expect(futimens(fd, &times) == 0)

        await #expect(throws: PlayerDataError.dataFileChanged(path: path)) {
            try await snapshot.serverExport(guildID: Self.guildID, date: Self.date, kind: .manual)
        }
        await #expect(throws: PlayerDataError.dataFileChanged(path: path)) {
            try await snapshot.allExport(date: Self.date, kind: .manual)
        }
        let rescanned = try await snapshots.snapshot()
        #expect(rescanned !== snapshot)
        #expect(await snapshots.scanCount == 2)
        #expect(rescanned.byteCount == bytes.count + (changingSize ? 1 : 0))
        _ = try await rescanned.serverExport(guildID: Self.guildID, date: Self.date, kind: .manual)
    }

    @Test func anInvalidFileIsScannedOnceUntilItChanges() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(Array(#"{"1": {"players": "#.utf8), to: "playerData.json")
        let snapshots = PlayerDataSnapshots(path: "\(folder.path)/playerData.json")
        for _ in 0..<3 {
            do {
                _ = try await snapshots.snapshot()
                Issue.record("an invalid file was accepted")
            } catch {
                guard case .invalidDataFile = error else {
                    Issue.record("expected invalidDataFile, got \(error)")
                    continue
                }
            }
        }
        #expect(await snapshots.scanCount == 1)
        try folder.write(try Fixtures.bytes(Fixtures.wholeFile), to: "playerData.json")
        #expect(try await snapshots.snapshot().guildCount == 31)
        #expect(await snapshots.scanCount == 2)
    }

    @Test func aRemovedFileIsMissing() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(try Fixtures.bytes(Fixtures.wholeFile), to: "playerData.json")
        let path = "\(folder.path)/playerData.json"
        let snapshots = PlayerDataSnapshots(path: path)
        let held = try await snapshots.snapshot()
        #expect(unlink(path) == 0)
        await #expect(throws: PlayerDataError.dataFileMissing(path: path)) { try await snapshots.snapshot() }
        // A run that already holds the snapshot finishes with the file it validated.
        #expect(try await held.allExport(date: Self.date, kind: .manual).bytes == (try Fixtures.bytes(Fixtures.wholeFile)))
    }
}
