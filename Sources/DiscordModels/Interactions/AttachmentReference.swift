/// An attachment entry in a message payload: a file uploaded with this request (its `id` is the
/// index `n` of the multipart part `files[n]`, sent as a number as Discord documents it) or an
/// attachment the message already has (its snowflake, sent as a string).
package struct AttachmentReference: Sendable, Hashable, Codable {
    package enum ID: Sendable, Hashable, Codable {
        case upload(index: Int)
        case existing(Snowflake)

        package init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let index = try? container.decode(Int.self) {
                self = .upload(index: index)
            } else {
                self = .existing(try container.decode(Snowflake.self))
            }
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .upload(let index): try container.encode(index)
            case .existing(let id): try container.encode(id)
            }
        }
    }

    package var id: ID
    package var filename: String?
    package var description: String?

    package init(id: ID, filename: String? = nil, description: String? = nil) {
        self.id = id
        self.filename = filename
        self.description = description
    }

    /// The file sent as multipart part `files[index]`.
    package init(uploadIndex: Int, filename: String, description: String? = nil) {
        self.init(id: .upload(index: uploadIndex), filename: filename, description: description)
    }
}
