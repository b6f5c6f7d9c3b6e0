/// One to ten media items shown as a gallery (type 12).
package struct MediaGallery: Sendable, Hashable, Codable {
    package var id: Int?
    package var items: [Item]

    package init(id: Int? = nil, items: [Item]) {
        self.id = id
        self.items = items
    }

    package struct Item: Sendable, Hashable, Codable {
        package var media: UnfurledMediaItem
        package var description: String?
        package var spoiler: Bool?

        package init(media: UnfurledMediaItem, description: String? = nil, spoiler: Bool? = nil) {
            self.media = media
            self.description = description
            self.spoiler = spoiler
        }
    }
}
