/// A rich embed (legacy message layout; Components V2 messages use components instead).
public struct Embed: Sendable, Hashable, Codable {
    public var title: String?
    public var type: String?
    public var description: String?
    public var url: String?
    /// ISO 8601 timestamp.
    public var timestamp: String?
    public var color: Int?
    public var footer: Footer?
    public var image: Media?
    public var thumbnail: Media?
    public var author: Author?
    public var fields: [Field]?

    public init(
        title: String? = nil,
        type: String? = nil,
        description: String? = nil,
        url: String? = nil,
        timestamp: String? = nil,
        color: Int? = nil,
        footer: Footer? = nil,
        image: Media? = nil,
        thumbnail: Media? = nil,
        author: Author? = nil,
        fields: [Field]? = nil
    ) {
        self.title = title
        self.type = type
        self.description = description
        self.url = url
        self.timestamp = timestamp
        self.color = color
        self.footer = footer
        self.image = image
        self.thumbnail = thumbnail
        self.author = author
        self.fields = fields
    }

    public struct Footer: Sendable, Hashable, Codable {
        public var text: String
        public var iconURL: String?

        public init(text: String, iconURL: String? = nil) {
            self.text = text
            self.iconURL = iconURL
        }

        enum CodingKeys: String, CodingKey {
            case text
            case iconURL = "icon_url"
        }
    }

    public struct Media: Sendable, Hashable, Codable {
        public var url: String
        public var proxyURL: String?
        public var height: Int?
        public var width: Int?

        public init(url: String, proxyURL: String? = nil, height: Int? = nil, width: Int? = nil) {
            self.url = url
            self.proxyURL = proxyURL
            self.height = height
            self.width = width
        }

        enum CodingKeys: String, CodingKey {
            case url, height, width
            case proxyURL = "proxy_url"
        }
    }

    public struct Author: Sendable, Hashable, Codable {
        public var name: String
        public var url: String?
        public var iconURL: String?

        public init(name: String, url: String? = nil, iconURL: String? = nil) {
            self.name = name
            self.url = url
            self.iconURL = iconURL
        }

        enum CodingKeys: String, CodingKey {
            case name, url
            case iconURL = "icon_url"
        }
    }

    public struct Field: Sendable, Hashable, Codable {
        public var name: String
        public var value: String
        public var inline: Bool?

        public init(name: String, value: String, inline: Bool? = nil) {
            self.name = name
            self.value = value
            self.inline = inline
        }
    }
}
