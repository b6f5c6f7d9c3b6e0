import CastBotTestSupport
import Crypto
import Foundation
import Testing

@testable import ExportEncryption

@Suite("Sealed exports", .timeLimit(.minutes(2)))
struct SealedExportTests {
    let alice = ExportSecretKey.generate()
    let bob = ExportSecretKey.generate()

    func metadata(for payload: [UInt8]) -> SealedExportMetadata {
        SealedExportMetadata(filename: "playerdata-all-manual.json", content: .json, exportByteCount: payload.count, exportSHA256: "00")
    }

    func seal(_ payload: [UInt8], to keys: [ExportSecretKey], chunkSize: Int = 1_024) throws -> [UInt8] {
        let sealer = try ExportSealer(recipients: keys.map(\.publicKey), chunkSize: chunkSize)
        var sealed: [UInt8] = []
        try sealer.seal(payload, metadata: metadata(for: payload)) { sealed += $0 }
        #expect(sealed.count == sealer.sealedByteCount(payloadByteCount: payload.count, metadata: metadata(for: payload)))
        return sealed
    }

    /// What opening hands out before it throws or returns: a caller that keeps nothing on failure
    /// writes nothing.
    func open(_ sealed: [UInt8], with keys: [ExportSecretKey]) throws(ExportOpeningError) -> [UInt8] {
        var source = SealedBytes(sealed)
        var output: [UInt8] = []
        try ExportOpener.open(&source, keys: keys) { output += $0 }
        return output
    }

    func payload(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }

    @Test("round trip on the real fixtures and on sizes around the chunk boundary")
    func roundTrip() throws {
        for name in [Fixtures.serverExport, Fixtures.devCrashRestore] {
            let bytes = try Fixtures.bytes(name)
            let sealed = try seal(bytes, to: [alice], chunkSize: 65_536)
            #expect(!sealed.starts(with: bytes.prefix(64)))
            #expect(try open(sealed, with: [alice]) == bytes)
        }
        for count in [0, 1, 1_023, 1_024, 1_025, 4_096, 5_000] {
            let bytes = payload(count)
            #expect(try open(seal(bytes, to: [alice]), with: [alice]) == bytes, "size \(count)")
        }
    }

    @Test("two recipients: either secret key opens the export; the header lists both key ids")
    func twoRecipients() throws {
        let bytes = payload(10_000)
        let sealed = try seal(bytes, to: [alice, bob])
        #expect(try open(sealed, with: [alice]) == bytes)
        #expect(try open(sealed, with: [bob]) == bytes)
        var source = SealedBytes(sealed)
        #expect(try ExportOpener.readHeader(from: &source).keyIDs == [alice.keyID, bob.keyID])
    }

    @Test("a wrong key is refused and named, with the export's key ids")
    func wrongKey() throws {
        let sealed = try seal(payload(3_000), to: [alice])
        #expect(throws: ExportOpeningError.notARecipient(given: [bob.keyID], recipients: [alice.keyID])) { try open(sealed, with: [bob]) }
        #expect(throws: ExportOpeningError.keyNeeded(recipients: [alice.keyID])) { try open(sealed, with: []) }
    }

    @Test("every flipped byte is refused")
    func flippedBytes() throws {
        let sealed = try seal(payload(2_500), to: [alice, bob])
        for index in stride(from: 0, to: sealed.count, by: 7) {
            var altered = sealed
            altered[index] ^= 0x01
            #expect(throws: ExportOpeningError.self, "byte \(index)") { try open(altered, with: [alice]) }
        }
    }

    @Test("dropped, swapped, truncated and appended chunks are refused with their own error")
    func chunkOrder() throws {
        let chunk = 1_024
        let sealedChunk = chunk + 16
        let sealed = try seal(payload(chunk * 4 + 100), to: [alice], chunkSize: chunk)
        let start = sealed.count - (4 * sealedChunk + 100 + 16)
        func chunkRange(_ index: Int) -> Range<Int> {
            let lower = start + index * sealedChunk
            return lower..<min(lower + sealedChunk, sealed.count)
        }

        var dropped = sealed
        dropped.removeSubrange(chunkRange(1))
        #expect(throws: ExportOpeningError.chunkRejected(number: 2, offset: start + sealedChunk)) { try open(dropped, with: [alice]) }

        var swapped = Array(sealed[..<start])
        swapped += sealed[chunkRange(1)] + sealed[chunkRange(0)]
        swapped += sealed[chunkRange(2).lowerBound...]
        #expect(throws: ExportOpeningError.chunkRejected(number: 1, offset: start)) { try open(swapped, with: [alice]) }

        let cut = Array(sealed[..<chunkRange(3).upperBound])
        #expect(throws: ExportOpeningError.truncated(where: "after chunk 4, which is not the last")) { try open(cut, with: [alice]) }

        let cutMidChunk = Array(sealed[..<(chunkRange(2).lowerBound + 500)])
        #expect(throws: ExportOpeningError.lastChunkRejected(number: 3, offset: chunkRange(2).lowerBound)) { try open(cutMidChunk, with: [alice]) }

        let headerOnly = Array(sealed[..<30])
        #expect(throws: ExportOpeningError.truncated(where: "in the header")) { try open(headerOnly, with: [alice]) }

        // An exact multiple of the chunk size, then extra data after the final chunk.
        let even = try seal(payload(chunk * 2), to: [alice], chunkSize: chunk)
        #expect(throws: ExportOpeningError.dataAfterEnd(chunk: 2)) { try open(even + payload(chunk + 16), with: [alice]) }
    }

    /// Where recipient entry `index` starts in a version 2 header.
    func entryOffset(_ index: Int) -> Int {
        SealedExportFormat.fixedHeaderCount + SealedExportFormat.streamPublicKeyCount + index * SealedExportFormat.recipientEntryCount
    }

    @Test("the header commits to the stream key: an entry wrapping another stream key is refused for its recipient")
    func keyCommitment() throws {
        #expect(try seal(payload(10), to: [alice])[8] == 2, "files are written as format version 2")
        // A sealer of bad faith wraps one stream key for Alice and another for Bob, and seals the
        // stream to Alice's. Without the commitment Bob would open the stream with his own key
        // (with a ciphertext built for both keys, to other content than Alice sees).
        let suite = HPKE.Ciphersuite.Curve25519_SHA256_ChachaPoly
        let (streamKey, other) = (Curve25519.KeyAgreement.PrivateKey(), Curve25519.KeyAgreement.PrivateKey())
        var header = SealedExportFormat.magic + [2] + SealedExportFormat.suiteIDs + SealedExportFormat.uint32(1_024) + [2]
        header += Array(streamKey.publicKey.rawRepresentation)
        let beforeEntries = header
        for (recipient, wrapped) in [(alice, streamKey), (bob, other)] {
            let keyID = ExportSealer.keyIDBytes(recipient.publicKey)
            var wrap = try HPKE.Sender(recipientKey: recipient.publicKey.key, ciphersuite: suite, info: SealedExportFormat.wrapInfo)
            let sealedKey = try wrap.seal(wrapped.rawRepresentation, authenticating: beforeEntries + keyID)
            header += keyID + Array(wrap.encapsulatedKey) + Array(sealedKey)
        }
        var stream = try HPKE.Sender(
            recipientKey: streamKey.publicKey, ciphersuite: suite, info: ExportSealer.streamInfo(headerBeforeStreamKey: header))
        let bytes = payload(100)
        let sealedMetadata = try stream.seal(metadata(for: bytes).encoded(), authenticating: SealedExportFormat.metadataAAD)
        let forged = header + Array(stream.encapsulatedKey) + SealedExportFormat.uint32(sealedMetadata.count) + Array(sealedMetadata)
            + Array(try stream.seal(bytes, authenticating: SealedExportFormat.finalChunkAAD))
        #expect(try open(forged, with: [alice]) == bytes)
        #expect(throws: ExportOpeningError.keyCommitmentFailed(keyID: bob.keyID)) { try open(forged, with: [bob]) }
    }

    @Test("a low-order encapsulated key in a recipient entry or for the stream is refused as forged")
    func lowOrderEncapsulatedKeys() throws {
        let sealed = try seal(payload(2_000), to: [alice, bob])
        for point in LowOrderPoints.all {
            var entry = sealed
            let start = entryOffset(1) + SealedExportFormat.keyIDCount
            entry.replaceSubrange(start..<(start + 32), with: point)
            #expect(throws: ExportOpeningError.lowOrderKey(where: "in the entry for key id \(bob.keyID)")) { try open(entry, with: [bob]) }
            var stream = sealed
            stream.replaceSubrange(entryOffset(2)..<(entryOffset(2) + 32), with: point)
            #expect(throws: ExportOpeningError.lowOrderKey(where: "of the stream")) { try open(stream, with: [alice]) }
        }
    }

    @Test("a version 1 file, as castbot wrote it before key commitment, still opens")
    func versionOneOpens() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let key = try ExportSecretKey.keys(
            inFileText: String(contentsOf: folder.appendingPathComponent("version1.key"), encoding: .utf8))
        let sealed = Array(try Data(contentsOf: folder.appendingPathComponent("version1.json.enc")))
        #expect(sealed[8] == 1)
        var source = SealedBytes(sealed)
        var output: [UInt8] = []
        let opened = try ExportOpener.open(&source, keys: key) { output += $0 }
        #expect(opened.formatVersion == 1)
        #expect(String(decoding: output, as: UTF8.self) == #"{"version 1":"still opens"}"#)
        #expect(opened.metadata.exportSHA256 == SHA256.hash(data: output).map { String(format: "%02x", $0) }.joined())
    }

    @Test("control characters in the sealed file name are removed before anyone prints it")
    func printableFilename() throws {
        let hostile = "playerdata-export-1\u{1B}[2J\u{07}\r\u{202E}nosj.json\n"
        let bytes = payload(10)
        let sealer = try ExportSealer(recipients: [alice.publicKey], chunkSize: 1_024)
        var sealed: [UInt8] = []
        try sealer.seal(bytes, metadata: SealedExportMetadata(filename: hostile, content: .json, exportByteCount: 10, exportSHA256: "00")) {
            sealed += $0
        }
        var source = SealedBytes(sealed)
        let opened = try ExportOpener.open(&source, keys: [alice]) { _ in }
        #expect(opened.metadata.filename == "playerdata-export-1[2Jnosj.json")
    }

    @Test("bytes that are not a sealed export are named as such")
    func notSealed() {
        #expect(throws: ExportOpeningError.notSealed) { try open(Array("{\"a\":1}".utf8) + payload(100), with: [alice]) }
    }
}

@Suite("Export keys", .timeLimit(.minutes(1)))
struct ExportKeyTests {
    @Test("key file and public key text round trip; the key id is the public key's")
    func keyFile() throws {
        let key = ExportSecretKey.generate()
        let text = key.fileText(createdAt: Date(timeIntervalSince1970: 0))
        #expect(text.contains("# key id: \(key.keyID)"))
        #expect(text.contains("# public key: \(key.publicKey.text)"))
        let parsed = try ExportSecretKey.keys(inFileText: text)
        #expect(parsed.map(\.keyID) == [key.keyID])
        #expect(try ExportPublicKey(text: key.publicKey.text) == key.publicKey)
        #expect(key.keyID.count == 16)
        #expect(!String(describing: key).contains(ExportSecretKey.prefix))
    }

    @Test("bad key texts are refused without echoing them")
    func badKeys() throws {
        let key = ExportSecretKey.generate()
        let secretLine = try #require(key.fileText(createdAt: Date()).split(separator: "\n").last.map(String.init))
        #expect(throws: ExportKeyError.secretKeyWherePublicExpected) { try ExportPublicKey(text: secretLine) }
        #expect(throws: ExportKeyError.notAPublicKey) { try ExportPublicKey(text: "ssh-ed25519 AAAA") }
        #expect(throws: ExportKeyError.malformedKey(kind: "public")) { try ExportPublicKey(text: ExportPublicKey.prefix + "AAAA") }
        #expect(throws: ExportKeyError.publicKeyWhereSecretExpected(line: 1)) { try ExportSecretKey.keys(inFileText: key.publicKey.text) }
        #expect(throws: ExportKeyError.noSecretKey) { try ExportSecretKey.keys(inFileText: "# nothing\n") }
        #expect(throws: ExportKeyError.malformedKeyLine(2)) { try ExportSecretKey.keys(inFileText: "#\n\(ExportSecretKey.prefix)QUJD\n") }
    }

    @Test("a low-order X25519 point is refused as a public key, saying why")
    func lowOrderPublicKeys() {
        for point in LowOrderPoints.all {
            let text = ExportPublicKey.prefix + Data(point).base64EncodedString()
            #expect(throws: ExportKeyError.lowOrderPublicKey) { try ExportPublicKey(text: text) }
        }
        #expect(ExportKeyError.lowOrderPublicKey.description.contains("low-order X25519 point"))
        #expect(!LowOrderPoint.contains(ExportSecretKey.generate().publicKey.key.rawRepresentation))
    }
}

/// X25519 public values of small order (Bernstein's list, cr.yp.to/ecdh.html#validate): 0, 1, a
/// point of order 8, its negative, and p - 1.
enum LowOrderPoints {
    static let all: [[UInt8]] = [
        [UInt8](repeating: 0, count: 32),
        [1] + [UInt8](repeating: 0, count: 31),
        hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
        hex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
        hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
    ]

    static func hex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }
}
