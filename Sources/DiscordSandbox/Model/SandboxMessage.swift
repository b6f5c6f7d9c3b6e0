import Foundation

/// A message as the sandbox stored it, for tests to inspect.
package struct SandboxMessage: Sendable, Hashable {
    /// Who posted the message.
    package enum Author: Sendable, Hashable {
        /// The bot, through `POST /channels/{id}/messages`.
        case bot
        /// A webhook execution; `username` is the name shown (an override or the webhook's name).
        case webhook(id: String, username: String)
        /// A reply to an interaction (initial response or follow-up), posted as the bot.
        case interaction(id: String)
        /// A person (set up with `DiscordSandbox.postUserMessage`), never the bot.
        case user(id: String)
    }

    package let id: String
    package let channelID: String
    package let author: Author
    package var content: String
    /// The `components` array as sent (Components V2 layouts included).
    package var components: SandboxJSON
    package var embeds: SandboxJSON
    package var flags: Int
    package var attachments: [SandboxAttachment]
    /// For webhook messages: the application that owns the webhook, kept on the message as
    /// Discord does (`application_id`), so it outlives a deleted webhook.
    package var applicationID: String?
    package let createdAt: Date
    package var editedAt: Date?

    package static let ephemeralFlag = 1 << 6
    package static let loadingFlag = 1 << 7
    package static let componentsV2Flag = 1 << 15

    package var isEphemeral: Bool { flags & Self.ephemeralFlag != 0 }

    /// Posted as the bot itself (not through a webhook, not by a person): the bot may always delete it.
    var isBotAuthored: Bool {
        switch author {
        case .bot, .interaction: true
        case .webhook, .user: false
        }
    }

    /// Every `custom_id` in the components tree, depth first, for assertions on buttons.
    package var customIDs: [String] {
        var found: [String] = []
        Self.collectCustomIDs(in: components, into: &found)
        return found
    }

    private static func collectCustomIDs(in json: SandboxJSON, into found: inout [String]) {
        switch json {
        case .array(let items):
            for item in items { collectCustomIDs(in: item, into: &found) }
        case .object(let object):
            if let id = object["custom_id"]?.stringValue { found.append(id) }
            for key in object.keys.sorted() where key != "custom_id" {
                if let value = object[key] { collectCustomIDs(in: value, into: &found) }
            }
        default:
            break
        }
    }
}
