/// Markdown text (type 10). In modal submissions only its `id` comes back.
public struct TextDisplay: Sendable, Hashable, Codable {
    public var id: Int?
    public var content: String?

    public init(id: Int? = nil, content: String?) {
        self.id = id
        self.content = content
    }
}
