/// A popup form shown in answer to an interaction (callback type 9).
package struct ModalPayload: Sendable, Hashable, Codable {
    package var customID: String
    package var title: String
    /// One to five components; inputs are wrapped in labels.
    package var components: [Component]

    package init(customID: String, title: String, components: [Component]) {
        self.customID = customID
        self.title = title
        self.components = components
    }

    enum CodingKeys: String, CodingKey {
        case title, components
        case customID = "custom_id"
    }
}
