import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scanning a file from disk in pieces (see `JSONChunkSource`), on two cores when it is large,
/// with the same split-and-confirm scheme as the in-memory parallel scan.
extension JSONScanner {
    static func scanFile(
        fd: Int32, path: String, size: Int, copyTo copy: (fd: Int32, path: String)? = nil, pieceSize: Int = 1 << 20
    ) throws(PlayerDataError) -> ScanResult {
        guard size >= parallelThreshold, ProcessInfo.processInfo.activeProcessorCount > 1,
            let split = fileSplitCandidate(fd: fd, size: size)
        else {
            let source = JSONChunkSource(fd: fd, path: path, startingAt: 0, pieceSize: pieceSize, copyTo: copy)
            let result = streaming(source) { (scanner: inout JSONScanner) throws(JSONSyntaxError) in try scanner.scanDocument() }
            return try outcome(result, source: source)
        }
        return try scanFileInParallel(fd: fd, path: path, split: split, copyTo: copy, pieceSize: pieceSize)
    }

    static func scanFileInParallel(
        fd: Int32, path: String, split: Int, copyTo copy: (fd: Int32, path: String)?, pieceSize: Int
    ) throws(PlayerDataError) -> ScanResult {
        let second = SecondHalfOfFile(
            source: JSONChunkSource(fd: fd, path: path, startingAt: split, pieceSize: pieceSize, copyTo: copy))
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            second.run()
            done.signal()
        }
        let firstSource = JSONChunkSource(fd: fd, path: path, startingAt: 0, pieceSize: pieceSize, copyTo: copy)
        let first = streaming(firstSource) { (scanner: inout JSONScanner) throws(JSONSyntaxError) in
            scanner.stopOffset = split
            return try scanner.scanDocument()
        }
        done.wait()
        let head = try outcome(first, source: firstSource)
        if head.isComplete { return head }
        let tail = try outcome(second.result, source: second.source)
        return head.joined(with: tail)
    }

    /// Runs `body` with a scanner reading from `source`.
    static func streaming<R>(
        _ source: JSONChunkSource, _ body: (inout JSONScanner) throws(JSONSyntaxError) -> R
    ) -> Result<R, JSONSyntaxError> {
        guard let piece = source.next() else {
            return .failure(JSONSyntaxError(problem: .emptyInput, byteOffset: 0, line: 1, column: 1))
        }
        return Result { () throws(JSONSyntaxError) -> R in
            try withScanner(piece.bytes) { (scanner: inout JSONScanner) throws(JSONSyntaxError) in
                scanner.base = piece.offset
                scanner.source = source
                return try body(&scanner)
            }
        }
    }

    /// An I/O failure explains whatever the scan made of the data, so it comes first.
    private static func outcome(_ result: Result<ScanResult, JSONSyntaxError>, source: JSONChunkSource) throws(PlayerDataError) -> ScanResult {
        if let ioError = source.ioError { throw ioError }
        switch result {
        case .success(let scan): return scan
        case .failure(let error): throw .invalidJSON(error)
        }
    }

    /// The split candidate near the middle of the file, read from a window there.
    private static func fileSplitCandidate(fd: Int32, size: Int) -> Int? {
        let windowStart = size / 2
        var window = [UInt8](repeating: 0, count: min(4 << 20, size - windowStart))
        let count = window.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(windowStart)) }
        guard count > 0 else { return nil }
        return window.withUnsafeBytes { buffer in
            splitCandidate(in: UnsafeRawBufferPointer(rebasing: buffer[0..<count]), from: 0).map { windowStart + $0 }
        }
    }

    /// The second half's scan; handed to another thread and read back after it signals.
    private final class SecondHalfOfFile: @unchecked Sendable {
        let source: JSONChunkSource
        var result: Result<ScanResult, JSONSyntaxError> = .failure(
            JSONSyntaxError(problem: .emptyInput, byteOffset: 0, line: 1, column: 1))

        init(source: JSONChunkSource) {
            self.source = source
        }

        func run() {
            result = JSONScanner.streaming(source) { (scanner: inout JSONScanner) throws(JSONSyntaxError) in
                try scanner.scanRemainder(from: 0)
            }
        }
    }
}
