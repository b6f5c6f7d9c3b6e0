/// A file attached to a message, or uploaded through a modal's File Upload component.
public struct Attachment: Sendable, Hashable, Codable {
    public var id: Snowflake
    public var filename: String
    public var title: String?
    public var description: String?
    public var contentType: String?
    /// Size in bytes.
    public var size: Int?
    public var url: String?
    public var proxyURL: String?
    public var height: Int?
    public var width: Int?
    public var ephemeral: Bool?
    public var flags: Int?

    public init(
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
