import ExportEncryption
import Foundation
import PlayerData

/// Decides how an export goes to Discord (see `ExportAttachmentPlan`).
///
/// Up to the per-file limit the export goes as it is (with a warning from 80 % of the limit).
/// Over it, the export is gzipped; if the gzip is still over, it is cut into numbered parts small
/// enough that each request (one part per message) stays within the limit. The SHA-256 is always
/// of the uncompressed export, so one checksum covers all parts.
///
/// With a `sealer` (`CASTBOT_EXPORT_RECIPIENTS`) every export is encrypted (docs/EXPORT-ENCRYPTION.md): gzipped
/// first when the sealed JSON would not fit, sealed, and the sealed file split into parts as above.
package struct ExportPackager: Sendable {
    package var limits: ExportUploadLimits
    /// Seals every export to the configured recipients; nil sends exports readable.
    package var sealer: ExportSealer?

    package init(limits: ExportUploadLimits = ExportUploadLimits(), sealer: ExportSealer? = nil) {
        self.limits = limits
        self.sealer = sealer
    }

    package func plan(for artifact: ExportArtifact) throws(ExportPackagingError) -> ExportAttachmentPlan {
        try plan(filename: artifact.filename, bytes: artifact.bytes, sha256: artifact.sha256)
    }

    /// `plan(for:)` on the blocking-I/O threads: hashing and gzip of a large export take
    /// seconds of CPU that must not hold one of the cooperative pool's few threads.
    package func planOffCooperativePool(for artifact: ExportArtifact) async throws(ExportPackagingError) -> ExportAttachmentPlan {
        let packager = self
        return try await BlockingIO.run { () throws(ExportPackagingError) in try packager.plan(for: artifact) }
    }

    /// The same for raw bytes; `sha256` when already known (it is a pass over the bytes).
    package func plan(filename: String, bytes: [UInt8], sha256: String? = nil) throws(ExportPackagingError) -> ExportAttachmentPlan {
        let digest = sha256 ?? SHA256Hex.digest(bytes)
        if let sealer {
            return try sealedPlan(filename: filename, bytes: bytes, sha256: digest, sealer: sealer)
        }
        let size = bytes.count
        if size <= limits.fileLimit {
            var warnings: [String] = []
            if size >= limits.warningThreshold {
                warnings.append(
                    "⚠️ **Size warning**: this export is \(ByteSizeText.describe(size)), \(percent(size)) of Discord's "
                        + "\(ByteSizeText.describe(limits.fileLimit)) upload limit. Larger exports are sent gzipped.")
            }
            return ExportAttachmentPlan(
                exportFilename: filename, exportByteCount: size, sha256: digest, encoding: .plain, compressedByteCount: nil,
                uploads: [.init(filename: filename, contentType: "application/json", bytes: bytes)],
                warnings: warnings, restoreInstructions: nil)
        }

        let gzipped = try Gzip.compress(bytes)
        let gzipName = filename + ".gz"
        let overLimit =
            "⚠️ **Size warning**: this export is \(ByteSizeText.describe(size)), over Discord's "
            + "\(ByteSizeText.describe(limits.fileLimit)) upload limit, so it is sent gzipped (\(ByteSizeText.describe(gzipped.count)))"
        if gzipped.count <= limits.fileLimit {
            var warnings = [overLimit + "."]
            if gzipped.count >= limits.warningThreshold {
                warnings.append(
                    "⚠️ Even gzipped it is \(percent(gzipped.count)) of the limit; a larger export will be split into parts.")
            }
            return ExportAttachmentPlan(
                exportFilename: filename, exportByteCount: size, sha256: digest, encoding: .gzip,
                compressedByteCount: gzipped.count,
                uploads: [.init(filename: gzipName, contentType: "application/gzip", bytes: gzipped)],
                warnings: warnings, restoreInstructions: "`gunzip \(gzipName)`")
        }

        let uploads = parts(of: gzipped, named: gzipName)
        return ExportAttachmentPlan(
            exportFilename: filename, exportByteCount: size, sha256: digest, encoding: .gzipParts(count: uploads.count),
            compressedByteCount: gzipped.count, uploads: uploads,
            warnings: [overLimit + " in \(uploads.count) parts, one per message."],
            restoreInstructions: "`cat \(gzipName).part*of\(uploads.count) > \(gzipName) && gunzip \(gzipName)`")
    }

    /// `bytes` cut into uploads of at most the part size (`ExportParts.split`).
    private func parts(of bytes: [UInt8], named name: String) -> [ExportAttachmentPlan.Upload] {
        ExportParts.split(bytes, partSize: limits.partSize, named: name).map { part in
            .init(filename: part.filename, contentType: "application/octet-stream", bytes: part.bytes, partNumber: part.number)
        }
    }

    package func percent(_ bytes: Int) -> String {
        "\(Int((Double(bytes) / Double(limits.fileLimit) * 100).rounded(.down))) %"
    }
}

/// Why an export could not be prepared for upload.
package enum ExportPackagingError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Gzip failed (out of memory or a compressor error).
    case compressionFailed(String)
    /// Sealing to the configured recipients failed.
    case encryptionFailed(String)

    package var description: String {
        switch self {
        case .compressionFailed(let reason): "The export could not be gzipped: \(reason)"
        case .encryptionFailed(let reason): "The export could not be encrypted: \(reason)"
        }
    }

    package var errorDescription: String? { description }
}

/// How one export travels to Discord: as it is, gzipped, or gzipped in numbered parts; with the
/// checksum of the whole export and the warnings the message must carry.
///
/// Made by `ExportPackager`; used by scheduled exports and by manual exports alike.
package struct ExportAttachmentPlan: Sendable {
    package enum Encoding: Sendable, Hashable {
        /// The export file itself (`.json`, application/json).
        case plain
        /// Gzipped (`.json.gz`, application/gzip).
        case gzip
        /// Gzipped and split into this many parts (`.json.gz.part1of3` …), one per message.
        case gzipParts(count: Int)
    }

    /// One file to upload.
    package struct Upload: Sendable, Hashable {
        package var filename: String
        package var contentType: String
        package var bytes: [UInt8]
        /// 1-based part number for split exports.
        package var partNumber: Int?

        package init(filename: String, contentType: String, bytes: [UInt8], partNumber: Int? = nil) {
            self.filename = filename
            self.contentType = contentType
            self.bytes = bytes
            self.partNumber = partNumber
        }
    }

    /// The export's own name (`playerdata-scheduled-….json`).
    package var exportFilename: String
    /// Size of the export itself, uncompressed.
    package var exportByteCount: Int
    /// SHA-256 of the uncompressed export, lowercase hex: the one checksum for all parts.
    package var sha256: String
    package var encoding: Encoding
    /// Size after gzip, when compressed.
    package var compressedByteCount: Int?
    /// In upload order; for split exports one per message.
    package var uploads: [Upload]
    /// Lines for the message, each starting with ⚠️ (size near or over the limit).
    package var warnings: [String]
    /// How to get the export back from the uploads (gunzip, cat then gunzip, or castbot decrypt); nil for plain.
    package var restoreInstructions: String?
    /// Set when the uploads are the export sealed to the configured recipients (docs/EXPORT-ENCRYPTION.md).
    package var encryption: Encryption?

    /// What an encrypted export's messages tell: whose keys open it and what the sealed file is.
    package struct Encryption: Sendable, Hashable {
        package var keyIDs: [String]
        /// `playerdata-….json.enc` or `….json.gz.enc`: the uploads joined in order.
        package var sealedFilename: String
        package var sealedByteCount: Int
        /// SHA-256 of the sealed file (all uploads joined), lowercase hex.
        package var sealedSHA256: String
    }

    /// The checksum messages show and the delivery record keeps: the export's, or for an encrypted
    /// export the sealed file's. The plaintext's checksum stays inside the ciphertext, since
    /// anyone reading the channel could otherwise confirm a guess of the content.
    package var publishedSHA256: String { encryption?.sealedSHA256 ?? sha256 }
    /// The file `publishedSHA256` is of (once the parts are joined, and for plain exports, gunzipped).
    package var publishedFilename: String { encryption?.sealedFilename ?? exportFilename }

    package init(
        exportFilename: String, exportByteCount: Int, sha256: String, encoding: Encoding, compressedByteCount: Int?,
        uploads: [Upload], warnings: [String], restoreInstructions: String?, encryption: Encryption? = nil
    ) {
        self.exportFilename = exportFilename
        self.exportByteCount = exportByteCount
        self.sha256 = sha256
        self.encoding = encoding
        self.compressedByteCount = compressedByteCount
        self.uploads = uploads
        self.warnings = warnings
        self.restoreInstructions = restoreInstructions
        self.encryption = encryption
    }

    /// Bytes uploaded in all.
    package var uploadByteCount: Int { uploads.reduce(0) { $0 + $1.bytes.count } }
}

/// Discord's upload limits as the export packager applies them.
package struct ExportUploadLimits: Sendable, Hashable {
    /// Discord's per-file limit without boosts: 10 MiB.
    package static let discordFileLimit = 10_485_760

    /// Largest single file; bigger exports are gzipped, then split.
    package var fileLimit: Int
    /// Room kept in each request for `payload_json` and the multipart headers, so a request
    /// carrying one part stays within `fileLimit` in total.
    package var requestReserve: Int
    /// Share of `fileLimit` from which a message carries a size warning.
    package var warningFraction: Double

    package init(fileLimit: Int = Self.discordFileLimit, requestReserve: Int = 65_536, warningFraction: Double = 0.8) {
        self.fileLimit = max(1, fileLimit)
        self.requestReserve = min(max(0, requestReserve), self.fileLimit / 2)
        self.warningFraction = min(max(0, warningFraction), 1)
    }

    /// Bytes in each numbered part of a split export.
    package var partSize: Int { fileLimit - requestReserve }

    /// Sizes from here on get the 80 % warning.
    package var warningThreshold: Int { Int((Double(fileLimit) * warningFraction).rounded(.up)) }
}
