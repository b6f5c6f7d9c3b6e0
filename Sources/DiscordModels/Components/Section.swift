/// Text displays with an accessory (a button or a thumbnail) beside them (type 9).
package struct Section: Sendable, Hashable, Codable {
    package var id: Int?
    package var components: [Component]
    package var accessory: Component

    package init(id: Int? = nil, components: [Component], accessory: Component) {
        self.id = id
        self.components = components
        self.accessory = accessory
    }
}
