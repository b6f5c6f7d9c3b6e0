/// Shows one uploaded file of the message (type 13); `file.url` must be `attachment://<filename>`.
public struct FileComponent: Sendable, Hashable, Codable {
    public var id: Int?
    public var file: UnfurledMediaItem
    public var spoiler: Bool?
    /// Filled in by Discord in responses.
    public var name: String?
    /// Filled in by Discord in responses (bytes).
    public var size: Int?

    public init(id: Int? = nil, file: UnfurledMediaItem, spoiler: Bool? = nil, name: String? = nil, size: Int? = nil) {
        self.id = id
        self.file = file
        self.spoiler = spoiler
        self.name = name
        self.size = size
    }
}
