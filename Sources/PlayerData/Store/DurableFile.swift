#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// POSIX file operations with the durability the data file needs: every replacement is a temp
/// file in the same folder, written, fsynced, renamed into place, and the folder fsynced, so a
/// crash leaves either the old or the new content, never a mix.
package enum DurableFile {
    /// The whole file in one buffer (one read call for a regular file).
    package static func contents(of path: String) throws(PlayerDataError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw fail("open", path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw fail("stat", path) }
        let expected = max(Int(info.st_size), 0)
        var failure: PlayerDataError?
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            if let base = buffer.baseAddress { adviseHugePages(base, count: expected) }
            while initialized < expected, let base = buffer.baseAddress {
                let count = read(fd, base + initialized, expected - initialized)
                if count > 0 {
                    initialized += count
                } else if count == 0 {
                    break
                } else if errno != EINTR {
                    failure = fail("read", path)
                    break
                }
            }
        }
        if let failure { throw failure }
        // A file that grew while we read it: take the rest too rather than a torn prefix.
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return bytes
            } else if errno != EINTR {
                throw fail("read", path)
            }
        }
    }

    /// Asks the kernel to back a large read buffer with 2 MiB pages: reading a 100 MB file into
    /// fresh memory otherwise spends most of its time faulting in 25,000 small pages. Only a hint.
    private static func adviseHugePages(_ base: UnsafeMutablePointer<UInt8>, count: Int) {
        #if os(Linux)
        let hugePage = 2 << 20
        guard count >= 2 * hugePage else { return }
        let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
        let end = (Int(bitPattern: base) + count) & ~(hugePage - 1)
        if end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) {
            _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        }
        #endif
    }

    /// The file's bytes, or nil if it does not exist.
    package static func contentsIfPresent(of path: String) throws(PlayerDataError) -> [UInt8]? {
        do {
            return try contents(of: path)
        } catch .fileSystem(let operation, _, ENOENT) where operation == "open" {
            return nil
        }
    }

    /// The mode files holding player data are created with (the data file, its backups, exports
    /// and decrypted exports written to disk): readable by the owner only. The umask narrows it
    /// further, never widens it; a file that replaces another keeps the other's mode instead.
    package static let playerDataFileMode: mode_t = 0o600

    /// Replaces (or creates) `path` with `bytes` atomically and durably. The new file keeps the
    /// permissions of the one it replaces; a file that did not exist gets `playerDataFileMode`
    /// narrowed by the umask.
    package static func writeAtomically(_ bytes: [UInt8], to path: String) throws(PlayerDataError) {
        var info = stat()
        let existingMode = stat(path, &info) == 0 ? mode_t(info.st_mode & 0o7777) : nil
        let (fd, temporary) = try createTemporary(for: path, mode: existingMode ?? playerDataFileMode)
        // The descriptor, and with it the temporary's lock, stays open until the rename is done,
        // so cleanup never takes a finished temporary for a dead writer's. Closing it afterwards
        // cannot lose data: the bytes were fsynced before the rename.
        defer { close(fd) }
        do throws(PlayerDataError) {
            try writeAll(bytes, to: fd, path: temporary)
            // The umask applied when the temporary was created; the replaced file's mode is kept exactly.
            if let existingMode, fchmod(fd, existingMode) != 0 { throw fail("set permissions of", temporary) }
            guard fsync(fd) == 0 else { throw fail("fsync", temporary) }
            guard rename(temporary, path) == 0 else { throw fail("rename into place", path) }
        } catch {
            unlink(temporary)
            throw error
        }
        try syncDirectory(of: path)
    }

    /// Creates `path` with `bytes`, whole and durable, unless something already has that name:
    /// then nothing is written and the answer is false. The file appears under its name only
    /// once complete (a hard link of a finished temporary), with `playerDataFileMode` narrowed by
    /// the umask.
    package static func writeNew(_ bytes: [UInt8], to path: String) throws(PlayerDataError) -> Bool {
        var info = stat()
        if lstat(path, &info) == 0 { return false }
        let (fd, temporary) = try createTemporary(for: path, mode: playerDataFileMode)
        defer {
            close(fd)
            unlink(temporary)
        }
        try writeAll(bytes, to: fd, path: temporary)
        guard fsync(fd) == 0 else { throw fail("fsync", temporary) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { return false }
            throw fail("create", path)
        }
        try syncDirectory(of: path)
        return true
    }

    /// Makes `destination` an atomic snapshot of `source`: a hard link renamed into place (no
    /// copy, and the source is only ever replaced by rename, never rewritten), or a durable
    /// copy where links are not supported.
    package static func snapshot(_ source: String, to destination: String) throws(PlayerDataError) {
        for _ in 0..<temporaryAttempts {
            let temporary = temporaryPath(for: destination)
            guard link(source, temporary) == 0 else {
                let linkError = errno
                guard [EXDEV, EPERM, EMLINK, EOPNOTSUPP].contains(linkError) else {
                    throw .fileSystem(operation: "link", path: source, errno: linkError)
                }
                try writeAtomically(try contents(of: source), to: destination)
                return
            }
            // Locked like any temporary while it exists, so cleanup leaves it alone.
            let fd = open(temporary, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                let failure = fail("open", temporary)
                unlink(temporary)
                throw failure
            }
            defer { close(fd) }
            guard lockTemporary(fd, at: temporary) else { continue }
            guard rename(temporary, destination) == 0 else {
                let failure = fail("rename into place", destination)
                unlink(temporary)
                throw failure
            }
            try syncDirectory(of: destination)
            return
        }
        throw .fileSystem(operation: "create a temporary file for", path: destination, errno: EAGAIN)
    }

    /// Writes `bytes` to a file descriptor, retrying short writes.
    package static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(PlayerDataError) {
        var failure: PlayerDataError?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let count = write(fd, base + offset, min(buffer.count - offset, 1 << 30))
                if count >= 0 {
                    offset += count
                } else if errno != EINTR {
                    failure = fail("write", path)
                    return
                }
            }
        }
        if let failure { throw failure }
    }

    package static func makeDirectory(_ path: String) throws(PlayerDataError) {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw fail("create directory", path) }
    }

    /// `mkdir -p`: the folder and any missing parents.
    package static func makeDirectories(_ path: String) throws(PlayerDataError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            try makeDirectory(prefix)
        }
    }

    package static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Runs `body` holding an exclusive `flock` on `lockPath`, so that two processes (the bot
    /// and a command-line import) never write the data file at the same time. If another process
    /// holds the lock, waits for it at most `maximumWait`, then throws `.dataFileBusy`: a lock
    /// held by a stuck process must not block this thread forever.
    static func withExclusiveLock<T>(
        _ lockPath: String, waitingAtMost maximumWait: Duration = defaultLockWait, _ body: () throws(PlayerDataError) -> T
    ) throws(PlayerDataError) -> T {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail("open lock file", lockPath) }
        defer { close(fd) }
        try lock(fd, path: lockPath, waitingAtMost: maximumWait)
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// How long writers wait for another process's write by default.
    package static let defaultLockWait: Duration = .seconds(10)

    /// Takes `LOCK_EX` without blocking in the kernel, retrying with short sleeps while another
    /// open file description holds it. The sleeps block this thread, which is acceptable only
    /// because callers run here from the blocking-I/O threads (`BlockingIO`,
    /// `BlockingSerialExecutor`), never from the cooperative pool.
    private static func lock(_ fd: Int32, path: String, waitingAtMost maximumWait: Duration) throws(PlayerDataError) {
        let clock = ContinuousClock()
        let start = clock.now
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw fail("lock", path) }
            let waited = clock.now - start
            guard waited < maximumWait else {
                throw .dataFileBusy(lockPath: path, waitedMilliseconds: Int(microseconds(waited) / 1000))
            }
            let pause = min(maximumWait - waited, .milliseconds(20))
            usleep(useconds_t(max(1, microseconds(pause))))
        }
    }

    private static func microseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }

    /// Makes a rename or creation in `path`'s folder durable.
    package static func syncDirectory(of path: String) throws(PlayerDataError) {
        let directory = directoryName(of: path)
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw fail("open directory", directory) }
        defer { close(fd) }
        // Some file systems cannot fsync a directory; the rename is then as durable as they allow.
        guard fsync(fd) == 0 || errno == EINVAL || errno == EOPNOTSUPP else { throw fail("fsync directory", directory) }
    }

    static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    static func fail(_ operation: String, _ path: String) -> PlayerDataError {
        .fileSystem(operation: operation, path: path, errno: errno)
    }
}

extension DurableFile {
    /// Writes `bytes` to `path` (created or truncated) with plain writes and no fsync: for
    /// export files, which are copies, not the data of record. `"-"` means standard output. A new
    /// file gets `playerDataFileMode` narrowed by the umask; a truncated one keeps its mode.
    package static func writeCopy(_ bytes: [UInt8], to path: String) throws(PlayerDataError) {
        if path == "-" {
            try writeAll(bytes, to: STDOUT_FILENO, path: "standard output")
            return
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, playerDataFileMode)
        guard fd >= 0 else { throw .fileSystem(operation: "create", path: path, errno: errno) }
        do throws(PlayerDataError) {
            try writeAll(bytes, to: fd, path: path)
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw .fileSystem(operation: "close", path: path, errno: errno) }
    }

    /// Splits a `--data` argument into folder and file name: a folder means its `playerData.json`.
    /// A path that does not exist yet is a file only when its name ends in `.json`; otherwise it
    /// is the folder to create (`restore --data /var/lib/castbot` on a fresh machine).
    package static func dataLocation(_ path: String) -> (directory: String, fileName: String) {
        var info = stat()
        let exists = stat(path, &info) == 0
        if (exists && (info.st_mode & S_IFMT) == S_IFDIR) || (!exists && !path.hasSuffix(".json")) {
            return (path, "playerData.json")
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (directoryName(of: path), name)
    }
}
