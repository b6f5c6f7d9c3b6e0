import ExportFormat
import Foundation
import Testing
import CastBotTestSupport

/// The one gunzip: a normal round trip, and every kind of bad gzip refused with an error that
/// says what was wrong and what is allowed.
@Suite("Gunzip with caps", .timeLimit(.minutes(1)))
struct GunzipTests {
    /// Text shaped like an export: expands about as much as real ones do.
    static func exportLike(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = Array("{\n".utf8)
        var player = 0
        while bytes.count < count {
            bytes += Array("  \"\(100_000_000_000_000_000 + player * 7919)\": {\"name\": \"player \(player)\", \"score\": \(player * 37 % 1000)},\n".utf8)
            player += 1
        }
        return bytes
    }

    /// `count` zero bytes, gzipped: about a thousandth of `count`.
    static func bomb(expandingTo count: Int) throws -> [UInt8] {
        try Gzip.compress([UInt8](repeating: 0, count: count))
    }

    @Test("A normal export round-trips, in one piece or handed on a chunk at a time")
    func roundTrip() throws {
        for size in [0, 1, 65_535, 65_536, 3_000_000] {
            let original = Self.exportLike(size)
            let gzipped = try Gzip.compress(original)
            #expect(try Gzip.decompress(gzipped) == original, "\(size) bytes")
            var largestPiece = 0
            var joined: [UInt8] = []
            try Gzip.decompress(gzipped) { piece in
                largestPiece = max(largestPiece, piece.count)
                joined += piece
            }
            #expect(joined == original)
            #expect(largestPiece <= 64 * 1024, "output is handed on a window at a time")
        }
    }

    @Test("A gzip bomb is refused once it passes the ratio, having unpacked no more than the ratio-free size")
    func bombRefused() throws {
        let bomb = try Self.bomb(expandingTo: 64 * 1024 * 1024)
        #expect(bomb.count < 100_000)
        var unpacked = 0
        let error = #expect(throws: GunzipError.self) {
            try Gzip.decompress(bomb) { unpacked += $0.count }
        }
        guard case .ratioTooHigh(let output, let input, let limit)? = error else {
            Issue.record("expected ratioTooHigh, got \(String(describing: error))")
            return
        }
        #expect(limit == 100 && output > 16 * 1024 * 1024 && output > 100 * input)
        // Refused within one window past the ratio-free size: memory stays bounded by the limits.
        #expect(unpacked <= GunzipLimits().ratioFreeBytes)
        #expect(output <= GunzipLimits().ratioFreeBytes + 64 * 1024)
        let text = try #require(error).description
        #expect(text.contains("expands more than 100 times") && text.contains("gzip bomb"))
    }

    @Test("Past the size cap is refused, saying what is allowed")
    func sizeCap() throws {
        let gzipped = try Gzip.compress(Self.exportLike(3_000_000))
        let limits = GunzipLimits(maxBytes: 1_000_000)
        #expect(throws: GunzipError.tooLarge(limit: 1_000_000)) { try Gzip.decompress(gzipped, limits: limits) }
        #expect(GunzipError.tooLarge(limit: 2 * 1024 * 1024 * 1024).description.contains("more than 2.0 GB, the most an export may be"))
        // The default cap is the restore's: 2 GiB.
        #expect(GunzipLimits().maxBytes == 2 * 1024 * 1024 * 1024)
    }

    @Test("A truncated gzip is refused as cut short, wherever it is cut")
    func truncated() throws {
        let gzipped = try Gzip.compress(Self.exportLike(200_000))
        for cut in [0, 5, 10, 100, gzipped.count / 2, gzipped.count - 8, gzipped.count - 1] {
            let error = #expect(throws: GunzipError.self) { try Gzip.decompress(Array(gzipped.prefix(cut))) }
            switch error {
            case .truncated?: break
            case .corrupt?: break  // cut inside the header: zlib may call it damaged
            default: Issue.record("cut at \(cut): \(String(describing: error))")
            }
        }
        // Cut inside the data, it is "cut short".
        #expect(throws: GunzipError.self) { try Gzip.decompress(Array(gzipped.prefix(gzipped.count / 2))) }
        if case .truncated = try #require(#expect(throws: GunzipError.self) { try Gzip.decompress(Array(gzipped.prefix(gzipped.count - 1))) }) {
        } else {
            Issue.record("a gzip missing its last byte is not reported as cut short")
        }
    }

    @Test("Bytes after the gzip stream are refused, counted")
    func trailingGarbage() throws {
        let original = Self.exportLike(100_000)
        let gzipped = try Gzip.compress(original)
        #expect(throws: GunzipError.trailingBytes(count: 7)) { try Gzip.decompress(gzipped + Array("garbage".utf8)) }
        // A second stream glued on is trailing bytes too: an export is one stream.
        let twice = gzipped + gzipped
        #expect(throws: GunzipError.trailingBytes(count: gzipped.count)) { try Gzip.decompress(twice) }
        // Trailing bytes that start past the first input chunk.
        let big = try Gzip.compress(Self.exportLike(3_000_000))
        #expect(big.count > 65_536)
        #expect(throws: GunzipError.trailingBytes(count: 1)) { try Gzip.decompress(big + [0]) }
    }

    @Test("Bytes that are not gzip are refused as damaged")
    func notGzip() {
        let error = #expect(throws: GunzipError.self) { try Gzip.decompress(Array("{\"not\": \"gzip\"}".utf8)) }
        if case .corrupt? = error {} else { Issue.record("\(String(describing: error))") }
        var gzipped = (try? Gzip.compress(Self.exportLike(100_000))) ?? []
        gzipped[gzipped.count / 2] ^= 0xff
        #expect(throws: GunzipError.self) { try Gzip.decompress(gzipped) }
    }

    @Test("castbot verify/import/decrypt's reader refuses a gzip bomb file (it unpacked any size before)")
    func decoderRefusesBomb() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(try Self.bomb(expandingTo: 64 * 1024 * 1024), to: "bomb.json.gz")
        let error = #expect(throws: ExportFileError.self) { try ExportFileDecoder.decode(parts: ["\(folder.path)/bomb.json.gz"]) }
        guard case .gunzip(.ratioTooHigh)? = error else {
            Issue.record("expected the ratio refusal, got \(String(describing: error))")
            return
        }
        #expect(try #require(error).description.hasPrefix("the export could not be un-gzipped: it expands more than 100 times"))
        // A normal gzipped export still reads back.
        let original = Self.exportLike(2_000_000)
        try folder.write(try Gzip.compress(original), to: "export.json.gz")
        let decoded = try ExportFileDecoder.decode(parts: ["\(folder.path)/export.json.gz"])
        #expect(decoded.json == original && decoded.steps == ["gunzipped"])
    }
}
