/// An attachment entry in a message payload: a file uploaded with this request (its `id` is the
/// index `n` of the multipart part `files[n]`, sent as a number as Discord documents it) or an
/// attachment the message already has (its snowflake, sent as a string).
public struct AttachmentReference: Sendable, Hashable, Codable {
    public enum ID: Sendable, Hashable, Codable {
        case upload(index: Int)
        case existing(Snowflake)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let index = try? container.decode(Int.self) {
                self = .upload(index: index)
            } else {
                self = .existing(try container.decode(Snowflake.self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .upload(let index): try container.encode(index)
            case .existing(let id): try container.encode(id)
            }
        }
    }

    public var id: ID
    public var filename: String?
    public var description: String?

    public init(id: ID, filename: String? = nil, description: String? = nil) {
        self.id = id
        self.filename = filename
        self.description = description
    }

    /// The file sent as multipart part `files[index]`.
    public init(uploadIndex: Int, filename: String, description: String? = nil) {
        self.init(id: .upload(index: uploadIndex), filename: filename, description: description)
    }
}
