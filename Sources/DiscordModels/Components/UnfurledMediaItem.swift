/// Media referenced by URL (or `attachment://<filename>` for an uploaded file). Only `url` is set
/// when sending; Discord fills in the rest.
public struct UnfurledMediaItem: Sendable, Hashable, Codable {
    public var url: String
    public var proxyURL: String?
    public var height: Int?
    public var width: Int?
    public var contentType: String?
    public var attachmentID: Snowflake?

    public init(
        url: String,
        proxyURL: String? = nil,
        height: Int? = nil,
        width: Int? = nil,
        contentType: String? = nil,
        attachmentID: Snowflake? = nil
    ) {
        self.url = url
        self.proxyURL = proxyURL
        self.height = height
        self.width = width
        self.contentType = contentType
        self.attachmentID = attachmentID
    }

    enum CodingKeys: String, CodingKey {
        case url, height, width
        case proxyURL = "proxy_url"
        case contentType = "content_type"
        case attachmentID = "attachment_id"
    }
}
