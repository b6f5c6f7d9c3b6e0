import Foundation

/// The encrypted export file, version 2 (docs/EXPORT-ENCRYPTION.md has the full layout and the
/// reasoning). Integers are big-endian.
///
///     magic "CBEXPENC" | version 2 | KEM 0x0020 | KDF 0x0001 | AEAD 0x0003 | chunk size u32
///     | recipient count u8 | stream public key 32
///     | per recipient: key id 8, encapsulated key 32, wrapped stream key 48
///     | stream encapsulated key 32 | sealed metadata length u32 | sealed metadata | chunks…
///
/// Version 1 is the same without the stream public key; it is still read, without the key
/// commitment that field gives.
enum SealedExportFormat {
    static let magic: [UInt8] = Array("CBEXPENC".utf8)
    /// The version written.
    static let version: UInt8 = 2
    /// The versions read.
    static let readableVersions: ClosedRange<UInt8> = 1...2
    /// The first version whose header holds the stream public key (key commitment).
    static let committingVersion: UInt8 = 2
    /// RFC 9180 identifiers: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305.
    static let suiteIDs: [UInt8] = [0x00, 0x20, 0x00, 0x01, 0x00, 0x03]
    /// magic, version, suite, chunk size, recipient count.
    static let fixedHeaderCount = 8 + 1 + 6 + 4 + 1
    static let keyIDCount = 8
    static let streamPublicKeyCount = 32
    static let encapsulatedKeyCount = 32
    static let tagCount = 16
    /// The stream's X25519 private key (32 bytes), sealed: 32 + tag.
    static let wrappedKeyCount = 32 + tagCount
    static let recipientEntryCount = keyIDCount + encapsulatedKeyCount + wrappedKeyCount
    static let maxRecipients = 16
    static let chunkSizeRange = 1_024...16_777_216
    static let maxSealedMetadataCount = 65_536

    static let wrapInfo = Data("castbot-export-1 stream key wrap".utf8)
    static let streamInfoLabel = Data("castbot-export-1 stream".utf8)
    static let metadataAAD = Data("castbot-export-1 metadata".utf8)
    static let moreChunksAAD = Data([0])
    static let finalChunkAAD = Data([1])

    static func uint32(_ value: Int) -> [UInt8] {
        let value = UInt32(value)
        return [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
    }

    static func readUInt32<C: Collection<UInt8>>(_ bytes: C) -> Int where C.Index == Int {
        let start = bytes.startIndex
        return (0..<4).reduce(0) { value, offset in value << 8 | Int(bytes[start + offset]) }
    }

    /// Bytes of a sealed stream of `payloadCount` bytes in chunks of `chunkSize`: at least one
    /// (final) chunk, each carrying a tag.
    static func sealedChunksCount(payloadCount: Int, chunkSize: Int) -> Int {
        let chunks = max(1, (payloadCount + chunkSize - 1) / chunkSize)
        return payloadCount + chunks * tagCount
    }
}

/// What the sealed file says about its content, inside the ciphertext (sealed as the stream's
/// first message), so only a key holder learns the export's name and checksum.
package struct SealedExportMetadata: Sendable, Hashable, Codable {
    /// How the sealed payload is encoded.
    package enum Content: String, Sendable, Hashable, Codable {
        /// The export JSON itself.
        case json
        /// The export JSON gzipped (RFC 1952).
        case gzip
    }

    /// The export's own name (`playerdata-….json`), as sealed but with control characters
    /// removed (it is printed, and it came from inside a file).
    package var filename: String
    package var content: Content
    /// Size of the export JSON.
    package var exportByteCount: Int
    /// SHA-256 of the export JSON, lowercase hex: checked after decrypting (and gunzipping).
    package var exportSHA256: String

    package init(filename: String, content: Content, exportByteCount: Int, exportSHA256: String) {
        self.filename = filename
        self.content = content
        self.exportByteCount = exportByteCount
        self.exportSHA256 = exportSHA256
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            filename: Self.printable(try container.decode(String.self, forKey: .filename)),
            content: try container.decode(Content.self, forKey: .content),
            exportByteCount: try container.decode(Int.self, forKey: .exportByteCount),
            exportSHA256: Self.printable(try container.decode(String.self, forKey: .exportSHA256)))
    }

    /// `text` without control characters (C0, DEL, C1) and without the invisible characters that
    /// reorder or hide text on a terminal (bidirectional overrides and isolates).
    package static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            !(scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0x200E || scalar.value == 0x200F)
        }))
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Four plain fields of known types: encoding cannot fail.
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
