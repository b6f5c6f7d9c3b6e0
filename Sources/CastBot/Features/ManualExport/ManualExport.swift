import DiscordModels
import ExportFormat
import Foundation
import Logging
import PlayerData

/// `playerdata_export` and `playerdata_export_all`: export now and attach the file. A reply with
/// files always goes out deferred (type 5, ephemeral) and arrives as a follow-up; refusals are
/// answered at once. Large exports are packaged like scheduled ones (gzip, or numbered parts
/// with one message per part).
struct ManualExportHandler: Sendable {
    let authorizer: PlayerDataAuthorizer
    let data: PlayerDataReader
    let packager: ExportPackager
    let extraParts: ExtraPartSender
    let now: @Sendable () -> Date

    func export(_ routed: RoutedInteraction, all: Bool) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let date = now()
            let artifact: ExportArtifact
            let guildName: String?
            let scope: ExportScope
            if all {
                try authorizer.requireOwner(interaction, for: "**Export All**")
                artifact = try await data.allExport(date: date, kind: .manual)
                guildName = nil
                scope = .all
            } else {
                let place = try authorizer.requireServerManagerInGuild(interaction)
                (artifact, guildName) = try await data.serverExport(guildID: place.guildID, date: date, kind: .manual)
                scope = .guild(place.guildID)
            }
            let plan: ExportAttachmentPlan
            do {
                plan = try await packager.planOffCooperativePool(for: artifact)
            } catch {
                throw Refusal("❌ The export could not be packaged for Discord: \(error)")
            }
            let text = ManualExportMessage.text(artifact, scope: scope, guildName: guildName, plan: plan, date: date)
            extraParts.send(plan, after: routed)
            var payload = InteractionReply.messagePayload(text, ephemeral: true)
            // Ephemeral parts never show in the channel's history, so only a one-file export can be
            // restored from its message.
            if plan.uploads.count == 1 { payload.components = [.actionRow(ActionRow(components: [ExportMessageButtons.restoreButton]))] }
            return InteractionReply.response(.message(payload)).attaching(plan.uploads.prefix(1).map(\.replyFile))
        }
    }
}

/// Posts parts 2…n of a split export as further ephemeral follow-ups, one part per message so
/// each request stays within Discord's upload limit. They go out once the first answer has left.
struct ExtraPartSender: Sendable {
    let followUps: any FollowUpSender

    func send(_ plan: ExportAttachmentPlan, after routed: RoutedInteraction) {
        let parts = plan.uploads.dropFirst()
        guard !parts.isEmpty else { return }
        let envelope = routed.envelope
        guard let applicationID = envelope.applicationID, let token = envelope.token, let interactionID = envelope.id else {
            routed.logger.error("cannot send export parts: the interaction has no id, application_id or token")
            return
        }
        let logger = routed.logger
        let followUps = followUps
        let messages = parts.map { upload in
            FollowUpMessage(
                target: .newMessage, applicationID: applicationID, interactionID: interactionID, interactionToken: token,
                payload: InteractionReply.messagePayload(ManualExportMessage.part(upload, of: plan), ephemeral: true),
                files: [upload.replyFile])
        }
        routed.continueAfterReply {
            for message in messages {
                do {
                    try await followUps.send(message)
                } catch {
                    logger.error("an export part could not be sent", metadata: ["error": "\(error)"])
                    return
                }
            }
        }
    }
}

/// The texts of a manual export's follow-ups, in the seed's export message format (`ExportMessageText`).
enum ManualExportMessage {
    static func text(_ artifact: ExportArtifact, scope: ExportScope, guildName: String?, plan: ExportAttachmentPlan, date: Date) -> String {
        var type = scope.typeLabel
        if let guildName { type += " (\(guildName))" }
        let facts = ExportMessageFacts(
            kind: .manual, typeLabel: type, guildCount: artifact.guildCount, playerCount: artifact.playerCount, exportedAt: date)
        return ExportMessageText.first(plan, facts)
    }

    static func part(_ upload: ExportAttachmentPlan.Upload, of plan: ExportAttachmentPlan) -> String {
        ExportMessageText.part(upload, of: plan, kind: .manual)
    }
}
