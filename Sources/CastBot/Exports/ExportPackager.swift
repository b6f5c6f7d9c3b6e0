import PlayerData

/// Decides how an export goes to Discord (see `ExportAttachmentPlan`).
///
/// Up to the per-file limit the export goes as it is (with a warning from 80 % of the limit).
/// Over it, the export is gzipped; if the gzip is still over, it is cut into numbered parts small
/// enough that each request (one part per message) stays within the limit. The SHA-256 is always
/// of the uncompressed export, so one checksum covers all parts.
public struct ExportPackager: Sendable {
    public var limits: ExportUploadLimits

    public init(limits: ExportUploadLimits = ExportUploadLimits()) {
        self.limits = limits
    }

    public func plan(for artifact: ExportArtifact) throws(ExportPackagingError) -> ExportAttachmentPlan {
        try plan(filename: artifact.filename, bytes: artifact.bytes, sha256: artifact.sha256)
    }

    /// The same for raw bytes; `sha256` when already known (it is a pass over the bytes).
    public func plan(filename: String, bytes: [UInt8], sha256: String? = nil) throws(ExportPackagingError) -> ExportAttachmentPlan {
        let digest = sha256 ?? SHA256Hex.digest(bytes)
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

    /// `name.part1of3` …; part numbers are zero-padded so `part*` lists them in order.
    private func parts(of bytes: [UInt8], named name: String) -> [ExportAttachmentPlan.Upload] {
        let size = limits.partSize
        let count = (bytes.count + size - 1) / size
        let width = String(count).count
        return (0..<count).map { index in
            let start = index * size
            let number = String(index + 1)
            let padded = String(repeating: "0", count: width - number.count) + number
            return .init(
                filename: "\(name).part\(padded)of\(count)", contentType: "application/octet-stream",
                bytes: Array(bytes[start..<min(start + size, bytes.count)]), partNumber: index + 1)
        }
    }

    private func percent(_ bytes: Int) -> String {
        "\(Int((Double(bytes) / Double(limits.fileLimit) * 100).rounded(.down))) %"
    }
}
