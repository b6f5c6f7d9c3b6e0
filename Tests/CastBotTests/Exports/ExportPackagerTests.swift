import DiscordREST
import ExportFormat
import Foundation
import PlayerData
import Testing

@testable import CastBot
import CastBotTestSupport

@Suite("Export packaging: plain, gzip, parts", .timeLimit(.minutes(1)))
struct ExportPackagerTests {
    /// A small limit so boundaries are cheap to test: 1000-byte files, 900-byte parts, warning from 800.
    static let small = ExportPackager(limits: ExportUploadLimits(fileLimit: 1000, requestReserve: 100, warningFraction: 0.8))

    static func compressible(_ count: Int) -> [UInt8] {
        Array(String(repeating: "{\"player\": \"name\", \"score\": 12},\n", count: count / 30 + 1).utf8.prefix(count))
    }

    static func random(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    @Test("Below 80 % of the limit: the file as it is, no warning", arguments: [1, 500, 799])
    func plainQuiet(size: Int) throws {
        let bytes = Self.compressible(size)
        let plan = try Self.small.plan(filename: "x.json", bytes: bytes)
        #expect(plan.encoding == .plain)
        #expect(plan.uploads.map(\.filename) == ["x.json"])
        #expect(plan.uploads.first?.contentType == "application/json")
        #expect(plan.uploads.first?.bytes == bytes)
        #expect(plan.warnings.isEmpty)
        #expect(plan.restoreInstructions == nil)
        #expect(plan.sha256 == SHA256Hex.digest(bytes))
    }

    @Test("From 80 % up to the limit itself: still plain, with a warning", arguments: [800, 999, 1000])
    func plainWarned(size: Int) throws {
        let plan = try Self.small.plan(filename: "x.json", bytes: Self.compressible(size))
        #expect(plan.encoding == .plain)
        #expect(plan.warnings.count == 1)
        #expect(plan.warnings.first?.hasPrefix("⚠️") == true)
        #expect(plan.warnings.first?.contains("\(size * 100 / 1000) %") == true)
    }

    @Test("One byte over the limit: gzipped as .json.gz, and gunzip gives the export back")
    func gzipped() throws {
        let bytes = Self.compressible(1001)
        let plan = try Self.small.plan(filename: "x.json", bytes: bytes)
        #expect(plan.encoding == .gzip)
        let upload = try #require(plan.uploads.first)
        #expect(plan.uploads.count == 1)
        #expect(upload.filename == "x.json.gz")
        #expect(upload.contentType == "application/gzip")
        #expect(Array(upload.bytes.prefix(2)) == [0x1F, 0x8B], "a gzip stream starts with the gzip magic")
        #expect(try Gzip.decompress(upload.bytes) == bytes)
        #expect(plan.compressedByteCount == upload.bytes.count)
        #expect(plan.sha256 == SHA256Hex.digest(bytes), "the checksum is of the uncompressed export")
        #expect(plan.restoreInstructions == "`gunzip x.json.gz`")
        #expect(plan.warnings.first?.contains("gzipped") == true)
    }

    @Test("Still over after gzip: numbered parts within the part size that rebuild the export")
    func parts() throws {
        let bytes = Self.random(3000)
        let plan = try Self.small.plan(filename: "x.json", bytes: bytes)
        let compressed = try #require(plan.compressedByteCount)
        let expectedParts = (compressed + 899) / 900
        #expect(plan.encoding == .gzipParts(count: expectedParts))
        #expect(plan.uploads.map(\.filename) == (1...expectedParts).map { "x.json.gz.part\($0)of\(expectedParts)" })
        #expect(plan.uploads.allSatisfy { $0.bytes.count <= 900 && $0.contentType == "application/octet-stream" })
        #expect(plan.uploads.map(\.partNumber) == (1...expectedParts).map { $0 })
        let rebuilt = plan.uploads.flatMap(\.bytes)
        #expect(rebuilt.count == compressed)
        #expect(try Gzip.decompress(rebuilt) == bytes)
        #expect(plan.sha256 == SHA256Hex.digest(bytes))
        #expect(plan.restoreInstructions == "`cat x.json.gz.part*of\(expectedParts) > x.json.gz && gunzip x.json.gz`")
    }

    @Test("Ten or more parts are zero-padded so part* lists them in order")
    func paddedPartNumbers() throws {
        let plan = try Self.small.plan(filename: "x.json", bytes: Self.random(10_000))
        let names = plan.uploads.map(\.filename)
        #expect(names.count >= 10)
        #expect(names.first == "x.json.gz.part01of\(names.count)")
        #expect(names == names.sorted())
    }

    @Test("Discord's real limit: exactly 10 MiB goes plain, one byte more goes gzipped")
    func realLimitBoundary() throws {
        let packager = ExportPackager()
        #expect(packager.limits.fileLimit == 10_485_760)
        let atLimit = Self.compressible(10_485_760)
        let plain = try packager.plan(filename: "big.json", bytes: atLimit)
        #expect(plain.encoding == .plain)
        #expect(plain.warnings.count == 1)

        let over = Self.compressible(10_485_761)
        let gzipped = try packager.plan(filename: "big.json", bytes: over)
        #expect(gzipped.encoding == .gzip)
        #expect(gzipped.uploads.first?.filename == "big.json.gz")
        #expect(try Gzip.decompress(try #require(gzipped.uploads.first).bytes) == over)
    }

    @Test("The packager takes a PlayerData export artifact and keeps its name and checksum")
    func fromArtifact() throws {
        let file = try PlayerDataFile(bytes: try Fixtures.bytes(Fixtures.wholeFile))
        let artifact = ExportBuilder.allExport(of: file, date: Date(timeIntervalSince1970: 1_760_538_600), kind: .manual)
        let plan = try ExportPackager().plan(for: artifact)
        #expect(plan.exportFilename == "playerdata-FULL-export-2025-10-15T14-30-00-000Z.json")
        #expect(plan.sha256 == artifact.sha256)
        #expect(plan.replyFiles.map(\.filename) == [artifact.filename])
        #expect(plan.uploads.first?.discordFile.data == Data(artifact.bytes))
    }
}
