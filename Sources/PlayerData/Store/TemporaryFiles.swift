import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files: how writers make them (named after the file they replace, locked while in
/// use) and how the next writer clears the ones killed writers left behind.
extension DurableFile {
    static func temporaryPath(for path: String) -> String {
        let directory = directoryName(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return "\(directory)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Creates a new temporary file beside `path`, open for writing and holding an exclusive
    /// `flock` for as long as the descriptor is open: the lock, not the pid in the name, tells
    /// `removeStaleTemporaries` that a live writer uses it. The caller closes the descriptor.
    static func createTemporary(for path: String, mode: mode_t) throws(PlayerDataError) -> (fd: Int32, path: String) {
        for _ in 0..<temporaryAttempts {
            let temporary = temporaryPath(for: path)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            guard fd >= 0 else { throw fail("create", temporary) }
            if lockTemporary(fd, at: temporary) { return (fd, temporary) }
            close(fd)
            unlink(temporary)
        }
        throw .fileSystem(operation: "create a temporary file for", path: path, errno: EAGAIN)
    }

    /// How many fresh names a writer tries when cleanup removed its temporary before it was locked.
    static let temporaryAttempts = 8

    /// Locks a just-created temporary and confirms it still has its name. Between creating and
    /// locking, a cleanup in another process may have found it unlocked and removed it; then
    /// the caller starts over with a new name. The wait is at most a cleanup's unlink.
    static func lockTemporary(_ fd: Int32, at path: String) -> Bool {
        // A file system without flock fails here and in cleanup alike, so the write goes on
        // unlocked and cleanup, unable to lock, keeps every temporary: the safe side.
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        var named = stat()
        var opened = stat()
        return stat(path, &named) == 0 && fstat(fd, &opened) == 0
            && named.st_dev == opened.st_dev && named.st_ino == opened.st_ino
    }

    /// Removes the temporary files (`.<name>.tmp-<pid>-<n>`) that writers killed between creating
    /// and renaming them left in `directory`. Returns how many went.
    ///
    /// A temporary is stale when its `flock` can be taken: every writer holds that lock while the
    /// temporary exists (`createTemporary`), and the kernel drops the locks of a process that
    /// died. The pid in the name is not consulted: in a container castbot is pid 1 on every
    /// start, so a killed run's temporaries would carry a "live" pid forever.
    @discardableResult
    static func removeStaleTemporaries(in directory: String) -> Int {
        guard let stream = opendir(directory) else { return 0 }
        var candidates: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if writerProcess(ofTemporary: name) != nil {
                candidates.append(name)
            }
        }
        closedir(stream)
        return candidates.filter { removeIfUnlocked("\(directory)/\($0)") }.count
    }

    /// Unlinks `path` while holding its lock, so a live writer (which holds it) is never robbed,
    /// and a writer that creates a temporary and locks it a moment later finds it gone and starts
    /// over (see `lockTemporary`).
    private static func removeIfUnlocked(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        return unlink(path) == 0
    }

    /// The process id in a name made by `temporaryPath(for:)`, or nil for any other name. Only
    /// recognises the store's names; whether the writer lives is the lock's to say.
    static func writerProcess(ofTemporary name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, UInt32(parts[1]) != nil, let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return pid
    }
}
