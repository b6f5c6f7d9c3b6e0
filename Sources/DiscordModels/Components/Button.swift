/// A clickable button (type 2). Link buttons carry `url` instead of `custom_id`.
package struct Button: Sendable, Hashable, Codable {
    package var id: Int?
    package var style: ButtonStyle
    package var label: String?
    package var emoji: PartialEmoji?
    package var customID: String?
    package var skuID: Snowflake?
    package var url: String?
    package var disabled: Bool?

    package init(
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
