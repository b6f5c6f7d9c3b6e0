import Foundation

/// A file to upload with a message (multipart part `files[n]`).
public struct DiscordFile: Sendable, Hashable {
    /// The name Discord shows; Discord documents ASCII letters, digits, `_`, `-` and `.`.
    public var filename: String
    /// MIME type, e.g. `application/json` or `application/gzip`.
    public var contentType: String
    public var data: Data
    /// Alt text shown for the attachment.
    public var description: String?

    public init(filename: String, contentType: String, data: Data, description: String? = nil) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
        self.description = description
    }
}
