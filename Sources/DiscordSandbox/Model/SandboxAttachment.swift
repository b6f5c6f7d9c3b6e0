/// A stored file, served back at `url` byte for byte.
package struct SandboxAttachment: Sendable, Hashable {
    package let id: String
    package let channelID: String
    package let filename: String
    package let contentType: String?
    package let description: String?
    /// The stored bytes; `DiscordSandbox.corruptAttachment` flips one to simulate storage damage.
    package internal(set) var bytes: [UInt8]
    /// Absolute URL of the file (`/attachments/{channel}/{id}/{filename}`) without the signature.
    /// Like Discord's CDN, the sandbox serves it only with a fresh `?ex=&is=&hm=` signature, which
    /// every message fetch adds (see `DiscordSandbox.signedURL(for:)`).
    package let url: String
    /// True for files uploaded into an interaction (a modal's File Upload), as Discord marks them.
    package let ephemeral: Bool

    package var size: Int { bytes.count }

    package init(
        id: String, channelID: String, filename: String, contentType: String?, description: String? = nil,
        bytes: [UInt8], url: String, ephemeral: Bool = false
    ) {
        self.id = id
        self.channelID = channelID
        self.filename = filename
        self.contentType = contentType
        self.description = description
        self.bytes = bytes
        self.url = url
        self.ephemeral = ephemeral
    }
}
