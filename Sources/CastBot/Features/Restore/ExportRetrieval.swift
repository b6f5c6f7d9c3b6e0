import DiscordModels
import DiscordREST
import ExportEncryption
import ExportFormat
import Foundation
import PlayerData

/// How much a restore downloads and unpacks at most.
struct RestoreLimits: Sendable {
    /// One attachment: Discord's largest upload (boosted servers allow 100 MiB).
    var maxAttachmentBytes = 100 * 1024 * 1024
    /// The export once joined and un-gzipped (`GunzipLimits.maxExportBytes`).
    var maxExportBytes = GunzipLimits.maxExportBytes
    /// How far the gzip may expand (size and ratio); the size is `maxExportBytes`.
    var gunzip: GunzipLimits { GunzipLimits(maxBytes: maxExportBytes) }
}

/// An export downloaded, joined, unpacked and checked against the checksum its message states.
struct RetrievedExport: Sendable {
    let export: PostedExport
    /// The export's JSON, exactly as it was exported.
    let bytes: [UInt8]
    let sha256: String
    /// What was downloaded (the gzip or its parts when the export travelled gzipped).
    let downloadedByteCount: Int
    /// For an encrypted export, which key opened it ("decrypted with key id …").
    var decryptedWith: String? = nil
}

/// Downloads an export's files from Discord's CDN and rebuilds the export.
///
/// Attachment URLs carry an expiry (`ex`); a file whose link was refused is fetched again
/// through the message, which hands out freshly signed URLs, and downloaded once more.
struct ExportRetriever: Sendable {
    let discord: any DiscordClient
    let limits: RestoreLimits
    /// Secret keys for encrypted exports (`--key`); none for plain ones.
    let keys: [ExportSecretKey]

    func retrieve(_ export: PostedExport) async throws(RestoreError) -> RetrievedExport {
        // Whoever expects a sealed export gets one or nothing.
        if !keys.isEmpty && !export.name.encrypted { throw .notEncrypted(name: export.name.joinedName) }
        var joined: [UInt8] = []
        for file in export.files {
            let bytes = try await download(file)
            guard joined.count + bytes.count <= limits.maxExportBytes else {
                throw .tooLarge(name: export.name.joinedName, limit: limits.maxExportBytes)
            }
            joined += bytes
        }
        let downloaded = joined.count
        let name = export.name
        if name.encrypted {
            return try await open(joined, export: export)
        }
        let gunzipLimits = limits.gunzip
        let unpacked: [UInt8]
        if name.gzipped {
            let packed = joined
            joined = []
            unpacked = try await BlockingIO.run { () throws(RestoreError) in try Self.gunzip(packed, name: name.joinedName, limits: gunzipLimits) }
        } else {
            unpacked = joined
        }
        let digest = await BlockingIO.run { SHA256Hex.digest(unpacked) }
        guard let stated = export.statedSHA256 else { throw .noStatedChecksum(name: name.joinedName) }
        guard stated == digest else { throw .checksumMismatch(name: name.exportName, stated: stated, actual: digest) }
        return RetrievedExport(export: export, bytes: unpacked, sha256: digest, downloadedByteCount: downloaded)
    }

    /// An encrypted export: the message states the SHA-256 of the encrypted file (what was sent),
    /// checked first; opening it checks every chunk and the plaintext's SHA-256 sealed inside.
    private func open(_ sealed: [UInt8], export: PostedExport) async throws(RestoreError) -> RetrievedExport {
        let name = export.name.joinedName
        guard !keys.isEmpty else { throw .encrypted(name: name) }
        let digest = await BlockingIO.run { SHA256Hex.digest(sealed) }
        if let stated = export.statedSHA256, stated != digest {
            throw .checksumMismatch(name: name, stated: stated, actual: digest)
        }
        let keys = keys
        let gunzipLimits = limits.gunzip
        let decoded: DecodedExportFile
        do {
            decoded = try await BlockingIO.run { () throws(ExportFileError) in
                try ExportFileDecoder.decode(joined: sealed, keys: keys, limits: gunzipLimits)
            }
        } catch {
            throw .undecryptable(name: name, error)
        }
        let json = decoded.json
        // Opening checked the JSON against the checksum sealed inside; no second pass over it.
        let sha256: String
        if let verified = decoded.verifiedSHA256 { sha256 = verified } else { sha256 = await BlockingIO.run { SHA256Hex.digest(json) } }
        return RetrievedExport(
            export: export, bytes: json, sha256: sha256, downloadedByteCount: sealed.count,
            decryptedWith: decoded.steps.first { $0.hasPrefix("decrypted with") })
    }

    private func download(_ file: PostedExport.File) async throws(RestoreError) -> [UInt8] {
        if let size = file.attachment.size, size > limits.maxAttachmentBytes {
            throw .tooLarge(name: file.attachment.filename, limit: limits.maxAttachmentBytes)
        }
        do {
            return try await fetch(file.attachment)
        } catch let error as DiscordHTTPError where Self.linkRefused(error) {
            // Expired or stale link: the message itself hands out a fresh one.
            let fresh: Message
            do {
                fresh = try await discord.getMessage(channelID: file.message.channelID, messageID: file.message.id)
            } catch {
                throw .attachmentUnavailable(name: file.attachment.filename, reason: "its link was refused (\(error)) and the message could not be read again: \(error)")
            }
            guard let attachment = fresh.attachments?.first(where: { $0.filename == file.attachment.filename }) else {
                throw .attachmentUnavailable(name: file.attachment.filename, reason: "the message no longer carries it")
            }
            do {
                return try await fetch(attachment)
            } catch {
                throw .attachmentUnavailable(name: file.attachment.filename, reason: "its link was refused even after fetching the message again: \(error)")
            }
        } catch let error as DiscordHTTPError {
            if case .responseTooLarge(let limit) = error.kind { throw .tooLarge(name: file.attachment.filename, limit: limit) }
            throw .attachmentUnavailable(name: file.attachment.filename, reason: error.description)
        } catch {
            throw .interrupted(String(describing: error))
        }
    }

    private func fetch(_ attachment: Attachment) async throws -> [UInt8] {
        let data = try await discord.downloadAttachment(attachment, maxBytes: limits.maxAttachmentBytes)
        if let size = attachment.size, size != data.count {
            throw DiscordHTTPError(
                kind: .invalidResponse("\(data.count) bytes arrived, the message says \(size)"), route: "GET (attachment \(attachment.id))")
        }
        return Array(data)
    }

    /// What Discord's CDN answers for a link that expired or whose signature no longer holds.
    private static func linkRefused(_ error: DiscordHTTPError) -> Bool {
        guard case .httpStatus = error.kind, let status = error.status else { return false }
        return status == 403 || status == 404 || status == 410
    }

    static func gunzip(_ bytes: [UInt8], name: String, limits: GunzipLimits) throws(RestoreError) -> [UInt8] {
        do throws(GunzipError) {
            return try Gzip.decompress(bytes, limits: limits)
        } catch .tooLarge(let limit) {
            throw .tooLarge(name: name, limit: limit)
        } catch {
            throw .gunzipRefused(name: name, error)
        }
    }
}
