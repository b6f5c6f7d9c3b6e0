/// A row of up to five buttons or one select (type 1). Legacy modals wrap text inputs in rows.
public struct ActionRow: Sendable, Hashable, Codable {
    public var id: Int?
    public var components: [Component]

    public init(id: Int? = nil, components: [Component]) {
        self.id = id
        self.components = components
    }
}
