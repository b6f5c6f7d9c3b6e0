/// Shows one uploaded file of the message (type 13); `file.url` must be `attachment://<filename>`.
package struct FileComponent: Sendable, Hashable, Codable {
    package var id: Int?
    package var file: UnfurledMediaItem
    package var spoiler: Bool?
    /// Filled in by Discord in responses.
    package var name: String?
    /// Filled in by Discord in responses (bytes).
    package var size: Int?

    package init(id: Int? = nil, file: UnfurledMediaItem, spoiler: Bool? = nil, name: String? = nil, size: Int? = nil) {
        self.id = id
        self.file = file
        self.spoiler = spoiler
        self.name = name
        self.size = size
    }
}
