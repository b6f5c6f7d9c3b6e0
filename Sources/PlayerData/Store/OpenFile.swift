#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A file descriptor closed when dropped. Sendable so that one read-only descriptor can serve
/// concurrent readers: `read` uses `pread` at explicit offsets, which shares no file position.
final class OpenFile: Sendable {
    let fd: Int32
    let path: String
    private let isOpen = Atomic(true)

    init(path: String, flags: Int32, mode: mode_t = 0) throws(PlayerDataError) {
        fd = open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .fileSystem(operation: "open", path: path, errno: errno) }
        self.path = path
    }

    /// Takes ownership of a descriptor opened elsewhere.
    init(adopting fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit {
        if isOpen.load(ordering: .acquiring) { _ = closeDescriptor(fd) }
    }

    func size() throws(PlayerDataError) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .fileSystem(operation: "stat", path: path, errno: errno) }
        return Int(info.st_size)
    }

    /// Exactly the bytes in `range`; a file that became shorter reads as changed.
    func read(_ range: Range<Int>) throws(PlayerDataError) -> [UInt8] {
        var failure: PlayerDataError?
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            initialized = 0
            while initialized < range.count, let base = buffer.baseAddress {
                let count = pread(fd, base + initialized, range.count - initialized, off_t(range.lowerBound + initialized))
                if count > 0 {
                    initialized += count
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    failure = count == 0 ? .dataFileChanged(path: path) : .fileSystem(operation: "read", path: path, errno: errno)
                    return
                }
            }
        }
        if let failure { throw failure }
        return bytes
    }

    func close() throws(PlayerDataError) {
        guard isOpen.exchange(false, ordering: .acquiringAndReleasing) else { return }
        guard closeDescriptor(fd) == 0 else { throw .fileSystem(operation: "close", path: path, errno: errno) }
    }
}

/// `close(2)`, reachable from inside `OpenFile`, whose own `close()` hides it.
private func closeDescriptor(_ fd: Int32) -> Int32 {
    close(fd)
}
