import Crypto
import Foundation

/// Where a sealed export is read from: a file, parts joined, or bytes in memory.
package protocol SealedExportSource {
    /// Up to `count` bytes; fewer only at the end of the input.
    mutating func read(upTo count: Int) throws -> [UInt8]
}

/// A sealed export held in memory.
package struct SealedBytes: SealedExportSource {
    private let bytes: [UInt8]
    private var offset = 0

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    package mutating func read(upTo count: Int) -> [UInt8] {
        let end = min(offset + count, bytes.count)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}

/// The clear part of a sealed export: who can open it.
package struct SealedExportHeader: Sendable {
    package let keyIDs: [String]
    /// The file format's version (1 or 2).
    package let formatVersion: Int
    let chunkSize: Int
    /// The header before the recipient entries (the fixed fields, and from version 2 the stream
    /// public key): authenticated with each wrapped stream key.
    let beforeEntries: [UInt8]
    /// Version 2: the stream public key the header commits to.
    let streamPublicKey: [UInt8]?
    let entries: [(keyID: [UInt8], encapsulatedKey: Data, wrappedKey: Data)]
    let headerBeforeStreamKey: [UInt8]
    let streamEncapsulatedKey: Data
    let sealedMetadataCount: Int
    /// Bytes of the header, up to the sealed metadata.
    var byteCount: Int { headerBeforeStreamKey.count + SealedExportFormat.encapsulatedKeyCount + 4 }
}

/// Opens sealed exports (see `ExportSealer`). Output is handed over chunk by chunk only after that
/// chunk authenticated; a caller that keeps it until `open` returns writes nothing for a file that
/// was altered, reordered, cut short or sealed to other keys.
package enum ExportOpener {
    /// Whether bytes start like a sealed export (its magic).
    package static func isSealed<C: Collection<UInt8>>(prefix bytes: C) -> Bool {
        bytes.starts(with: SealedExportFormat.magic)
    }

    package static let magicByteCount = SealedExportFormat.magic.count

    package static func readHeader<S: SealedExportSource>(from source: inout S) throws(ExportOpeningError) -> SealedExportHeader {
        let fixed = try read(&source, SealedExportFormat.fixedHeaderCount)
        guard fixed.count == SealedExportFormat.fixedHeaderCount, isSealed(prefix: fixed) else {
            throw isSealed(prefix: fixed) ? .truncated(where: "in the header") : .notSealed
        }
        let version = fixed[8]
        guard SealedExportFormat.readableVersions.contains(version) else { throw .unsupportedVersion(Int(version)) }
        guard Array(fixed[9..<15]) == SealedExportFormat.suiteIDs else { throw .unsupportedSuite }
        let chunkSize = SealedExportFormat.readUInt32(fixed[15..<19])
        guard SealedExportFormat.chunkSizeRange.contains(chunkSize) else { throw .damagedHeader("chunk size \(chunkSize) is out of range") }
        let count = Int(fixed[19])
        guard (1...SealedExportFormat.maxRecipients).contains(count) else { throw .damagedHeader("recipient count \(count) is out of range") }
        var streamPublicKey: [UInt8]?
        if version >= SealedExportFormat.committingVersion {
            let key = try read(&source, SealedExportFormat.streamPublicKeyCount)
            guard key.count == SealedExportFormat.streamPublicKeyCount else { throw .truncated(where: "in the header") }
            streamPublicKey = key
        }
        let beforeEntries = fixed + (streamPublicKey ?? [])
        let entryBytes = try read(&source, count * SealedExportFormat.recipientEntryCount)
        let tail = try read(&source, SealedExportFormat.encapsulatedKeyCount + 4)
        guard entryBytes.count == count * SealedExportFormat.recipientEntryCount, tail.count == SealedExportFormat.encapsulatedKeyCount + 4 else {
            throw .truncated(where: "in the header")
        }
        var entries: [(keyID: [UInt8], encapsulatedKey: Data, wrappedKey: Data)] = []
        for index in 0..<count {
            let start = index * SealedExportFormat.recipientEntryCount
            let keyEnd = start + SealedExportFormat.keyIDCount
            let encEnd = keyEnd + SealedExportFormat.encapsulatedKeyCount
            entries.append(
                (Array(entryBytes[start..<keyEnd]), Data(entryBytes[keyEnd..<encEnd]),
                 Data(entryBytes[encEnd..<(start + SealedExportFormat.recipientEntryCount)])))
        }
        let metadataCount = SealedExportFormat.readUInt32(tail[32..<36])
        guard (SealedExportFormat.tagCount...SealedExportFormat.maxSealedMetadataCount).contains(metadataCount) else {
            throw .damagedHeader("sealed metadata length \(metadataCount) is out of range")
        }
        let keyIDs = entries.map { ExportKeyID.hex($0.keyID) }
        for (entry, keyID) in zip(entries, keyIDs) where LowOrderPoint.contains(entry.encapsulatedKey) {
            throw .lowOrderKey(where: "in the entry for key id \(keyID)")
        }
        let streamEncapsulatedKey = Data(tail[0..<32])
        if LowOrderPoint.contains(streamEncapsulatedKey) { throw .lowOrderKey(where: "of the stream") }
        return SealedExportHeader(
            keyIDs: keyIDs, formatVersion: Int(version), chunkSize: chunkSize, beforeEntries: beforeEntries,
            streamPublicKey: streamPublicKey, entries: entries, headerBeforeStreamKey: beforeEntries + entryBytes,
            streamEncapsulatedKey: streamEncapsulatedKey, sealedMetadataCount: metadataCount)
    }

    /// What opening found besides the payload.
    package struct Opened: Sendable {
        package let metadata: SealedExportMetadata
        /// Key ids the export was sealed to.
        package let recipients: [String]
        /// The key id that opened it.
        package let openedWith: String
        /// The file format's version: 1 was opened without key commitment.
        package let formatVersion: Int
    }

    /// Opens a sealed export with whichever of `keys` it was sealed to, handing each authenticated
    /// chunk of the payload to `write` in order.
    @discardableResult
    package static func open<S: SealedExportSource>(
        _ source: inout S, keys: [ExportSecretKey], write: (Data) throws -> Void
    ) throws(ExportOpeningError) -> Opened {
        let header = try readHeader(from: &source)
        let (recipient, keyID) = try streamRecipient(header, keys: keys)
        var stream = recipient

        let sealedMetadata = try read(&source, header.sealedMetadataCount)
        guard sealedMetadata.count == header.sealedMetadataCount else { throw .truncated(where: "in the sealed metadata") }
        let metadata: SealedExportMetadata
        do {
            let opened = try stream.open(sealedMetadata, authenticating: SealedExportFormat.metadataAAD)
            metadata = try JSONDecoder().decode(SealedExportMetadata.self, from: opened)
        } catch {
            throw .damagedHeader("the header or the sealed metadata failed authentication")
        }

        let sealedChunkCount = header.chunkSize + SealedExportFormat.tagCount
        var offset = header.byteCount + header.sealedMetadataCount
        var current = try read(&source, sealedChunkCount)
        var number = 1
        while true {
            // The chunk followed by nothing is the last one; reading one ahead tells.
            var next: [UInt8] = []
            if current.count == sealedChunkCount { next = try read(&source, sealedChunkCount) }
            let isFinal = next.isEmpty
            if current.count < SealedExportFormat.tagCount {
                throw .truncated(where: number == 1 ? "before the first chunk" : "after chunk \(number - 1)")
            }
            let plain: Data
            do {
                plain = try stream.open(current, authenticating: isFinal ? SealedExportFormat.finalChunkAAD : SealedExportFormat.moreChunksAAD)
            } catch {
                throw diagnose(current, number: number, offset: offset, isFinal: isFinal, isShort: current.count < sealedChunkCount, stream: stream)
            }
            do {
                try write(plain)
            } catch {
                throw .outputFailed(String(describing: error))
            }
            if isFinal { return Opened(metadata: metadata, recipients: header.keyIDs, openedWith: keyID, formatVersion: header.formatVersion) }
            offset += current.count
            current = next
            number += 1
        }
    }

    private static func streamRecipient(
        _ header: SealedExportHeader, keys: [ExportSecretKey]
    ) throws(ExportOpeningError) -> (HPKE.Recipient, String) {
        guard !keys.isEmpty else { throw .keyNeeded(recipients: header.keyIDs) }
        let suite = HPKE.Ciphersuite.Curve25519_SHA256_ChachaPoly
        for key in keys {
            let keyID = ExportSealer.keyIDBytes(key.publicKey)
            guard let entry = header.entries.first(where: { $0.keyID == keyID }) else { continue }
            let streamKey: Curve25519.KeyAgreement.PrivateKey
            do {
                var unwrap = try HPKE.Recipient(
                    privateKey: key.key, ciphersuite: suite, info: SealedExportFormat.wrapInfo, encapsulatedKey: entry.encapsulatedKey)
                let raw = try unwrap.open(entry.wrappedKey, authenticating: header.beforeEntries + keyID)
                streamKey = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
            } catch {
                throw .keyRejected(keyID: key.keyID)
            }
            if let committed = header.streamPublicKey, Array(streamKey.publicKey.rawRepresentation) != committed {
                throw .keyCommitmentFailed(keyID: key.keyID)
            }
            do {
                let stream = try HPKE.Recipient(
                    privateKey: streamKey, ciphersuite: suite,
                    info: ExportSealer.streamInfo(headerBeforeStreamKey: header.headerBeforeStreamKey),
                    encapsulatedKey: header.streamEncapsulatedKey)
                return (stream, key.keyID)
            } catch {
                throw .damagedHeader("the stream key in the header is not valid")
            }
        }
        throw .notARecipient(given: keys.map(\.keyID), recipients: header.keyIDs)
    }

    /// Words a chunk that failed to open: one that opens as the other kind (final or not) tells a
    /// file cut short or one with data after its end from plain tampering.
    private static func diagnose(
        _ sealed: [UInt8], number: Int, offset: Int, isFinal: Bool, isShort: Bool, stream: HPKE.Recipient
    ) -> ExportOpeningError {
        var probe = stream
        let otherAAD = isFinal ? SealedExportFormat.moreChunksAAD : SealedExportFormat.finalChunkAAD
        if (try? probe.open(sealed, authenticating: otherAAD)) != nil {
            return isFinal ? .truncated(where: "after chunk \(number), which is not the last") : .dataAfterEnd(chunk: number)
        }
        // A last chunk shorter than a full one is either the real end, altered, or a full chunk cut off.
        return isShort ? .lastChunkRejected(number: number, offset: offset) : .chunkRejected(number: number, offset: offset)
    }

    private static func read<S: SealedExportSource>(_ source: inout S, _ count: Int) throws(ExportOpeningError) -> [UInt8] {
        do {
            return try source.read(upTo: count)
        } catch {
            throw .unreadable(String(describing: error))
        }
    }
}

/// Why a sealed export could not be opened. Nothing derived from the payload or a key is quoted.
package enum ExportOpeningError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    case notSealed
    case unsupportedVersion(Int)
    case unsupportedSuite
    case damagedHeader(String)
    case keyNeeded(recipients: [String])
    case notARecipient(given: [String], recipients: [String])
    case keyRejected(keyID: String)
    case keyCommitmentFailed(keyID: String)
    case lowOrderKey(where: String)
    case truncated(where: String)
    case dataAfterEnd(chunk: Int)
    case chunkRejected(number: Int, offset: Int)
    case lastChunkRejected(number: Int, offset: Int)
    case unreadable(String)
    case outputFailed(String)

    package var description: String {
        switch self {
        case .notSealed: "not an encrypted CastBot export (it does not start with the CBEXPENC header)"
        case .unsupportedVersion(let version):
            "encrypted with format version \(version); this castbot reads versions "
                + "\(SealedExportFormat.readableVersions.lowerBound)–\(SealedExportFormat.readableVersions.upperBound) (use a newer castbot)"
        case .unsupportedSuite: "encrypted with an HPKE suite other than X25519 / HKDF-SHA256 / ChaCha20-Poly1305"
        case .damagedHeader(let reason): "the encrypted export's header is damaged or was altered: \(reason)"
        case .keyNeeded(let recipients):
            "the export is encrypted for key id(s) \(recipients.joined(separator: ", ")); give --key with the matching secret key file"
        case .notARecipient(let given, let recipients):
            "wrong key: the export is encrypted for key id(s) \(recipients.joined(separator: ", ")), "
                + "the key file holds key id(s) \(given.joined(separator: ", "))"
        case .keyRejected(let keyID):
            "the header entry for key id \(keyID) failed authentication: the file was altered, or the key file is not the one with this id"
        case .keyCommitmentFailed(let keyID):
            "the header entry for key id \(keyID) holds a stream key other than the one the header commits to: "
                + "the file was made to open differently for different keys, and is refused"
        case .lowOrderKey(let place):
            "the encrypted export's header was forged: the encapsulated key \(place) is a low-order X25519 point "
                + "(its shared secret is all zero), which no castbot writes"
        case .truncated(let place):
            "the encrypted export is cut short \(place): a part or the end of the file is missing"
        case .dataAfterEnd(let chunk):
            "the encrypted export goes on after its final chunk (\(chunk)): extra bytes or a part of another export were appended"
        case .chunkRejected(let number, let offset):
            "chunk \(number) (at byte \(offset)) failed authentication: the file was altered, or its chunks or parts are out of order or missing"
        case .lastChunkRejected(let number, let offset):
            "the last chunk (\(number), at byte \(offset)) failed authentication: the file was cut short (a part or its end missing) or altered"
        case .unreadable(let reason): "the encrypted export cannot be read: \(reason)"
        case .outputFailed(let reason): "the decrypted export cannot be kept: \(reason)"
        }
    }

    package var errorDescription: String? { description }
}
