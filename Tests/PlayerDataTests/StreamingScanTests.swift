import Foundation
import Testing
@testable import PlayerData
import CastBotTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Scanning a file from disk in pieces must give exactly what scanning it in memory gives,
/// wherever the pieces happen to end.
@Suite(.timeLimit(.minutes(1))) struct StreamingScanTests {
    static let fixtures = [Fixtures.wholeFile, Fixtures.devCrashRestore, Fixtures.serverExport, Fixtures.wiped, Fixtures.rejected]
    static let pieceSizes = [64, 1000, 1 << 20]

    static func inMemory(_ bytes: [UInt8]) -> Result<ScanResult, JSONSyntaxError> {
        bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) in try JSONScanner.scan(buffer) }
        }
    }

    /// Scans `bytes` from a temporary file; syntax errors come back as `.failure`.
    static func streamed(_ bytes: [UInt8], pieceSize: Int, split: Int? = nil) throws -> Result<ScanResult, JSONSyntaxError> {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(bytes, to: "data.json")
        let file = try OpenFile(path: "\(folder.path)/data.json", flags: O_RDONLY)
        do {
            if let split {
                return .success(try JSONScanner.scanFileInParallel(fd: file.fd, path: file.path, split: split, copyTo: nil, pieceSize: pieceSize))
            }
            return .success(try JSONScanner.scanFile(fd: file.fd, path: file.path, size: bytes.count, pieceSize: pieceSize))
        } catch PlayerDataError.invalidJSON(let syntax) {
            return .failure(syntax)
        }
    }

    @Test(arguments: fixtures, pieceSizes)
    func fixturesScanTheSameFromDisk(fixture: String, pieceSize: Int) throws {
        let bytes = try Fixtures.bytes(fixture)
        #expect(try Self.streamed(bytes, pieceSize: pieceSize) == Self.inMemory(bytes))
    }

    @Test(arguments: pieceSizes)
    func twoCoreFileScanMatches(pieceSize: Int) throws {
        let bytes = try Fixtures.bytes(Fixtures.wholeFile)
        let split = try #require(bytes.withUnsafeBytes { JSONScanner.splitCandidate(in: $0) })
        #expect(try Self.streamed(bytes, pieceSize: pieceSize, split: split) == Self.inMemory(bytes))
    }

    @Test func minifiedFilesWithoutNewlinesStillScan() throws {
        let bytes = minified(try Fixtures.bytes(Fixtures.wholeFile))
        #expect(try Self.streamed(bytes, pieceSize: 64) == Self.inMemory(bytes))
    }

    @Test(arguments: JSONValidationTests.badDocuments)
    func badDocumentsFailTheSameFromDisk(_ bad: BadDocument) throws {
        let expected = Self.inMemory(bad.bytes)
        #expect(throws: JSONSyntaxError.self) { try expected.get() }
        for pieceSize in [64, 1 << 20] {
            #expect(try Self.streamed(bad.bytes, pieceSize: pieceSize) == expected, "piece size \(pieceSize)")
        }
    }

    @Test func errorsDeepInAFileHaveTheirRealPosition() throws {
        var bytes = try Fixtures.bytes(Fixtures.wholeFile)
        let offset = bytes.count - 5000
        let colon = try #require(bytes[offset...].firstIndex(of: UInt8(ascii: ":")))
        bytes[colon] = UInt8(ascii: ";")
        let expected = Self.inMemory(bytes)
        #expect(throws: JSONSyntaxError.self) { try expected.get() }
        #expect(try Self.streamed(bytes, pieceSize: 64) == expected)
    }
}
