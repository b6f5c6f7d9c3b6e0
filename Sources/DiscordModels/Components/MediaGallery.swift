/// One to ten media items shown as a gallery (type 12).
public struct MediaGallery: Sendable, Hashable, Codable {
    public var id: Int?
    public var items: [Item]

    public init(id: Int? = nil, items: [Item]) {
        self.id = id
        self.items = items
    }

    public struct Item: Sendable, Hashable, Codable {
        public var media: UnfurledMediaItem
        public var description: String?
        public var spoiler: Bool?

        public init(media: UnfurledMediaItem, description: String? = nil, spoiler: Bool? = nil) {
            self.media = media
            self.description = description
            self.spoiler = spoiler
        }
    }
}
