/// A popup form shown in answer to an interaction (callback type 9).
public struct ModalPayload: Sendable, Hashable, Codable {
    public var customID: String
    public var title: String
    /// One to five components; inputs are wrapped in labels.
    public var components: [Component]

    public init(customID: String, title: String, components: [Component]) {
        self.customID = customID
        self.title = title
        self.components = components
    }

    enum CodingKeys: String, CodingKey {
        case title, components
        case customID = "custom_id"
    }
}
