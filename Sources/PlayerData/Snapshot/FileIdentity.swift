#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file, in which state: the inode (device and number) and its size and modification time
/// to the nanosecond. The store replaces the data file by rename, which gives a new inode; a
/// rewrite in place keeps the inode but changes the time (and usually the size).
struct FileIdentity: Sendable, Equatable {
    let device: UInt64
    let inode: UInt64
    let size: Int
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int

    init(_ info: stat) {
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
        size = Int(info.st_size)
        #if canImport(Darwin)
        modifiedSeconds = Int(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
    }

    /// The identity of what `path` names now; `.dataFileMissing` if nothing.
    static func of(path: String) throws(PlayerDataError) -> FileIdentity {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { throw .dataFileMissing(path: path) }
            throw .fileSystem(operation: "stat", path: path, errno: errno)
        }
        return FileIdentity(info)
    }

    /// The identity of the file an open descriptor reads, whatever its path names now.
    static func of(fd: Int32, path: String) throws(PlayerDataError) -> FileIdentity {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .fileSystem(operation: "stat", path: path, errno: errno) }
        return FileIdentity(info)
    }
}
