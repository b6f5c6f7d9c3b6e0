import DiscordModels
import Foundation
import Logging

/// Receives every verified, non-PING interaction. `InteractionRouter` is the standard implementation.
package protocol InteractionHandler: Sendable {
    /// - Parameters:
    ///   - body: the request body exactly as Discord signed it.
    ///   - context: the envelope already read from `body`, and a logger carrying the interaction's id.
    /// - Returns: the answer for Discord; it must come back within Discord's 3 seconds.
    func handle(_ body: [UInt8], context: InteractionContext) async -> InteractionReply

    /// Called once during graceful shutdown, after the server stopped accepting requests:
    /// return when work started by `handle` (deferred replies, follow-ups) has finished.
    func finishPendingWork() async

    /// Work started by `handle` that is still running (deferred replies, follow-ups).
    var pendingWorkCount: Int { get }
}

extension InteractionHandler {
    package func finishPendingWork() async {}
    package var pendingWorkCount: Int { 0 }
}

/// What the server knows about a verified interaction besides its body.
package struct InteractionContext: Sendable {
    package let envelope: InteractionEnvelope
    package let logger: Logger

    package init(envelope: InteractionEnvelope, logger: Logger) {
        self.envelope = envelope
        self.logger = logger
    }
}

/// The few fields of an interaction the server needs to route it and to follow up on it, and the
/// interaction itself as DiscordModels reads it: the body is decoded once, when it arrives.
package struct InteractionEnvelope: Sendable, CustomStringConvertible {
    /// The whole interaction; nil for a body that has a `type` but not the `id` and `token` every
    /// interaction Discord sends carries (such a body is still routed and answered clearly).
    package let interaction: Interaction?
    package let type: InteractionType
    package let id: Snowflake?
    package let applicationID: Snowflake?
    /// Valid for 15 minutes and lets anyone answer as the bot: never logged.
    package let token: String?
    package let guildID: Snowflake?
    package let channelID: Snowflake?
    /// The invoking user, from `member.user.id` in guilds or `user.id` in DMs.
    package let userID: Snowflake?
    /// `data.name`: the command name for commands and autocomplete.
    package let commandName: String?
    /// `data.custom_id`: the component or modal id.
    package let customID: String?

    package init(
        type: InteractionType,
        id: Snowflake? = nil,
        applicationID: Snowflake? = nil,
        token: String? = nil,
        guildID: Snowflake? = nil,
        channelID: Snowflake? = nil,
        userID: Snowflake? = nil,
        commandName: String? = nil,
        customID: String? = nil,
        interaction: Interaction? = nil
    ) {
        self.interaction = interaction
        self.type = type
        self.id = id
        self.applicationID = applicationID
        self.token = token
        self.guildID = guildID
        self.channelID = channelID
        self.userID = userID
        self.commandName = commandName
        self.customID = customID
    }

    /// Reads the envelope as the server does; nil unless the body is a JSON object with an
    /// integer `type`. Useful to unit-test handlers without a server.
    static func decode(from body: [UInt8]) -> InteractionEnvelope? {
        if let interaction = try? JSONDecoder().decode(Interaction.self, from: Data(body)) {
            return InteractionEnvelope(
                type: interaction.type,
                id: interaction.id,
                applicationID: interaction.applicationID,
                token: interaction.token,
                guildID: interaction.guildID,
                channelID: interaction.sourceChannelID,
                userID: interaction.invokingUser?.id,
                commandName: interaction.data?.name,
                customID: interaction.data?.customID,
                interaction: interaction
            )
        }
        // Not a whole interaction: read what can be routed and answered, leniently.
        guard let wire = try? JSONDecoder().decode(Wire.self, from: Data(body)) else { return nil }
        return InteractionEnvelope(
            type: InteractionType(rawValue: wire.type),
            id: wire.id.flatMap { Snowflake($0) },
            applicationID: wire.applicationID.flatMap { Snowflake($0) },
            token: wire.token,
            guildID: wire.guildID.flatMap { Snowflake($0) },
            channelID: wire.channelID.flatMap { Snowflake($0) },
            userID: (wire.member?.user?.id ?? wire.user?.id).flatMap { Snowflake($0) },
            commandName: wire.data?.name,
            customID: wire.data?.customID
        )
    }

    package var description: String {
        "\(type) id=\(id?.rawValue ?? "-") route=\(customID ?? commandName ?? "-") guild=\(guildID?.rawValue ?? "-")"
    }

    /// Every field but `type` is optional and unknown fields are ignored, so Discord adding
    /// or reshaping fields never makes an interaction unreadable.
    private struct Wire: Decodable {
        struct Payload: Decodable {
            let name: String?
            let customID: String?
            enum CodingKeys: String, CodingKey {
                case name
                case customID = "custom_id"
            }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                name = try? container.decodeIfPresent(String.self, forKey: .name)
                customID = try? container.decodeIfPresent(String.self, forKey: .customID)
            }
        }
        struct User: Decodable {
            let id: String?
            enum CodingKeys: String, CodingKey { case id }

            init(from decoder: any Decoder) throws {
                id = try? decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .id)
            }
        }
        struct Member: Decodable { let user: User? }

        let type: Int
        let id: String?
        let applicationID: String?
        let token: String?
        let guildID: String?
        let channelID: String?
        let member: Member?
        let user: User?
        let data: Payload?

        enum CodingKeys: String, CodingKey {
            case type, id, token, member, user, data
            case applicationID = "application_id"
            case guildID = "guild_id"
            case channelID = "channel_id"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decode(Int.self, forKey: .type)
            id = try? container.decodeIfPresent(String.self, forKey: .id)
            applicationID = try? container.decodeIfPresent(String.self, forKey: .applicationID)
            token = try? container.decodeIfPresent(String.self, forKey: .token)
            guildID = try? container.decodeIfPresent(String.self, forKey: .guildID)
            channelID = try? container.decodeIfPresent(String.self, forKey: .channelID)
            member = try? container.decodeIfPresent(Member.self, forKey: .member)
            user = try? container.decodeIfPresent(User.self, forKey: .user)
            data = try? container.decodeIfPresent(Payload.self, forKey: .data)
        }
    }
}

extension InteractionType {
    /// The `type` label used in logs and metrics.
    package var label: String {
        switch self {
        case .ping: "ping"
        case .applicationCommand: "command"
        case .messageComponent: "component"
        case .applicationCommandAutocomplete: "autocomplete"
        case .modalSubmit: "modal"
        default: "unknown"
        }
    }
}
