import DiscordModels
import DiscordREST
import ExportFormat
import Foundation
import Logging
import PlayerData

/// One uploaded file as it was sent: name, size and SHA-256 of the bytes sent.
struct SentFileDigest: Sendable, Equatable {
    var filename: String
    var byteCount: Int
    var sha256: String
}

extension ExportAttachmentPlan {
    /// The SHA-256 of each upload as sent, in upload order. A plain, unencrypted export's upload
    /// is the export itself, whose digest the plan already holds; one sealed upload is the sealed
    /// file, whose digest the plan holds too; other uploads (gzip, parts) are hashed from the bytes
    /// the plan sent (in memory), never from the data file, which may have changed since.
    func sentFileDigests() -> [SentFileDigest] {
        uploads.map { upload in
            let known = uploads.count == 1 ? (encryption?.sealedSHA256 ?? (encoding == .plain ? sha256 : nil)) : nil
            let digest = known ?? SHA256Hex.digest(upload.bytes)
            return SentFileDigest(filename: upload.filename, byteCount: upload.bytes.count, sha256: digest)
        }
    }
}

/// What downloading a delivered export back from Discord showed (docs/OPERATIONS.md, "Backups and restore").
enum DeliveryVerification: Sendable, Equatable {
    /// Every file Discord stored has the SHA-256 of the bytes sent.
    case verified
    /// A stored file differs from what was sent: the run fails (nothing is posted again).
    case mismatch(filename: String, sentSHA256: String, stored: String)
    /// Discord could not be asked (CDN unreachable after the client's retries, no URL): the run
    /// still succeeds, the export stays "not checked".
    case unavailable(String)

    /// The `result` label of `castbot_exports_verified_total`.
    var metricResult: String {
        switch self {
        case .verified: "verified"
        case .mismatch: "mismatch"
        case .unavailable: "unavailable"
        }
    }

    /// What `LastExportRecord.verified` keeps: true, false, or nil for not checked.
    var recordedFlag: Bool? {
        switch self {
        case .verified: true
        case .mismatch: false
        case .unavailable: nil
        }
    }
}

/// Downloads what Discord stored for a delivery and compares it with what was sent, one file at a
/// time: at most one file (≤ Discord's upload limit) is held, and the download is capped at the
/// size sent, so a larger stored file is a mismatch without being read in full.
struct DeliveryVerifier: Sendable {
    let discord: any DiscordClient

    /// `posted` are the messages Discord returned, in order; their attachments in order are the
    /// uploads of `sent`.
    func verify(_ sent: [SentFileDigest], posted: [Message]) async -> DeliveryVerification {
        let stored = posted.flatMap { $0.attachments ?? [] }
        guard stored.count == sent.count else {
            let first = sent.first(where: { file in !stored.contains { $0.filename == file.filename } }) ?? sent.first
            return .mismatch(
                filename: first?.filename ?? "(none)", sentSHA256: first?.sha256 ?? "-",
                stored: "Discord's messages hold \(stored.count) file\(stored.count == 1 ? "" : "s"), \(sent.count) were sent")
        }
        for (file, attachment) in zip(sent, stored) {
            if let size = attachment.size, size != file.byteCount {
                return .mismatch(
                    filename: file.filename, sentSHA256: file.sha256, stored: "a file of \(size) bytes (\(file.byteCount) were sent)")
            }
            guard let url = attachment.url else {
                return .unavailable("Discord's answer has no URL for \(file.filename)")
            }
            let data: Data
            do {
                data = try await discord.download(from: url, maxBytes: file.byteCount)
            } catch let error as DiscordHTTPError {
                if case .responseTooLarge = error.kind {
                    return .mismatch(
                        filename: file.filename, sentSHA256: file.sha256, stored: "a file larger than the \(file.byteCount) bytes sent")
                }
                return .unavailable("could not download \(file.filename) back: \(error.description)")
            } catch {
                return .unavailable("could not download \(file.filename) back: \(error)")
            }
            // Hashing megabytes is CPU work that must not hold a cooperative thread.
            let digest = await BlockingIO.run { SHA256Hex.digest(data) }
            guard digest == file.sha256 else {
                return .mismatch(filename: file.filename, sentSHA256: file.sha256, stored: "SHA-256 \(digest)")
            }
        }
        return .verified
    }
}

extension LastExportRecord {
    /// How View Live and the health report show the check of this export.
    var verificationText: String {
        switch verified {
        case true?: "verified ✅"
        case false?: "mismatch ❌"
        case nil: "not checked"
        }
    }
}
