/// A modal field: a label and description around one input component (type 18). In a submission
/// it carries only `id` and the submitted `component`.
public struct Label: Sendable, Hashable, Codable {
    public var id: Int?
    public var label: String?
    public var description: String?
    public var component: Component

    public init(id: Int? = nil, label: String?, description: String? = nil, component: Component) {
        self.id = id
        self.label = label
        self.description = description
        self.component = component
    }
}
