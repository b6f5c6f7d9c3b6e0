/// A box around other components with an optional accent colour bar (type 17).
public struct Container: Sendable, Hashable, Codable {
    public var id: Int?
    public var components: [Component]
    /// RGB colour from 0x000000 to 0xFFFFFF.
    public var accentColor: Int?
    public var spoiler: Bool?

    public init(id: Int? = nil, components: [Component], accentColor: Int? = nil, spoiler: Bool? = nil) {
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
