import Foundation

/// A file to upload with a message (multipart part `files[n]`).
package struct DiscordFile: Sendable, Hashable {
    /// The name Discord shows; Discord documents ASCII letters, digits, `_`, `-` and `.`.
    package var filename: String
    /// MIME type, e.g. `application/json` or `application/gzip`.
    package var contentType: String
    package var data: Data
    /// Alt text shown for the attachment.
    package var description: String?

    package init(filename: String, contentType: String, data: Data, description: String? = nil) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
        self.description = description
    }
}
