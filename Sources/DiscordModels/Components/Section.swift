/// Text displays with an accessory (a button or a thumbnail) beside them (type 9).
public struct Section: Sendable, Hashable, Codable {
    public var id: Int?
    public var components: [Component]
    public var accessory: Component

    public init(id: Int? = nil, components: [Component], accessory: Component) {
        self.id = id
        self.components = components
        self.accessory = accessory
    }
}
