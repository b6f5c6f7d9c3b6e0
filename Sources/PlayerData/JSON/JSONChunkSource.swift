#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Feeds a file to the scanner in pieces of about `pieceSize` bytes, each ending right after a
/// newline (valid JSON has newlines only between tokens, so no token is ever cut), and
/// optionally copies every piece to another file at the same offset. Memory stays at one piece,
/// whatever the file's size; a file without newlines (minified) grows the piece to the whole
/// file, which is still correct.
///
/// Reads use `pread` at explicit offsets, so several sources can share one descriptor.
final class JSONChunkSource {
    struct Piece {
        let bytes: UnsafeRawBufferPointer
        /// Offset of `bytes` in the file.
        let offset: Int
    }

    private let fd: Int32
    private let path: String
    private let copy: (fd: Int32, path: String)?
    private var buffer: UnsafeMutableRawBufferPointer
    /// File offset of buffer[0].
    private var bufferOffset: Int
    private var filled = 0
    private var pieceEnd = 0
    /// The first read or write failure; the scan then ends early and the caller reports this.
    private(set) var ioError: PlayerDataError?

    init(fd: Int32, path: String, startingAt offset: Int, pieceSize: Int = 1 << 20, copyTo copy: (fd: Int32, path: String)? = nil) {
        self.fd = fd
        self.path = path
        self.copy = copy
        self.bufferOffset = offset
        self.buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(pieceSize, 64), alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    /// The next piece, or nil at the end of the file (or after an I/O error, see `ioError`).
    func next() -> Piece? {
        guard ioError == nil, let base = buffer.baseAddress else { return nil }
        // Keep the partial line after the last piece.
        let carried = filled - pieceEnd
        if carried > 0 && pieceEnd > 0 { memmove(base, base + pieceEnd, carried) }
        bufferOffset += pieceEnd
        filled = carried
        pieceEnd = 0
        while true {
            if filled == buffer.count { grow() }
            guard let base = buffer.baseAddress else { return nil }
            let count = pread(fd, base + filled, buffer.count - filled, off_t(bufferOffset + filled))
            if count < 0 {
                if errno == EINTR { continue }
                ioError = .fileSystem(operation: "read", path: path, errno: errno)
                return nil
            }
            if count == 0 {
                pieceEnd = filled
            } else {
                let searchStart = filled
                filled += count
                guard let newline = lastNewline(in: searchStart..<filled) else { continue }
                pieceEnd = newline + 1
            }
            guard pieceEnd > 0 else { return nil }
            let piece = Piece(bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<pieceEnd]), offset: bufferOffset)
            return copyOut(piece) ? piece : nil
        }
    }

    /// Line and column of a file offset, read from the file (only for error messages).
    func position(of offset: Int) -> TextPosition {
        var counter = TextPosition.Counter()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var position = 0
        while position < offset {
            let count = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min($0.count, offset - position), off_t(position)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            chunk.withUnsafeBytes { counter.consume(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            position += count
        }
        return counter.position
    }

    /// Lines are short, so searching backwards finds the last newline almost at once.
    private func lastNewline(in range: Range<Int>) -> Int? {
        var index = range.upperBound
        while index > range.lowerBound {
            index -= 1
            if buffer[index] == 0x0A { return index }
        }
        return nil
    }

    private func grow() {
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
        larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
        buffer.deallocate()
        buffer = larger
    }

    private func copyOut(_ piece: Piece) -> Bool {
        guard let copy, let base = piece.bytes.baseAddress else { return true }
        var written = 0
        while written < piece.bytes.count {
            let count = pwrite(copy.fd, base + written, piece.bytes.count - written, off_t(piece.offset + written))
            if count < 0 {
                if errno == EINTR { continue }
                ioError = .fileSystem(operation: "write", path: copy.path, errno: errno)
                return false
            }
            written += count
        }
        return true
    }
}
