import Crypto
import Foundation

/// Seals an export to one or more recipients (HPKE, RFC 9180, base mode with
/// DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and ChaCha20-Poly1305).
///
/// A fresh X25519 "stream key" pair is made for every export. The payload is sealed with one HPKE
/// sender context to the stream public key: the metadata first, then fixed-size chunks, the last
/// one marked in its associated data. The stream private key is sealed to each recipient with its
/// own single-shot HPKE context. So every recipient opens the same stream, HPKE's own sequence
/// numbers order the chunks, and no nonce or key derivation is written by hand. The header carries
/// the stream public key, bound into every wrap and the stream's `info`: a recipient accepts only
/// the stream private key that belongs to it, so one file cannot open to different content for
/// different recipients (key commitment, format version 2).
package struct ExportSealer: Sendable {
    package static let defaultChunkSize = 65_536

    package let recipients: [ExportPublicKey]
    package let chunkSize: Int

    package init(recipients: [ExportPublicKey], chunkSize: Int = Self.defaultChunkSize) throws(ExportSealingError) {
        var unique: [ExportPublicKey] = []
        for recipient in recipients where !unique.contains(recipient) { unique.append(recipient) }
        guard !unique.isEmpty else { throw .noRecipients }
        guard unique.count <= SealedExportFormat.maxRecipients else { throw .tooManyRecipients(unique.count) }
        guard SealedExportFormat.chunkSizeRange.contains(chunkSize) else { throw .chunkSizeOutOfRange(chunkSize) }
        self.recipients = unique
        self.chunkSize = chunkSize
    }

    package var keyIDs: [String] { recipients.map(\.keyID) }

    /// The exact size `seal` produces for this payload size and metadata.
    package func sealedByteCount(payloadByteCount: Int, metadata: SealedExportMetadata) -> Int {
        SealedExportFormat.fixedHeaderCount + SealedExportFormat.streamPublicKeyCount
            + recipients.count * SealedExportFormat.recipientEntryCount
            + SealedExportFormat.encapsulatedKeyCount + 4 + metadata.encoded().count + SealedExportFormat.tagCount
            + SealedExportFormat.sealedChunksCount(payloadCount: payloadByteCount, chunkSize: chunkSize)
    }

    /// Seals `payload` and hands the sealed file to `write` piece by piece, in order (the header,
    /// then each chunk), so the caller can place it without a second whole copy.
    package func seal(
        _ payload: [UInt8], metadata: SealedExportMetadata, to write: (UnsafeRawBufferPointer) -> Void
    ) throws(ExportSealingError) {
        do {
            let suite = HPKE.Ciphersuite.Curve25519_SHA256_ChachaPoly
            let streamKey = Curve25519.KeyAgreement.PrivateKey()
            var header = SealedExportFormat.magic + [SealedExportFormat.version] + SealedExportFormat.suiteIDs
            header += SealedExportFormat.uint32(chunkSize) + [UInt8(recipients.count)]
            header += Array(streamKey.publicKey.rawRepresentation)
            let beforeEntries = header
            for recipient in recipients {
                let keyID = Self.keyIDBytes(recipient)
                var wrap = try HPKE.Sender(recipientKey: recipient.key, ciphersuite: suite, info: SealedExportFormat.wrapInfo)
                let wrapped = try wrap.seal(streamKey.rawRepresentation, authenticating: beforeEntries + keyID)
                header += keyID + Array(wrap.encapsulatedKey) + Array(wrapped)
            }
            var stream = try HPKE.Sender(
                recipientKey: streamKey.publicKey, ciphersuite: suite, info: Self.streamInfo(headerBeforeStreamKey: header))
            header += Array(stream.encapsulatedKey)
            let sealedMetadata = try stream.seal(metadata.encoded(), authenticating: SealedExportFormat.metadataAAD)
            header += SealedExportFormat.uint32(sealedMetadata.count)
            header.withUnsafeBytes(write)
            sealedMetadata.withUnsafeBytes(write)

            var start = 0
            repeat {
                let end = min(start + chunkSize, payload.count)
                let isFinal = end == payload.count
                let sealed = try stream.seal(
                    payload[start..<end], authenticating: isFinal ? SealedExportFormat.finalChunkAAD : SealedExportFormat.moreChunksAAD)
                sealed.withUnsafeBytes(write)
                start = end
                if isFinal { break }
            } while true
        } catch let error as ExportSealingError {
            throw error
        } catch {
            throw .cryptoFailed(String(describing: error))
        }
    }

    /// The stream context's HPKE `info`: a label and the SHA-256 of the header so far, so changing
    /// any header byte (chunk size, a recipient entry) makes the stream fail to open.
    static func streamInfo(headerBeforeStreamKey header: [UInt8]) -> Data {
        SealedExportFormat.streamInfoLabel + Data(SHA256.hash(data: header))
    }

    static func keyIDBytes(_ key: ExportPublicKey) -> [UInt8] {
        Array(SHA256.hash(data: key.key.rawRepresentation).prefix(SealedExportFormat.keyIDCount))
    }
}

/// Why an export could not be sealed.
package enum ExportSealingError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    case noRecipients
    case tooManyRecipients(Int)
    case chunkSizeOutOfRange(Int)
    case cryptoFailed(String)

    package var description: String {
        switch self {
        case .noRecipients: "no recipient public keys are configured"
        case .tooManyRecipients(let count): "\(count) recipients; at most \(SealedExportFormat.maxRecipients) are allowed"
        case .chunkSizeOutOfRange(let size):
            "chunk size \(size) is outside \(SealedExportFormat.chunkSizeRange.lowerBound)–\(SealedExportFormat.chunkSizeRange.upperBound) bytes"
        case .cryptoFailed(let reason): "encryption failed: \(reason)"
        }
    }

    package var errorDescription: String? { description }
}
