import ExportEncryption
import PlayerData

extension ExportPackager {
    /// An encrypted export: the JSON sealed as it is when that fits one upload, else gzipped
    /// first; the sealed file goes straight into its upload parts, so it is never held twice.
    func sealedPlan(filename: String, bytes: [UInt8], sha256: String, sealer: ExportSealer) throws(ExportPackagingError) -> ExportAttachmentPlan {
        let size = bytes.count
        var metadata = SealedExportMetadata(filename: filename, content: .json, exportByteCount: size, exportSHA256: sha256)
        var gzipped: [UInt8]?
        if sealer.sealedByteCount(payloadByteCount: size, metadata: metadata) > limits.fileLimit {
            gzipped = try Gzip.compress(bytes)
            metadata.content = .gzip
        }
        let payload = gzipped ?? bytes
        let sealedCount = sealer.sealedByteCount(payloadByteCount: payload.count, metadata: metadata)
        let sealedName = filename + (gzipped == nil ? ".enc" : ".gz.enc")
        var writer = SealedPartWriter(total: sealedCount, partSize: sealedCount <= limits.fileLimit ? sealedCount : limits.partSize)
        do throws(ExportSealingError) {
            try sealer.seal(payload, metadata: metadata) { writer.append($0) }
        } catch {
            throw .encryptionFailed(error.description)
        }
        let (partBytes, sealedSHA256) = writer.finish()
        let uploads: [ExportAttachmentPlan.Upload] =
            partBytes.count == 1
            ? [.init(filename: sealedName, contentType: "application/octet-stream", bytes: partBytes[0])]
            : partBytes.enumerated().map { index, part in
                .init(
                    filename: ExportFileName.part(sealedName, index + 1, of: partBytes.count), contentType: "application/octet-stream",
                    bytes: part, partNumber: index + 1)
            }

        var warnings: [String] = []
        let encoding: ExportAttachmentPlan.Encoding
        let sealedSize = ByteSizeText.describe(sealedCount)
        let fileArguments: String
        if uploads.count > 1 {
            encoding = .gzipParts(count: uploads.count)
            fileArguments = "\(sealedName).part*of\(uploads.count)"
            warnings.append(
                "⚠️ **Size warning**: this export is \(ByteSizeText.describe(size)), gzipped and encrypted \(sealedSize), over Discord's "
                    + "\(ByteSizeText.describe(limits.fileLimit)) upload limit, so it is sent in \(uploads.count) parts, one per message.")
        } else {
            encoding = gzipped == nil ? .plain : .gzip
            fileArguments = sealedName
            if sealedCount >= limits.warningThreshold {
                warnings.append(
                    "⚠️ **Size warning**: this export is \(sealedSize) encrypted\(gzipped == nil ? "" : " and gzipped"), \(percent(sealedCount)) of "
                        + "Discord's \(ByteSizeText.describe(limits.fileLimit)) upload limit. Larger exports are split into parts.")
            }
        }
        return ExportAttachmentPlan(
            exportFilename: filename, exportByteCount: size, sha256: sha256, encoding: encoding, compressedByteCount: gzipped?.count,
            uploads: uploads, warnings: warnings,
            restoreInstructions: "`castbot decrypt --key YOUR-SECRET-KEY-FILE \(fileArguments) --out \(filename)`",
            encryption: .init(keyIDs: sealer.keyIDs, sealedFilename: sealedName, sealedByteCount: sealedCount, sealedSHA256: sealedSHA256))
    }
}
