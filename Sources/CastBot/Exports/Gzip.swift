import CompressNIO
import NIOCore

/// Real gzip (RFC 1952) through CompressNIO's zlib.
enum Gzip {
    static func compress(_ bytes: [UInt8]) throws(ExportPackagingError) -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        let compressor = CompressionAlgorithm.gzip().compressor
        do {
            try compressor.startStream()
            var output = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
            try compressor.streamDeflate(from: &input, to: &output, flush: .finish)
            try compressor.finishStream()
            return Array(output.readableBytesView)
        } catch {
            throw .compressionFailed(String(describing: error))
        }
    }

    /// For tests and checks: the original bytes of a gzip stream.
    static func decompress(_ bytes: [UInt8]) throws -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        let output = try input.decompress(with: .gzip())
        return Array(output.readableBytesView)
    }
}
