/// A rich embed (legacy message layout; Components V2 messages use components instead).
package struct Embed: Sendable, Hashable, Codable {
    package var title: String?
    package var type: String?
    package var description: String?
    package var url: String?
    /// ISO 8601 timestamp.
    package var timestamp: String?
    package var color: Int?
    package var footer: Footer?
    package var image: Media?
    package var thumbnail: Media?
    package var author: Author?
    package var fields: [Field]?

    package init(
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

    package struct Footer: Sendable, Hashable, Codable {
        package var text: String
        package var iconURL: String?

        package init(text: String, iconURL: String? = nil) {
            self.text = text
            self.iconURL = iconURL
        }

        enum CodingKeys: String, CodingKey {
            case text
            case iconURL = "icon_url"
        }
    }

    package struct Media: Sendable, Hashable, Codable {
        package var url: String
        package var proxyURL: String?
        package var height: Int?
        package var width: Int?

        package init(url: String, proxyURL: String? = nil, height: Int? = nil, width: Int? = nil) {
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

    package struct Author: Sendable, Hashable, Codable {
        package var name: String
        package var url: String?
        package var iconURL: String?

        package init(name: String, url: String? = nil, iconURL: String? = nil) {
            self.name = name
            self.url = url
            self.iconURL = iconURL
        }

        enum CodingKeys: String, CodingKey {
            case name, url
            case iconURL = "icon_url"
        }
    }

    package struct Field: Sendable, Hashable, Codable {
        package var name: String
        package var value: String
        package var inline: Bool?

        package init(name: String, value: String, inline: Bool? = nil) {
            self.name = name
            self.value = value
            self.inline = inline
        }
    }
}
