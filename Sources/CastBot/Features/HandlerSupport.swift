import DiscordModels
import Foundation
import Logging
import PlayerData

/// Who may do what with player data (docs/OPERATIONS.md, "Inviting the bot to a server"): everything happens inside a server, by a member
/// with Manage Server or Administrator; "all servers" is for the bot's owners only; the bot needs
/// its channel permissions before it promises to post there.
struct PlayerDataAuthorizer: Sendable {
    let ownerIDs: Set<String>

    /// Permissions the bot needs in a channel to deliver exports through a temporary webhook.
    static let exportChannelPermissions: [Permissions] = [.viewChannel, .sendMessages, .attachFiles, .manageWebhooks]
    /// The health report carries no file.
    static let healthChannelPermissions: [Permissions] = [.viewChannel, .sendMessages, .manageWebhooks]

    func isOwner(_ interaction: PlayerDataInteraction) -> Bool {
        interaction.userID.map(ownerIDs.contains) ?? false
    }

    /// The server, channel and user of an interaction that must happen inside a server.
    func requireGuild(_ interaction: PlayerDataInteraction) throws(Refusal) -> GuildPlace {
        guard !interaction.isOutsideGuild, let guildID = interaction.guildID, let channelID = interaction.channelID,
            let userID = interaction.userID
        else {
            throw Refusal(
                "🚫 Player data works only inside a server: use /menu in a channel of the server whose data you "
                    + "want, not in a direct message.")
        }
        return GuildPlace(guildID: guildID, channelID: channelID, userID: userID)
    }

    /// Manage Server (1<<5) or Administrator (1<<3), from `member.permissions`.
    func requireServerManager(_ interaction: PlayerDataInteraction) throws(Refusal) {
        let permissions = interaction.interaction.member?.permissions ?? []
        guard permissions.contains(.manageGuild) || permissions.contains(.administrator) else {
            throw Refusal(
                "🚫 You need the **Manage Server** or **Administrator** permission in this server to manage its player data.")
        }
    }

    /// Both checks every server-scoped action starts with.
    func requireServerManagerInGuild(_ interaction: PlayerDataInteraction) throws(Refusal) -> GuildPlace {
        let place = try requireGuild(interaction)
        try requireServerManager(interaction)
        return place
    }

    func requireOwner(_ interaction: PlayerDataInteraction, for action: String) throws(Refusal) {
        guard isOwner(interaction) else {
            throw Refusal("🚫 \(action) is only for the bot's owners (the user ids in CASTBOT_OWNER_IDS).")
        }
    }

    /// Names every permission from `required` that the bot lacks in this channel (`app_permissions`).
    func requireBotPermissions(
        _ required: [Permissions], in interaction: PlayerDataInteraction, toPost what: String = "exports"
    ) throws(Refusal) {
        let granted = interaction.interaction.appPermissions ?? []
        guard !granted.contains(.administrator) else { return }
        let missing = required.filter { !granted.contains($0) }
        guard !missing.isEmpty else { return }
        let names = missing.flatMap(\.names)
        let channel = interaction.channelID.map { "<#\($0)>" } ?? "this channel"
        let all = required.flatMap(\.names).joined(separator: ", ")
        throw Refusal(
            "🚫 I'm missing \(names.count == 1 ? "a permission" : "permissions") in \(channel): "
                + names.map { "**\($0)**" }.joined(separator: ", ")
                + ". I need \(all) here to post \(what); grant \(names.count == 1 ? "it" : "them") and try again.")
    }
}

/// Where a server-scoped interaction happened.
struct GuildPlace: Sendable, Equatable {
    let guildID: String
    let channelID: String
    let userID: String
}

/// The interaction a player data handler works with: the decoded payload plus the few facts the
/// checks and replies need, as plain strings.
struct PlayerDataInteraction: Sendable {
    let interaction: Interaction
    /// For prefix routes, the rest of the custom id (an import token).
    let parameter: String?

    var guildID: String? { interaction.guildID?.rawValue }
    var channelID: String? { interaction.sourceChannelID?.rawValue }
    var userID: String? { interaction.invokingUser?.id.rawValue }
    var data: InteractionData? { interaction.data }

    /// True when Discord says the interaction happened outside a server (a DM or group DM).
    var isOutsideGuild: Bool {
        guard guildID != nil else { return true }
        if let context = interaction.context { return context != .guild }
        return false
    }

    /// The routed interaction as the endpoint decoded it; nil when the body was not an interaction
    /// Discord would send.
    init?(_ routed: RoutedInteraction) {
        guard let interaction = routed.envelope.interaction else { return nil }
        self.interaction = interaction
        self.parameter = routed.parameter
    }
}

/// Runs a handler body with the checks every player data handler shares: the body decodes once,
/// a `Refusal` becomes its ephemeral message, and any other error is logged and answered with a
/// short notice, so no input can crash a handler or leave the user without an answer.
enum GuardedHandler {
    static let unreadableNotice = "Discord sent something this bot could not read. Please try again."
    static let failureNotice = "Something went wrong while handling this. Please try again; if it keeps happening, tell the bot's operator."

    static func run(
        _ routed: RoutedInteraction,
        _ body: (PlayerDataInteraction) async throws -> InteractionReply
    ) async -> InteractionReply {
        guard let interaction = PlayerDataInteraction(routed) else {
            routed.logger.warning("interaction body could not be decoded")
            return UIReply.notice(unreadableNotice)
        }
        do {
            return try await body(interaction)
        } catch let refusal as Refusal {
            return UIReply.notice(refusal.message)
        } catch {
            routed.logger.error("player data handler failed", metadata: ["error": "\(error)"])
            return UIReply.notice(failureNotice)
        }
    }
}

/// A request the bot declines, with the message the user sees (ephemeral). Thrown by checks so a
/// handler stops at the first thing that is wrong and says exactly what it was.
struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}

/// Reads the data file for the UI from the shared snapshot (a server export reads only its
/// guild), turning the cases a user can hit into plain refusals.
struct PlayerDataReader: Sendable {
    let snapshots: PlayerDataSnapshots

    func snapshot() async throws -> DataFileSnapshot {
        do {
            return try await snapshots.snapshot()
        } catch .dataFileMissing {
            throw Refusal("📭 There is no playerData.json in the bot's data folder yet, so there is nothing to export.")
        } catch {
            throw Self.unreadable(error)
        }
    }

    func allExport(date: Date, kind: ExportKind) async throws -> ExportArtifact {
        do {
            return try await snapshot().allExport(date: date, kind: kind)
        } catch let error as PlayerDataError {
            throw Self.unreadable(error)
        }
    }

    private static func unreadable(_ error: PlayerDataError) -> Refusal {
        Refusal("❌ The bot's playerData.json cannot be read: \(error). Nothing was exported; tell the bot's operator.")
    }

    /// The export and the guild's name (nil when it has none).
    func serverExport(guildID: String, date: Date, kind: ExportKind) async throws -> (ExportArtifact, guildName: String?) {
        let file = try await snapshot()
        do throws(PlayerDataError) {
            let artifact = try await file.serverExport(guildID: guildID, date: date, kind: kind)
            return (artifact, try await file.serverName(of: guildID))
        } catch .guildNotFound {
            throw Refusal("📭 This server has no player data in playerData.json yet, so there is nothing to export.")
        } catch {
            throw Refusal("❌ This server's player data cannot be exported: \(error).")
        }
    }
}

/// Turns DiscordModels payloads into the router's replies. Encoding our own payloads cannot
/// reasonably fail; if it ever does, the user gets a short notice instead of a broken reply.
enum UIReply {
    /// An ephemeral plain-text message (type 4, flags 64).
    static func notice(_ text: String) -> InteractionReply {
        .message(text, ephemeral: true)
    }

    /// An ephemeral Components V2 message (flags 64 | 32768): a new message, or (`update`) an
    /// edit of the message the clicked component belongs to, which keeps its own visibility
    /// (an edit may only carry the Components V2 flag).
    static func componentsV2(_ components: [Component], update: Bool = false) -> InteractionReply {
        let flags: DiscordModels.MessageFlags = update ? [.isComponentsV2] : [.ephemeral, .isComponentsV2]
        let payload = MessagePayload(flags: flags, components: components)
        return .response(update ? .updateMessage(payload) : .message(payload))
    }

    static func modal(_ payload: ModalPayload) -> InteractionReply {
        .response(.modal(payload))
    }
}
