/// Markdown text (type 10). In modal submissions only its `id` comes back.
package struct TextDisplay: Sendable, Hashable, Codable {
    package var id: Int?
    package var content: String?

    package init(id: Int? = nil, content: String?) {
        self.id = id
        self.content = content
    }
}
