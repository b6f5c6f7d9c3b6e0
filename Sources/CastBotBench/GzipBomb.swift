import CompressNIO
import Foundation
import NIOCore

/// Gzip files for the un-gzip benchmark, written a chunk at a time so that neither the bomb's
/// expansion nor a large export is ever held in memory whole.
package enum GzipBenchFiles {
    /// A gzip "bomb": `expandedBytes` zero bytes gzipped at the highest level (about 1,000 to 1),
    /// named like a gzipped export. Returns its size.
    @discardableResult
    package static func writeBomb(expandingTo expandedBytes: Int, to path: String) throws -> Int {
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        var remaining = expandedBytes
        return try write(to: path) {
            guard remaining > 0 else { return nil }
            let count = min(remaining, zeros.count)
            remaining -= count
            return count == zeros.count ? zeros : Array(zeros.prefix(count))
        }
    }

    /// The file at `source` gzipped into `path` (what an export sent gzipped looks like). Returns
    /// the gzip's size.
    @discardableResult
    package static func gzipFile(_ source: String, to path: String) throws -> Int {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: source))
        defer { try? handle.close() }
        return try write(to: path) {
            let data = try handle.read(upToCount: 1 << 20) ?? Data()
            return data.isEmpty ? nil : [UInt8](data)
        }
    }

    /// Deflates the pieces `next` returns (nil at the end) into a gzip file.
    private static func write(to path: String, next: () throws -> [UInt8]?) throws -> Int {
        let compressor = try ZlibCompressor(algorithm: .gzip, configuration: .init(compressionLevel: .bestCompression))
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw BenchFailure("cannot create \(path)") }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? out.close() }
        var window = ByteBufferAllocator().buffer(capacity: 1 << 20)
        var written = 0
        func drain() throws {
            guard window.readableBytes > 0 else { return }
            written += window.readableBytes
            try out.write(contentsOf: Data(window.readableBytesView))
            window.clear()
        }
        func deflate(_ input: inout ByteBuffer, flush: CompressNIOFlush) throws {
            while true {
                do {
                    try compressor.deflate(from: &input, to: &window, flush: flush)
                    try drain()
                    if input.readableBytes == 0 { return }
                } catch let error as CompressNIOError where error == .bufferOverflow {
                    try drain()
                }
            }
        }
        while let piece = try next() {
            var input = ByteBuffer(bytes: piece)
            try deflate(&input, flush: .no)
        }
        var empty = ByteBufferAllocator().buffer(capacity: 1)
        try deflate(&empty, flush: .finish)
        try out.synchronize()
        return written
    }
}
