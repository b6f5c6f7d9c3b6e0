import Foundation

/// Serves stored files at `/attachments/{channel_id}/{attachment_id}/{filename}`, like Discord's CDN.
struct AttachmentServer: Sendable {
    let state: SandboxState

    func serve(_ exchange: SandboxExchange) async -> SandboxReply {
        guard exchange.method == "GET" || exchange.method == "HEAD" else { return .error(.methodNotAllowed) }
        guard exchange.segments.count == 4,
            let attachment = await state.attachment(id: exchange.segments[2]),
            attachment.channelID == exchange.segments[1],
            exchange.segments[3].removingPercentEncodingOrSelf == attachment.filename
        else {
            return SandboxReply(
                status: 404, headers: [SandboxHeader(name: "Content-Type", value: "text/plain")],
                body: Array("This content is no longer available.".utf8), errorCode: nil)
        }
        return .bytes(attachment.bytes, contentType: attachment.contentType ?? "application/octet-stream")
    }
}

extension String {
    var removingPercentEncodingOrSelf: String { removingPercentEncoding ?? self }
}
