/// A box around other components with an optional accent colour bar (type 17).
package struct Container: Sendable, Hashable, Codable {
    package var id: Int?
    package var components: [Component]
    /// RGB colour from 0x000000 to 0xFFFFFF.
    package var accentColor: Int?
    package var spoiler: Bool?

    package init(id: Int? = nil, components: [Component], accentColor: Int? = nil, spoiler: Bool? = nil) {
        self.id = id
        self.components = components
        self.accentColor = accentColor
        self.spoiler = spoiler
    }

    enum CodingKeys: String, CodingKey {
        case id, components, spoiler
        case accentColor = "accent_color"
    }
}
