/// A modal field: a label and description around one input component (type 18). In a submission
/// it carries only `id` and the submitted `component`.
package struct Label: Sendable, Hashable, Codable {
    package var id: Int?
    package var label: String?
    package var description: String?
    package var component: Component

    package init(id: Int? = nil, label: String?, description: String? = nil, component: Component) {
        self.id = id
        self.label = label
        self.description = description
        self.component = component
    }
}
