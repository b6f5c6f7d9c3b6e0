import Foundation
import Testing
@testable import PlayerData
import CastBotTestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `serve` per data folder: a second one is refused, says who holds the folder, and
/// changes nothing there.
@Suite(.timeLimit(.minutes(1))) struct DataFolderLockTests {
    /// Every file under the folder with its bytes, so "nothing changed" compares content, not just names.
    static func state(of folder: TemporaryDirectory) throws -> [String: [UInt8]] {
        var state: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: "\(folder.path)/\(name)", isDirectory: &isDirectory)
            state[name] = isDirectory.boolValue ? [] : try folder.read(name)
        }
        return state
    }

    @Test func aSecondAcquireIsRefusedAndChangesNothing() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(try Fixtures.bytes(Fixtures.wholeFile), to: "playerData.json")
        let first = try DataFolderLock.acquire(directory: folder.path)
        defer { first.release() }
        let recorded = String(decoding: try folder.read("castbot.lock"), as: UTF8.self)
        #expect(recorded.contains("pid \(getpid()) on host "))
        #expect(recorded.contains("started 20"))

        let before = try Self.state(of: folder)
        let listing = try folder.contents()
        do {
            _ = try DataFolderLock.acquire(directory: folder.path)
            Issue.record("a second lock on the folder was granted")
        } catch {
            guard case .dataFolderInUse(let directory, let lockPath, let holder) = error else {
                Issue.record("expected dataFolderInUse, got \(error)")
                return
            }
            #expect(directory == folder.path)
            #expect(lockPath == "\(folder.path)/castbot.lock")
            #expect(holder.contains("pid \(getpid())"))
            #expect(error.description.contains(folder.path))
            #expect(error.description.contains("already in use by another castbot process"))
        }
        #expect(try Self.state(of: folder) == before)
        #expect(try folder.contents() == listing)
    }

    @Test func aLockHeldByAnotherDescriptionIsRespectedAndItsRecordKept() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let record = Array("pid 1 on host box-a, started 2026-12-01T03:00:00.000Z\n".utf8)
        try folder.write(record, to: "castbot.lock")
        let holder = open("\(folder.path)/castbot.lock", O_RDWR | O_CLOEXEC)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        let before = try Self.state(of: folder)

        #expect(throws: PlayerDataError.dataFolderInUse(
            directory: folder.path, lockPath: "\(folder.path)/castbot.lock",
            holder: "held by pid 1 on host box-a, started 2026-12-01T03:00:00.000Z")
        ) {
            try DataFolderLock.acquire(directory: folder.path)
        }
        #expect(try Self.state(of: folder) == before)
    }

    @Test func aReleasedOrDeadHoldersLockIsTakenOver() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // A record left by a process that died: its lock went with it.
        try folder.write(Array("pid 1 on host gone, started 2020-01-01T00:00:00.000Z\n".utf8), to: "castbot.lock")
        let first = try DataFolderLock.acquire(directory: folder.path)
        #expect(String(decoding: try folder.read("castbot.lock"), as: UTF8.self).hasPrefix("pid \(getpid()) "))
        #expect(throws: PlayerDataError.self) { try DataFolderLock.acquire(directory: folder.path) }
        first.release()
        first.release()
        let second = try DataFolderLock.acquire(directory: folder.path)
        defer { second.release() }
        #expect(try folder.contents() == ["castbot.lock"])
    }

    @Test func aMissingFolderIsCreated() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let lock = try DataFolderLock.acquire(directory: "\(folder.path)/data")
        defer { lock.release() }
        #expect(try folder.contents(of: "data") == ["castbot.lock"])
    }
}
