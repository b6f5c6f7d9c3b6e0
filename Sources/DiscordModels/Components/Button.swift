/// A clickable button (type 2). Link buttons carry `url` instead of `custom_id`.
public struct Button: Sendable, Hashable, Codable {
    public var id: Int?
    public var style: ButtonStyle
    public var label: String?
    public var emoji: PartialEmoji?
    public var customID: String?
    public var skuID: Snowflake?
    public var url: String?
    public var disabled: Bool?

    public init(
        id: Int? = nil,
        style: ButtonStyle,
        label: String? = nil,
        emoji: PartialEmoji? = nil,
        customID: String? = nil,
        skuID: Snowflake? = nil,
        url: String? = nil,
        disabled: Bool? = nil
    ) {
        self.id = id
        self.style = style
        self.label = label
        self.emoji = emoji
        self.customID = customID
        self.skuID = skuID
        self.url = url
        self.disabled = disabled
    }

    enum CodingKeys: String, CodingKey {
        case id, style, label, emoji, url, disabled
        case customID = "custom_id"
        case skuID = "sku_id"
    }
}
