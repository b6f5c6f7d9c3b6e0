/// A small image, used as a section's accessory (type 11).
package struct Thumbnail: Sendable, Hashable, Codable {
    package var id: Int?
    package var media: UnfurledMediaItem
    package var description: String?
    package var spoiler: Bool?

    package init(id: Int? = nil, media: UnfurledMediaItem, description: String? = nil, spoiler: Bool? = nil) {
        self.id = id
        self.media = media
        self.description = description
        self.spoiler = spoiler
    }
}
