/// A file attached to a message, or uploaded through a modal's File Upload component.
package struct Attachment: Sendable, Hashable, Codable {
    package var id: Snowflake
    package var filename: String
    package var title: String?
    package var description: String?
    package var contentType: String?
    /// Size in bytes.
    package var size: Int?
    package var url: String?
    package var proxyURL: String?
    package var height: Int?
    package var width: Int?
    package var ephemeral: Bool?
    package var flags: Int?

    package init(
        id: Snowflake,
        filename: String,
        title: String? = nil,
        description: String? = nil,
        contentType: String? = nil,
        size: Int? = nil,
        url: String? = nil,
        proxyURL: String? = nil,
        height: Int? = nil,
        width: Int? = nil,
        ephemeral: Bool? = nil,
        flags: Int? = nil
    ) {
        self.id = id
        self.filename = filename
        self.title = title
        self.description = description
        self.contentType = contentType
        self.size = size
        self.url = url
        self.proxyURL = proxyURL
        self.height = height
        self.width = width
        self.ephemeral = ephemeral
        self.flags = flags
    }

    enum CodingKeys: String, CodingKey {
        case id, filename, title, description, size, url, height, width, ephemeral, flags
        case contentType = "content_type"
        case proxyURL = "proxy_url"
    }
}
