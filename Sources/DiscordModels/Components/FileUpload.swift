/// Lets the user upload files in a modal (type 19). In a submission `values` holds the ids of the
/// uploaded attachments, found in the interaction's resolved attachments.
package struct FileUpload: Sendable, Hashable, Codable {
    package var id: Int?
    package var customID: String
    package var minValues: Int?
    package var maxValues: Int?
    package var required: Bool?
    /// Attachment ids (submissions).
    package var values: [String]?

    package init(
        id: Int? = nil,
        customID: String,
        minValues: Int? = nil,
        maxValues: Int? = nil,
        required: Bool? = nil,
        values: [String]? = nil
    ) {
        self.id = id
        self.customID = customID
        self.minValues = minValues
        self.maxValues = maxValues
        self.required = required
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case id, required, values
        case customID = "custom_id"
        case minValues = "min_values"
        case maxValues = "max_values"
    }
}
