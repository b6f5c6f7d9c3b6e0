import Testing
@testable import PlayerData
import CastBotTestSupport

/// The two-core scan of large files must give exactly the sequential scan's result or error.
@Suite(.timeLimit(.minutes(1))) struct ParallelScanTests {
    static func sequential(_ bytes: [UInt8]) -> Result<ScanResult, JSONSyntaxError> {
        bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) in
                try JSONScanner.withScanner(buffer) { (scanner: inout JSONScanner) throws(JSONSyntaxError) in
                    try scanner.scanDocument()
                }
            }
        }
    }

    static func parallel(_ bytes: [UInt8], split: Int) -> Result<ScanResult, JSONSyntaxError> {
        bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) in try JSONScanner.scanInParallel(buffer, split: split) }
        }
    }

    static func split(_ bytes: [UInt8]) throws -> Int {
        try #require(bytes.withUnsafeBytes { JSONScanner.splitCandidate(in: $0) })
    }

    @Test(arguments: [Fixtures.wholeFile, Fixtures.devCrashRestore])
    func realFilesScanTheSameInParallel(fixture: String) throws {
        let bytes = try Fixtures.bytes(fixture)
        let parallel = Self.parallel(bytes, split: try Self.split(bytes))
        #expect(parallel == Self.sequential(bytes))
        #expect(try parallel.get().members.count == (fixture == Fixtures.wholeFile ? 33 : 29))
    }

    @Test func anErrorInTheSecondHalfIsTheSequentialError() throws {
        var bytes = try Fixtures.bytes(Fixtures.wholeFile)
        let split = try Self.split(bytes)
        let broken = try #require(bytes[(split + 1000)...].firstIndex(of: UInt8(ascii: ":")))
        bytes[broken] = UInt8(ascii: "=")
        let sequential = Self.sequential(bytes)
        #expect(throws: JSONSyntaxError.self) { try sequential.get() }
        #expect(Self.parallel(bytes, split: split) == sequential)
    }

    @Test func anErrorInTheFirstHalfWins() throws {
        var bytes = try Fixtures.bytes(Fixtures.wholeFile)
        let split = try Self.split(bytes)
        bytes[split / 2] = 0x01
        bytes[split + 1000] = 0x01
        let sequential = Self.sequential(bytes)
        #expect(throws: JSONSyntaxError.self) { try sequential.get() }
        #expect(Self.parallel(bytes, split: split) == sequential)
    }

    @Test func aSplitThatIsNotATopLevelKeyFallsBackToTheSequentialScan() throws {
        // The pattern sits inside a nested object whose indentation lies.
        let text = "{\n  \"a\": {\n  \"x\": 1,\n  \"y\": [1,\n  \"z\"]\n  },\n  \"b\": 2\n}"
        let bytes = Array(text.utf8)
        for split in bytes.indices where bytes[split] == UInt8(ascii: "\"") {
            #expect(Self.parallel(bytes, split: split) == Self.sequential(bytes), "split at \(split)")
        }
        var truncated = bytes
        truncated.removeLast(3)
        for split in truncated.indices where truncated[split] == UInt8(ascii: "\"") {
            #expect(Self.parallel(truncated, split: split) == Self.sequential(truncated), "split at \(split)")
        }
    }
}
