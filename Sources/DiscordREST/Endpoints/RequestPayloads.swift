import DiscordModels

/// `POST /users/@me/channels` body.
struct CreateDMBody: Encodable {
    let recipientID: Snowflake

    enum CodingKeys: String, CodingKey {
        case recipientID = "recipient_id"
    }
}

/// `POST /channels/{channel.id}/webhooks` body.
struct CreateWebhookBody: Encodable {
    let name: String
    let avatar: String?
}
