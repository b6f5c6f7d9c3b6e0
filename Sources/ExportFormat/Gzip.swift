import CompressNIO
import NIOCore

/// What an export may expand to when it is un-gzipped (docs/OPERATIONS.md, "Un-gzipping
/// exports"). A gzip file from a channel or an upload is untrusted: a few kilobytes of gzip can
/// expand to gigabytes (a "gzip bomb"), so un-gzipping stops as soon as either limit is passed.
package struct GunzipLimits: Sendable, Hashable {
    /// The largest export the service reads back: the restore limit on an export once joined
    /// and un-gzipped, 2 GiB.
    package static let maxExportBytes = 2 * 1024 * 1024 * 1024

    /// Most bytes the gzip may expand to.
    package var maxBytes: Int
    /// Most bytes out per byte of gzip read so far. Exports of player data expand about 7 times;
    /// a bomb of zeros about 1,000 times.
    package var maxRatio: Int
    /// Output up to this size is never refused for its ratio (small files of repeated text
    /// compress far better than real exports, and cost nothing to hold).
    package var ratioFreeBytes: Int

    package init(maxBytes: Int = Self.maxExportBytes, maxRatio: Int = 100, ratioFreeBytes: Int = 16 * 1024 * 1024) {
        self.maxBytes = max(0, maxBytes)
        self.maxRatio = max(1, maxRatio)
        self.ratioFreeBytes = max(0, ratioFreeBytes)
    }
}

/// Why gzip bytes were not un-gzipped. Each says what was wrong and what is allowed.
package enum GunzipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output passed `GunzipLimits.maxBytes`.
    case tooLarge(limit: Int)
    /// The output passed `GunzipLimits.maxRatio` times the gzip read so far.
    case ratioTooHigh(output: Int, input: Int, limit: Int)
    /// The gzip stream ends before its end-of-stream marker and checksum.
    case truncated(output: Int)
    /// Bytes follow the end of the gzip stream.
    case trailingBytes(count: Int)
    /// Not gzip, or damaged (zlib's verdict: bad header, bad data, bad CRC or length).
    case corrupt(String)

    package var description: String {
        switch self {
        case .tooLarge(let limit):
            "it expands to more than \(ByteSizeText.describe(limit)), the most an export may be once un-gzipped"
        case .ratioTooHigh(let output, let input, let limit):
            "it expands more than \(limit) times (\(ByteSizeText.describe(output)) from the first \(ByteSizeText.describe(input)) of gzip), "
                + "which no export does (they expand about 7 times); it looks like a gzip bomb and was not unpacked further"
        case .truncated(let output):
            "the gzip stream is cut short (it ends after \(ByteSizeText.describe(output)) of output, before its end marker); "
                + "a complete file is needed"
        case .trailingBytes(let count):
            "\(count) byte(s) follow the end of the gzip stream; an export is exactly one gzip stream"
        case .corrupt(let reason):
            "the gzip data is damaged (\(reason))"
        }
    }
}

/// Real gzip (RFC 1952) through CompressNIO's zlib: the one compressor and the one gunzip of
/// exports.
package enum Gzip {
    /// RFC 1952's magic bytes.
    package static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1f && iterator.next() == 0x8b
    }

    package static func compress(_ bytes: [UInt8]) throws(ExportPackagingError) -> [UInt8] {
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

    /// Bytes fed to and taken from zlib at a time.
    static let chunkSize = 64 * 1024

    /// The original bytes of one gzip stream, un-gzipped a chunk at a time and refused as soon
    /// as they pass `limits`: memory stays at what the limits allow, never at what the gzip
    /// claims to hold.
    package static func decompress(_ bytes: [UInt8], limits: GunzipLimits = GunzipLimits()) throws(GunzipError) -> [UInt8] {
        var output: [UInt8] = []
        try decompress(bytes, limits: limits) { chunk in output.append(contentsOf: chunk) }
        return output
    }

    /// Un-gzips `bytes`, handing each piece of output to `consume` as it comes.
    package static func decompress(
        _ bytes: [UInt8], limits: GunzipLimits = GunzipLimits(), consume: (UnsafeRawBufferPointer) -> Void
    ) throws(GunzipError) {
        let inflater: ZlibDecompressor
        do {
            inflater = try ZlibDecompressor(algorithm: .gzip)
        } catch {
            throw .corrupt("zlib could not start: \(error)")
        }
        var window = ByteBufferAllocator().buffer(capacity: chunkSize)
        var produced = 0
        var fed = 0
        /// False for the last call, made without input.
        var hadInput = true

        func flush() throws(GunzipError) {
            let count = window.readableBytes
            guard count > 0 else { return }
            produced += count
            if produced > limits.maxBytes { throw .tooLarge(limit: limits.maxBytes) }
            if produced > limits.ratioFreeBytes, produced > limits.maxRatio * fed {
                throw .ratioTooHigh(output: produced, input: fed, limit: limits.maxRatio)
            }
            window.withUnsafeReadableBytes { consume($0) }
            window.clear()
        }

        /// Runs zlib over `input` until it needs more input (false) or the stream has ended (true).
        func inflate(_ input: inout ByteBuffer) throws(GunzipError) -> Bool {
            while true {
                do {
                    try inflater.inflate(from: &input, to: &window)
                    // zlib stopped with room left in the window: it ran out of input, or the
                    // stream ended. Input left over means it ended; so does a call without input
                    // that returns normally (zlib answers "stream end" again once finished).
                    let ended = input.readableBytes > 0 || !hadInput
                    try flush()
                    if ended || input.readableBytes == 0 { return ended }
                } catch let error as CompressNIOError where error == .bufferOverflow {
                    // The window is full: hand it on and go on with the same input.
                    try flush()
                } catch let error as CompressNIOError where error == .inputBufferOverflow {
                    // No progress without more input.
                    try flush()
                    return false
                } catch let error as GunzipError {
                    throw error
                } catch {
                    throw .corrupt(String(describing: error))
                }
            }
        }

        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunkSize)
            var input = ByteBufferAllocator().buffer(capacity: end - offset)
            input.writeBytes(bytes[offset..<end])
            fed = end
            offset = end
            if try inflate(&input) {
                let trailing = bytes.count - offset + input.readableBytes
                if trailing > 0 { throw .trailingBytes(count: trailing) }
                return
            }
        }
        // All input is in. Ask once more with none: a finished stream says so, an unfinished one
        // asks for input that will never come.
        hadInput = false
        var empty = ByteBufferAllocator().buffer(capacity: 1)
        guard try inflate(&empty) else { throw .truncated(output: produced) }
    }
}
