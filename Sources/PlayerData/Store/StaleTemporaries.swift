import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DurableFile {
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
