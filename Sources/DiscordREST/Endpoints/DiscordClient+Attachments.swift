import DiscordModels
import Foundation

extension DiscordClient {
    /// Downloads an attachment (e.g. a file uploaded through a modal) from Discord's CDN.
    package func downloadAttachment(_ attachment: Attachment, maxBytes: Int) async throws -> Data {
        guard let url = attachment.url else {
            throw DiscordHTTPError(kind: .invalidRequest("attachment \(attachment.id) has no URL"), route: "GET (attachment)")
        }
        if let size = attachment.size, size > maxBytes {
            throw DiscordHTTPError(kind: .responseTooLarge(limit: maxBytes), route: "GET (attachment \(attachment.id))")
        }
        return try await download(from: url, maxBytes: maxBytes)
    }
}
