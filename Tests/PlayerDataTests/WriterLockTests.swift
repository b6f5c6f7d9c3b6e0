import Dispatch
import Foundation
import Testing
@testable import PlayerData
import CastBotTestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A writer lock held elsewhere makes a write wait a bounded time and then fail clearly; the
/// store's blocking work never runs on the cooperative pool.
@Suite(.timeLimit(.minutes(1))) struct WriterLockTests {
    /// Takes `LOCK_EX` on `path` through a new open file description, as another process would.
    static func holdLock(_ path: String) -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else { return -1 }
        return fd
    }

    @Test func separateOpenFileDescriptionsConflictWithinOneProcess() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let holder = Self.holdLock("\(folder.path)/lock")
        #expect(holder >= 0)
        defer { close(holder) }
        let other = open("\(folder.path)/lock", O_RDWR | O_CLOEXEC)
        defer { close(other) }
        #expect(flock(other, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
    }

    @Test func aHeldLockFailsTheSaveAfterTheBoundAndChangesNothing() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let original = try Fixtures.bytes(Fixtures.devCrashRestore)
        try folder.write(original, to: "playerData.json")
        let store = PlayerDataStore(directory: folder.path, lockWait: .milliseconds(30))
        let holder = Self.holdLock(store.lockPath)
        #expect(holder >= 0)
        let listing = try folder.contents()

        let proposed = try Fixtures.bytes(Fixtures.wholeFile)
        let started = ContinuousClock.now
        do {
            _ = try await store.save(proposed)
            Issue.record("the save went through a held lock")
        } catch {
            guard case .dataFileBusy(let lockPath, let waited) = error else {
                Issue.record("expected dataFileBusy, got \(error)")
                close(holder)
                return
            }
            #expect(lockPath == store.lockPath)
            #expect(waited >= 30)
            #expect(error.description.contains("being written by another process"))
            #expect(error.description.contains(store.lockPath))
            #expect(error.description.contains("try again"))
        }
        #expect(ContinuousClock.now - started >= .milliseconds(30))
        #expect(try folder.read("playerData.json") == original)
        #expect(try folder.contents() == listing)

        close(holder)
        guard case .saved = try await store.save(try Fixtures.bytes(Fixtures.wholeFile)) else {
            Issue.record("the save was refused once the lock was free")
            return
        }
        #expect(try folder.read("playerData.json") == (try Fixtures.bytes(Fixtures.wholeFile)))
    }

    @Test func aLockReleasedWithinTheBoundIsTaken() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = PlayerDataStore(directory: folder.path, lockWait: .seconds(20))
        let holder = Self.holdLock(store.lockPath)
        #expect(holder >= 0)
        // The retry's own short waits are the point here; the holder lets go after one of them.
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) { close(holder) }
        guard case .saved = try await store.save(try Fixtures.bytes(Fixtures.wholeFile)) else {
            Issue.record("the save was refused")
            return
        }
        #expect(try folder.read("playerData.json") == (try Fixtures.bytes(Fixtures.wholeFile)))
    }

    @Test func blockingWorkRunsOnItsOwnThreads() async throws {
        #expect(!BlockingIO.isCurrentThreadBlockingIO, "the test itself runs on the cooperative pool")
        #expect(await BlockingIO.run { BlockingIO.isCurrentThreadBlockingIO })
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        #expect(await PlayerDataStore(directory: folder.path).isRunningOnBlockingThread())
        #expect(await PlayerDataSnapshots(path: "\(folder.path)/playerData.json").isRunningOnBlockingThread())
    }
}

extension PlayerDataStore {
    /// Runs on the actor's executor, like every store method.
    func isRunningOnBlockingThread() -> Bool { BlockingIO.isCurrentThreadBlockingIO }
}

extension PlayerDataSnapshots {
    func isRunningOnBlockingThread() -> Bool { BlockingIO.isCurrentThreadBlockingIO }
}
