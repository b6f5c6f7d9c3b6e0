/// A row of up to five buttons or one select (type 1). Legacy modals wrap text inputs in rows.
package struct ActionRow: Sendable, Hashable, Codable {
    package var id: Int?
    package var components: [Component]

    package init(id: Int? = nil, components: [Component]) {
        self.id = id
        self.components = components
    }
}
