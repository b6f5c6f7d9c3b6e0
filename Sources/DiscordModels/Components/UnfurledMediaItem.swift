/// Media referenced by URL (or `attachment://<filename>` for an uploaded file). Only `url` is set
/// when sending; Discord fills in the rest.
package struct UnfurledMediaItem: Sendable, Hashable, Codable {
    package var url: String
    package var proxyURL: String?
    package var height: Int?
    package var width: Int?
    package var contentType: String?
    package var attachmentID: Snowflake?

    package init(
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
