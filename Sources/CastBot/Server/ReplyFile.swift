/// A file attached to a reply. Files always travel in a follow-up message (multipart upload),
/// never in the HTTP answer to Discord.
public struct ReplyFile: Sendable, Equatable {
    public var filename: String
    public var contentType: String
    public var bytes: [UInt8]

    public init(filename: String, contentType: String = "application/json", bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}
