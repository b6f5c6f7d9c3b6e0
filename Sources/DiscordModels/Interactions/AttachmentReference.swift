/// An attachment entry in a message payload. For a new upload, `id` is the index `n` of the
/// multipart part `files[n]`; for an existing attachment, its snowflake.
public struct AttachmentReference: Sendable, Hashable, Codable {
    public var id: Snowflake
    public var filename: String?
    public var description: String?

    public init(id: Snowflake, filename: String? = nil, description: String? = nil) {
        self.id = id
        self.filename = filename
        self.description = description
    }
}
