import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes one `castbot serve` the only user of its data folder: two bots on one folder would
/// both run every schedule and race each other's writes.
///
/// The lock is an `flock` on `<folder>/castbot.lock`, held for as long as this object lives (the
/// kernel drops it if the process dies, so a crash never leaves the folder locked). The holder
/// writes its pid, host and start time into the file, only so that a refused second process can
/// say who is in the way. A refused process changes nothing: it opens the existing file without
/// truncating or creating it, and writes nothing.
package final class DataFolderLock: Sendable {
    package static let fileName = "castbot.lock"

    package let directory: String
    package let path: String
    /// The locked descriptor, or -1 once released.
    private let descriptor: Atomic<Int32>

    private init(directory: String, path: String, fd: Int32) {
        self.directory = directory
        self.path = path
        self.descriptor = Atomic(fd)
    }

    deinit {
        release()
    }

    /// Takes the folder's lock or throws `.dataFolderInUse` naming the process that holds it.
    /// Creates the folder (and the lock file) when they do not exist yet.
    package static func acquire(directory: String, startedAt: Date = Date()) throws(PlayerDataError) -> DataFolderLock {
        let path = "\(directory)/\(fileName)"
        if !DurableFile.exists(directory) { try DurableFile.makeDirectories(directory) }
        let fd = try openWithoutChanging(path)
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = code == EWOULDBLOCK ? describeHolder(fd) : ""
            close(fd)
            guard code == EWOULDBLOCK else { throw .fileSystem(operation: "lock", path: path, errno: code) }
            throw .dataFolderInUse(directory: directory, lockPath: path, holder: holder)
        }
        let lock = DataFolderLock(directory: directory, path: path, fd: fd)
        try lock.record(startedAt: startedAt)
        return lock
    }

    /// Gives the folder up (closing the descriptor drops the lock). The file stays: removing it
    /// could let a process that just opened it lock a name nobody else sees any more.
    package func release() {
        let fd = descriptor.exchange(-1, ordering: .acquiringAndReleasing)
        if fd >= 0 { close(fd) }
    }

    /// Opens the lock file as it is, creating it only when it does not exist (`O_EXCL`, so two
    /// starting processes cannot both believe they created it; the loser opens the winner's).
    private static func openWithoutChanging(_ path: String) throws(PlayerDataError) -> Int32 {
        while true {
            let fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
            if fd >= 0 { return fd }
            guard errno == ENOENT else { throw .fileSystem(operation: "open", path: path, errno: errno) }
            let created = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if created >= 0 { return created }
            guard errno == EEXIST else { throw .fileSystem(operation: "create", path: path, errno: errno) }
        }
    }

    /// Replaces the file's content with who holds the lock now. Only ever called with the lock held.
    private func record(startedAt: Date) throws(PlayerDataError) {
        let fd = descriptor.load(ordering: .acquiring)
        let text = "pid \(getpid()) on host \(Self.hostName()), started \(Timestamp.iso8601(startedAt))\n"
        guard ftruncate(fd, 0) == 0 else { throw .fileSystem(operation: "truncate", path: path, errno: errno) }
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw .fileSystem(operation: "seek", path: path, errno: errno) }
        try DurableFile.writeAll(Array(text.utf8), to: fd, path: path)
    }

    /// What the holder wrote about itself (its first line, at most 512 bytes), read without moving
    /// anything: a holder that has not written yet, or wrote something odd, is described as such.
    private static func describeHolder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return "the holder has not recorded its pid yet" }
        let line = buffer[0..<count].prefix { $0 != UInt8(ascii: "\n") }
        let text = String(decoding: line, as: UTF8.self).filter { !$0.isNewline }
        return text.isEmpty ? "the holder has not recorded its pid yet" : "held by \(text)"
    }

    private static func hostName() -> String {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "unknown" }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
