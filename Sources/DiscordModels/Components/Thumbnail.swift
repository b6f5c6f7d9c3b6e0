/// A small image, used as a section's accessory (type 11).
public struct Thumbnail: Sendable, Hashable, Codable {
    public var id: Int?
    public var media: UnfurledMediaItem
    public var description: String?
    public var spoiler: Bool?

    public init(id: Int? = nil, media: UnfurledMediaItem, description: String? = nil, spoiler: Bool? = nil) {
        self.id = id
        self.media = media
        self.description = description
        self.spoiler = spoiler
    }
}
