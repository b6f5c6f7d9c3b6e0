import Foundation

/// Discord's JSON shapes for the sandbox's objects.
enum SandboxRendering {
    static func user(_ user: SandboxUser) -> SandboxJSON {
        [
            "id": .string(user.id),
            "username": .string(user.username),
            "global_name": .optional(user.globalName),
            "avatar": nil,
            "discriminator": "0",
            "public_flags": 0,
            "flags": 0,
            "bot": .bool(user.isBot),
            "banner": nil,
            "accent_color": nil,
            "avatar_decoration_data": nil,
            "primary_guild": nil,
        ]
    }

    static func channel(_ channel: SandboxChannel, recipients: [SandboxUser], lastMessageID: String?) -> SandboxJSON {
        var object: [String: SandboxJSON] = [
            "id": .string(channel.id),
            "type": .integer(channel.kind.rawValue),
            "flags": 0,
            "last_message_id": .optional(lastMessageID),
        ]
        if channel.isDirectMessage {
            object["recipients"] = .array(recipients.map(user))
        } else {
            object["guild_id"] = .optional(channel.guildID)
            object["name"] = .string(channel.name ?? "channel-\(channel.id)")
            object["position"] = 0
            object["parent_id"] = nil
            object["permission_overwrites"] = []
            object["nsfw"] = false
            object["rate_limit_per_user"] = 0
            object["topic"] = nil
        }
        return .object(object)
    }

    static func webhook(_ webhook: SandboxWebhook, creator: SandboxUser?, origin: String) -> SandboxJSON {
        var object: [String: SandboxJSON] = [
            "id": .string(webhook.id),
            "type": 1,
            "name": .string(webhook.name),
            "avatar": nil,
            "channel_id": .string(webhook.channelID),
            "guild_id": .optional(webhook.guildID),
            "application_id": .optional(webhook.applicationID),
            "token": .string(webhook.token),
            "url": .string("\(origin)/api/v10/webhooks/\(webhook.id)/\(webhook.token)"),
        ]
        if let creator { object["user"] = user(creator) }
        return .object(object)
    }

    /// `signedURL` is the file's URL with a fresh CDN signature.
    static func attachment(_ attachment: SandboxAttachment, signedURL: String) -> SandboxJSON {
        var object: [String: SandboxJSON] = [
            "id": .string(attachment.id),
            "filename": .string(attachment.filename),
            "size": .integer(attachment.size),
            "url": .string(signedURL),
            "proxy_url": .string(signedURL),
            "content_type": .optional(attachment.contentType),
        ]
        if let description = attachment.description { object["description"] = .string(description) }
        if attachment.ephemeral { object["ephemeral"] = true }
        return .object(object)
    }

    /// `interaction` is the id and type of the interaction a response message answers.
    static func message(
        _ message: SandboxMessage, author: SandboxJSON, applicationID: String?,
        interaction: (id: String, type: Int)?, attachments: [SandboxJSON]
    ) -> SandboxJSON {
        var object: [String: SandboxJSON] = [
            "id": .string(message.id),
            "channel_id": .string(message.channelID),
            // Replies to slash commands are type 20 (CHAT_INPUT_COMMAND); others are plain messages.
            "type": interaction?.type == 2 ? 20 : 0,
            "content": .string(message.content),
            "author": author,
            "attachments": .array(attachments),
            "embeds": message.embeds,
            "components": message.components,
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": false,
            "pinned": false,
            "tts": false,
            "flags": .integer(message.flags),
            "timestamp": .string(DiscordISO8601.string(message.createdAt)),
            "edited_timestamp": message.editedAt.map { .string(DiscordISO8601.string($0)) } ?? .null,
        ]
        if case .webhook(let id, _) = message.author { object["webhook_id"] = .string(id) }
        if let applicationID { object["application_id"] = .string(applicationID) }
        if let interaction {
            object["webhook_id"] = .optional(applicationID)
            object["interaction_metadata"] = ["id": .string(interaction.id), "type": .integer(interaction.type)]
        }
        return .object(object)
    }

    /// The author shown for a webhook message: a bot-flagged pseudo-user named after the webhook.
    static func webhookAuthor(id: String, username: String) -> SandboxJSON {
        [
            "id": .string(id),
            "username": .string(username),
            "avatar": nil,
            "discriminator": "0000",
            "bot": true,
            "global_name": nil,
            "public_flags": 0,
            "flags": 0,
        ]
    }
}
