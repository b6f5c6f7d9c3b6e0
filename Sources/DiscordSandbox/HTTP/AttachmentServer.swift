import Foundation

/// Serves stored files at `/attachments/{channel_id}/{attachment_id}/{filename}?ex=&is=&hm=&`, like
/// Discord's CDN: only with a valid, unexpired signature (see `AttachmentSigner`).
struct AttachmentServer: Sendable {
    let state: SandboxState

    /// What Discord's CDN answers for an expired, unsigned or wrongly signed link, and for a file
    /// that is gone (its message deleted).
    static let noLongerAvailable = SandboxReply(
        status: 404, headers: [SandboxHeader(name: "Content-Type", value: "text/plain")],
        body: Array("This content is no longer available.".utf8), errorCode: nil)

    func serve(_ exchange: SandboxExchange) async -> SandboxReply {
        guard exchange.method == "GET" || exchange.method == "HEAD" else { return .error(.methodNotAllowed) }
        guard exchange.segments.count == 4,
            let attachment = await state.signedAttachment(
                channelID: exchange.segments[1], attachmentID: exchange.segments[2], query: exchange.query),
            exchange.segments[3].removingPercentEncodingOrSelf == attachment.filename
        else {
            return Self.noLongerAvailable
        }
        return .bytes(attachment.bytes, contentType: attachment.contentType ?? "application/octet-stream")
    }
}

extension String {
    var removingPercentEncodingOrSelf: String { removingPercentEncoding ?? self }
}
