import DiscordModels
import ExportFormat
import Foundation
import Logging
import PlayerData
import Scheduling

/// The Restore… button on export messages (docs/OPERATIONS.md, "Backups and restore"): a preview of what restoring that export
/// would change, then Confirm or Cancel.
///
/// The button's interaction carries the export message itself, so the export is the one clicked,
/// never a newer one. A server export restores only its own server, for members with Manage
/// Server there; an all-servers export restores the whole file, for the bot's owners only.
/// Downloading a large export takes longer than Discord's 3 seconds: the router answers
/// "thinking…" at its deadline and the preview follows.
struct RestoreHandlers: Sendable {
    let authorizer: PlayerDataAuthorizer
    let store: PlayerDataStore
    /// The restore as this bot's application sees it (only its own messages are exports).
    let restore: @Sendable (Snowflake) -> ChannelRestore
    /// The configured application id; without one, the interaction's own (signed by Discord).
    let applicationID: Snowflake?
    let pending: PendingImports
    let now: @Sendable () -> Date

    func start(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            guard let applicationID = applicationID ?? interaction.interaction.applicationID else {
                throw Refusal("❌ This bot does not know its application id, so it cannot tell its own exports; set DISCORD_APPLICATION_ID.")
            }
            let restore = restore(applicationID)
            guard let message = interaction.interaction.message,
                let file = restore.finder.recognizer.exportFile(in: message)
            else {
                throw Refusal("❌ This message carries no export of this bot, so there is nothing to restore from it.")
            }
            let guildID = try authorize(file.name, place: place, interaction: interaction)
            let preparation: RestorePreparation
            do {
                preparation = try await restore.prepare(message: message, guildID: guildID)
            } catch {
                throw Refusal("❌ This export can't be restored, and nothing was changed: \(error)")
            }
            let token = await pending.add(preparation.plan, userID: place.userID, guildID: place.guildID, filename: preparation.exportName)
            let expiresAt = now().addingTimeInterval(DurationText.timeInterval(pending.lifetime))
            routed.logger.info(
                "restore planned", metadata: ["export": "\(preparation.exportName)", "user": "\(place.userID)", "guild": "\(place.guildID)"])
            return UIReply.componentsV2(
                ImportPlanView.plan(preparation.plan, purpose: .restore, source: Self.source(preparation), token: token, expiresAt: expiresAt))
        }
    }

    func confirm(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let entry = try await pending.claimOrRefuse(interaction.parameter, userID: place.userID, guildID: place.guildID, what: "restore", again: "press Restore… again")
            // Owners only for a whole-file restore, checked again: the plan was made for them.
            if entry.plan.action == .replaceFile { try authorizer.requireOwner(interaction, for: "Restoring an all-servers export") }
            do throws(PlayerDataError) {
                let result = try await store.apply(entry.plan, date: now())
                routed.logger.notice(
                    "restore applied",
                    metadata: [
                        "export": "\(entry.filename)", "guild": "\(entry.plan.guildID ?? "all")", "user": "\(place.userID)",
                        "backup": "\(result.backupPath ?? "-")",
                    ])
                return UIReply.componentsV2(ImportPlanView.applied(result, title: "## ✅ Restore Complete"), update: true)
            } catch .dataFileChanged {
                throw Refusal("❌ The data file changed after this plan was made, so nothing was restored. Press Restore… again for a fresh plan.")
            } catch .saveRejected(let rejection) {
                throw Refusal(
                    "❌ Nothing was restored: the data-loss guard refused the result (\(rejection.reasons.joined(separator: "; "))). "
                        + "If this shrink is intended, the operator can restore with `castbot restore --allow-shrink`.")
            } catch {
                throw Refusal("❌ The restore failed and nothing was changed: \(error)")
            }
        }
    }

    func cancel(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            _ = try await pending.claimOrRefuse(interaction.parameter, userID: place.userID, guildID: place.guildID, what: "restore", again: "press Restore… again")
            return UIReply.componentsV2(ImportPlanView.closed("✖️ Restore cancelled. Nothing was changed."), update: true)
        }
    }

    /// Who may restore what; returns the guild to restore (nil: the whole file).
    private func authorize(_ name: ExportFileName, place: GuildPlace, interaction: PlayerDataInteraction) throws(Refusal) -> String? {
        if name.encrypted {
            throw Refusal(
                "🔒 This export is encrypted. It restores from the command line with the private key, which never "
                    + "reaches the bot: `castbot restore --channel \(place.channelID) --key <key file>`.")
        }
        switch name.scope {
        case .all:
            try authorizer.requireOwner(interaction, for: "Restoring an all-servers export")
            return nil
        case .guild(let id):
            guard id == place.guildID else {
                throw Refusal("🚫 This export holds server `\(id)`'s data; it can be restored only from that server.")
            }
            return id
        }
    }

    private static func source(_ preparation: RestorePreparation) -> [String] {
        var lines = ["**Export**: `\(preparation.exportName)` (\(ByteSizeText.describe(preparation.exportByteCount)))"]
        if let posted = preparation.postedAt { lines.append("**Posted**: \(DiscordTimestamp.markup(posted, .shortDateTime))") }
        lines.append("**SHA-256**: ✅ matches the message (`\(preparation.sha256.prefix(16))…`)")
        if !preparation.guardObjections.isEmpty {
            lines.append(
                "⚠️ **The data-loss guard will refuse this restore**: \(preparation.guardObjections.joined(separator: "; ")). "
                    + "Only the operator can override it (`castbot restore --allow-shrink`).")
        }
        return lines
    }
}
