/// A stored file, served back at `url` byte for byte.
public struct SandboxAttachment: Sendable, Hashable {
    public let id: String
    public let channelID: String
    public let filename: String
    public let contentType: String?
    public let description: String?
    /// The stored bytes; `DiscordSandbox.corruptAttachment` flips one to simulate storage damage.
    public internal(set) var bytes: [UInt8]
    /// Absolute URL of the file (`/attachments/{channel}/{id}/{filename}`) without the signature.
    /// Like Discord's CDN, the sandbox serves it only with a fresh `?ex=&is=&hm=` signature, which
    /// every message fetch adds (see `DiscordSandbox.signedURL(for:)`).
    public let url: String
    /// True for files uploaded into an interaction (a modal's File Upload), as Discord marks them.
    public let ephemeral: Bool

    public var size: Int { bytes.count }

    public init(
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
